// The programmatic API (src/api.ts, docs/api.md): lintText, the CrisisLint class, loadConfig and
// formatters agree with the command line; the text half bundles for a browser without Node
// modules; the built package entry (dist/api.js) works as `import … from 'crisislint'`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ConfigError, CrisisLint, lintFiles, lintText, loadConfig, NoFilesFoundError, RuleSettingError, version } from '../src/api.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'crisislint.cjs');
const NOW = new Date('2030-01-01T00:00:00Z');
const PASSIVE = 'The outage has been resolved. The issue was caused by a bad deploy.\n';

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'crisislint-api-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function cliJson(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, '--format', 'json', '--now', NOW.toISOString(), ...args], { cwd, encoding: 'utf8' });
  return JSON.parse(r.stdout);
}

describe('lintText', () => {
  it('lints a string with the built-in rules and given settings', () => {
    const all = lintText(PASSIVE, { now: NOW });
    expect(all.findings.map((f) => f.ruleId)).toContain('passive-voice');
    const off = lintText(PASSIVE, { now: NOW, rules: { 'passive-voice': 'off' } });
    expect(off.findings.map((f) => f.ruleId)).not.toContain('passive-voice');
    expect(off.score).toBeGreaterThan(all.score!);
  });

  it('reports a bad input as the result, not a throw, and throws for a bad setting', () => {
    expect(lintText('   ', { filePath: 'empty.md' })).toMatchObject({ filePath: 'empty.md', fatal: 'file is empty', score: null });
    expect(() => lintText(PASSIVE, { rules: { 'pasive-voice': 'off' } })).toThrow(RuleSettingError);
    expect(() => lintText(PASSIVE, { rules: { 'pasive-voice': 'off' } })).toThrow(/did you mean "passive-voice"/);
  });

  it('gives what the command line gives for the same text', () => {
    const text = readFileSync(join(ROOT, 'fixtures', 'poor-statement.md'), 'utf8');
    const [cli] = cliJson(['--no-config', 'fixtures/poor-statement.md'], ROOT);
    const api = lintText(text, { now: NOW, filePath: 'fixtures/poor-statement.md' });
    expect(api.score).toBe(cli.score);
    expect(api.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual(cli.messages.map((m: { ruleId: string; line: number; column: number }) => [m.ruleId, m.line, m.column]));
  });

  it('runs plugin rule objects', () => {
    const result = lintText('We expect an ETA soon.\n', {
      now: NOW,
      plugins: [
        {
          meta: { id: 'no-eta', principle: 'P5', scope: 'sentence', severity: 'warning', description: 'ETA', maintenance: true, docs: { why: '', fix: '', fail: [], pass: [] } },
          check(context) {
            for (const statement of context.incident.statements) for (const sentence of statement.sentences) if (sentence.text.includes('ETA')) context.report({ statement, sentence, message: 'no ETA' });
          },
        },
      ],
    });
    expect(result.findings.map((f) => f.ruleId)).toContain('no-eta');
  });

  it('reports the package version', () => {
    expect(version).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    expect(CrisisLint.version).toBe(version);
  });
});

describe('CrisisLint', () => {
  const project = () =>
    tempDir({
      '.crisislintrc.yaml': 'rules:\n  passive-voice: error\nignores:\n  - drafts/**\n',
      'content/outage.md': PASSIVE,
      'drafts/wip.md': PASSIVE,
      'sub/.crisislintrc.json': '{ "rules": { "passive-voice": "off" } }',
      'sub/x.md': PASSIVE,
    });

  it('lints files with the nearest config, skips ignored files, and matches the CLI', async () => {
    const dir = project();
    const results = await new CrisisLint({ cwd: dir, now: NOW }).lintFiles(['.']);
    expect(results.map((r) => r.filePath).sort()).toEqual(['content/outage.md', 'sub/x.md']);
    const outage = results.find((r) => r.filePath === 'content/outage.md')!;
    expect(outage.findings.find((f) => f.ruleId === 'passive-voice')?.severity).toBe('error');
    const cli = cliJson(['.'], dir);
    expect(cli.map((r: { filePath: string; score: number }) => [r.filePath, r.score]).sort()).toEqual(results.map((r) => [r.filePath, r.score]).sort());
  });

  it('lintText uses the config of its cwd, as the CLI run there would', async () => {
    const dir = project();
    const [top] = await new CrisisLint({ cwd: dir, now: NOW }).lintText(PASSIVE, { filePath: 'sub/new.md' });
    const [sub] = await new CrisisLint({ cwd: join(dir, 'sub'), now: NOW }).lintText(PASSIVE, { filePath: 'new.md' });
    expect(top.findings.some((f) => f.ruleId === 'passive-voice' && f.severity === 'error')).toBe(true);
    expect(sub.findings.some((f) => f.ruleId === 'passive-voice')).toBe(false);
    expect(top.filePath).toBe('sub/new.md');
    // The file is never read: the text given is linted.
    expect(existsSync(join(dir, 'sub/new.md'))).toBe(false);
  });

  it('rules override the config as --rule does; config false ignores config files', async () => {
    const dir = project();
    const [overridden] = await new CrisisLint({ cwd: dir, now: NOW, rules: { 'passive-voice': 'info' } }).lintFiles('content/outage.md');
    expect(overridden.findings.find((f) => f.ruleId === 'passive-voice')?.severity).toBe('info');
    const [defaults] = await new CrisisLint({ cwd: dir, now: NOW, config: false }).lintFiles('content/outage.md');
    expect(defaults.findings.find((f) => f.ruleId === 'passive-voice')?.severity).toBe('warning');
    const all = await new CrisisLint({ cwd: dir, now: NOW, config: false }).lintFiles('.');
    expect(all.map((r) => r.filePath)).toContain('drafts/wip.md');
  });

  it('ignore: false and ignorePatterns', async () => {
    const dir = project();
    expect((await new CrisisLint({ cwd: dir, ignore: false }).lintFiles('.')).map((r) => r.filePath)).toContain('drafts/wip.md');
    const linter = new CrisisLint({ cwd: dir, ignorePatterns: ['sub/'] });
    expect((await linter.lintFiles('.')).map((r) => r.filePath)).toEqual(['content/outage.md']);
    expect(await linter.isPathIgnored('sub/x.md')).toBe(true);
    expect(await linter.isPathIgnored('drafts/wip.md')).toBe(true);
    expect(await linter.isPathIgnored('content/outage.md')).toBe(false);
  });

  it('throws NoFilesFoundError for a path that matches nothing and ConfigError for a bad config', async () => {
    const dir = project();
    await expect(lintFiles(['missing.md'], { cwd: dir })).rejects.toThrow(NoFilesFoundError);
    writeFileSync(join(dir, '.crisislintrc.yaml'), 'rule:\n  passive-voice: off\n');
    await expect(lintFiles(['content'], { cwd: dir })).rejects.toThrow(ConfigError);
    await expect(loadConfig({ cwd: dir })).rejects.toThrow(/unknown key \(did you mean "rules"\?\)/);
  });

  it('calculateConfigForFile gives every rule its severity and merged options', async () => {
    const linter = new CrisisLint({ cwd: project() });
    const top = await linter.calculateConfigForFile('content/outage.md');
    expect(top.configFile).toMatch(/\.crisislintrc\.yaml$/);
    expect(top.rules['passive-voice'][0]).toBe('error');
    expect(top.rules.jargon[0]).toBe('info');
    expect(Array.isArray(top.rules.jargon[1].terms)).toBe(true);
    expect(top.ignored).toBe(false);
    expect((await linter.calculateConfigForFile('drafts/wip.md')).ignored).toBe(true);
    expect((await new CrisisLint({ cwd: join(linter.cwd, 'sub') }).calculateConfigForFile('x.md')).rules['passive-voice'][0]).toBe('off');
  });

  it('loadFormatter formats as --format does; getErrorResults keeps errors only', async () => {
    const dir = project();
    const linter = new CrisisLint({ cwd: dir, now: NOW });
    const results = await linter.lintFiles('content');
    const compact = (await linter.loadFormatter('compact')).format(results);
    const cli = spawnSync(process.execPath, [BIN, 'content', '--format', 'compact', '--now', NOW.toISOString()], { cwd: dir, encoding: 'utf8' });
    expect(compact).toBe(cli.stdout);
    await expect(linter.loadFormatter('xml')).rejects.toThrow(/unknown formatter "xml"/);
    const errors = CrisisLint.getErrorResults(results);
    expect(errors).toHaveLength(1);
    expect(errors[0].findings.every((f) => f.severity === 'error')).toBe(true);
    expect(errors[0].findings.length).toBeGreaterThan(0);
  });
});

describe('the package entry', () => {
  it('bundles lintText for a browser without Node built-ins', async () => {
    // What a browser bundle of the text API holds. Only the compromise loader may name a Node
    // module: the browser build provides compromise itself (src/nlp/analysis.ts's hook).
    const out = await build({
      stdin: { contents: "export { lintText } from './src/api/text.ts';", resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      write: false,
      metafile: true,
      platform: 'browser',
      format: 'esm',
      external: ['compromise', 'node:module'],
      logLevel: 'silent',
    });
    const nodeImports = Object.entries(out.metafile.inputs).flatMap(([file, input]) =>
      input.imports.filter((i) => i.external && /^node:/.test(i.path)).map((i) => `${file} -> ${i.path}`),
    );
    expect(nodeImports).toEqual(['src/nlp/analysis.ts -> node:module']);
    expect(Object.keys(out.metafile.inputs).filter((f) => /src\/(cli|api\/node)|formatters/.test(f))).toEqual([]);
  });

  it('dist/api.js works as `import … from "crisislint"` from another folder', () => {
    // A project with crisislint installed by a symbolic link (npm link crisislint / npm install ../crisislint).
    const dir = tempDir({
      'package.json': '{ "type": "module" }',
      'check.mjs': `import { lintText, CrisisLint, defineRule } from 'crisislint';
const r = lintText('The outage has been resolved.', { now: new Date('2030-01-01T00:00:00Z') });
console.log(JSON.stringify({ score: r.score, ids: r.findings.map((f) => f.ruleId), version: CrisisLint.version, identity: typeof defineRule }));`,
    });
    mkdirSync(join(dir, 'node_modules'));
    spawnSync('ln', ['-s', ROOT, join(dir, 'node_modules', 'crisislint')]);
    const run = spawnSync(process.execPath, ['check.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    expect(out.ids).toContain('passive-voice');
    expect(out.version).toBe(version);
    expect(out.identity).toBe('function');
  });

  it('the examples in docs/api.md run as written', () => {
    const docs = readFileSync(join(ROOT, 'docs', 'api.md'), 'utf8');
    const examples = [...docs.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(examples.length).toBeGreaterThanOrEqual(3);
    const dir = tempDir({ 'package.json': '{ "type": "module" }', 'status-site/content/issues/outage.md': readFileSync(join(ROOT, 'fixtures', 'poor-statement.md'), 'utf8') });
    mkdirSync(join(dir, 'node_modules'));
    spawnSync('ln', ['-s', ROOT, join(dir, 'node_modules', 'crisislint')]);
    examples.forEach((example, i) => {
      writeFileSync(join(dir, `example-${i}.mjs`), example);
      const run = spawnSync(process.execPath, [`example-${i}.mjs`], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(run.stderr, `example ${i + 1}:\n${example}`).toBe('');
      expect(run.stdout.length, `example ${i + 1} printed nothing`).toBeGreaterThan(0);
    });
  });
});

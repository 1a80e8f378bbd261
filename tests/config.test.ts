// Config files: discovery, validation (one clear line per problem, exit 2), rule settings and
// options, weights and grades, ignores, plugins (fixtures/plugins), the cache hash and init.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCliRules, ConfigError, configHash, defaultConfig, findConfig, loadConfig, type LoadedConfig } from '../src/cli/config.js';
import { starterConfig } from '../src/cli/init.js';
import { defaultRules, lintText } from '../src/engine/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'crisislint.cjs');
const PLUGINS = join(ROOT, 'fixtures', 'plugins');
const NOW = ['--now', '2030-01-01T00:00:00Z'];

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'crisislint-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function configError(files: Record<string, string>, configPath?: string): Promise<string> {
  const dir = tempDir(files);
  try {
    await loadConfig({ cwd: dir, configPath });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

const STATEMENT = '---\nstatus: identified\n---\nThe issue has now been identified. We apologize for any inconvenience this may have caused.\n';

describe('finding the config', () => {
  it('takes the nearest config above the working directory, in the documented order', () => {
    const dir = tempDir({
      '.crisislintrc.yaml': 'rules: {}\n',
      'crisislint.config.json': '{}',
      'sub/deeper/.keep': '',
      'sub/.crisislintrc.json': '{}',
    });
    expect(findConfig(dir)).toBe(join(dir, 'crisislint.config.json'));
    expect(findConfig(join(dir, 'sub', 'deeper'))).toBe(join(dir, 'sub', '.crisislintrc.json'));
  });

  it('uses package.json only when it has a "crisislint" key', async () => {
    const dir = tempDir({ 'package.json': '{"name":"x"}', 'inner/package.json': '{"name":"y","crisislint":{"rules":{"passive-voice":"off"}}}' });
    expect(findConfig(dir)).not.toBe(join(dir, 'package.json'));
    const config = await loadConfig({ cwd: join(dir, 'inner') });
    expect(config.path).toBe(join(dir, 'inner', 'package.json'));
    expect(config.rules).toEqual({ 'passive-voice': 'off' });
  });

  it('reads YAML with rule severities, rule options, weights, grades and ignores', async () => {
    const dir = tempDir({
      '.crisislintrc.yml': [
        'rules:',
        '  passive-voice: off',
        '  missing-cause: [info, { markers: ["we traced it to"] }]',
        'weights: { warning: 10 }',
        'grades: { A: 95 }',
        'ignores: [drafts/**]',
      ].join('\n'),
    });
    const config = await loadConfig({ cwd: dir });
    expect(config.rules).toEqual({ 'passive-voice': 'off', 'missing-cause': ['info', { markers: ['we traced it to'] }] });
    expect(config.weights).toEqual({ error: 20, warning: 10, info: 2 });
    expect(config.grades).toEqual({ A: 95, B: 80, C: 70, D: 60 });
    expect(config.ignores).toEqual(['drafts/**']);
    const active = defaultRules(config.rules);
    expect(active.some((r) => r.rule.meta.id === 'passive-voice')).toBe(false);
    const cause = active.find((r) => r.rule.meta.id === 'missing-cause')!;
    expect(cause.severity).toBe('info');
    expect(cause.options.markers).toContain('we traced it to');
    // The user's list extends the defaults.
    expect((cause.options.markers as string[]).length).toBeGreaterThan(1);
  });

  it('--config names a file anywhere; --no-config ignores config files', async () => {
    const dir = tempDir({ 'elsewhere/strict.json': '{"rules":{"missing-cause":"error"}}', '.crisislintrc.yaml': 'rules: {passive-voice: off}' });
    expect((await loadConfig({ cwd: dir, configPath: 'elsewhere/strict.json' })).rules).toEqual({ 'missing-cause': 'error' });
    expect(await loadConfig({ cwd: dir, configPath: false })).toEqual(defaultConfig(dir));
  });
});

describe('invalid configs: one line naming the file, the key and what is allowed', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['a typo in a top-level key', { '.crisislintrc.yaml': 'rule:\n  passive-voice: off\n' }, /^\.crisislintrc\.yaml: rule: unknown key \(did you mean "rules"\?\); allowed keys: rules, weights, grades, ignores, plugins$/],
    ['an unknown rule id', { '.crisislintrc.json': '{"rules":{"pasive-voice":"off"}}' }, /^\.crisislintrc\.json: rules\.pasive-voice: unknown rule \(did you mean "passive-voice"\?\)$/],
    ['a wrong severity', { '.crisislintrc.yaml': 'rules:\n  passive-voice: warn\n' }, /^\.crisislintrc\.yaml: rules\.passive-voice: severity "warn" is not one of off, info, warning, error \(did you mean "warning"\?\)$/],
    ['a rule setting that is neither', { '.crisislintrc.yaml': 'rules:\n  passive-voice: 2\n' }, /rules\.passive-voice: expected a severity \(off\|info\|warning\|error\) or \[severity, \{ options \}\] \(got 2\)/],
    ['an unknown rule option', { '.crisislintrc.yaml': 'rules:\n  missing-cause: [warning, { marker: [x] }]\n' }, /rules\.missing-cause: unknown option "marker" \(did you mean "markers"\?\); missing-cause takes "markers"/],
    ['an option of the wrong kind', { '.crisislintrc.yaml': 'rules:\n  missing-cause: [warning, { markers: x }]\n' }, /rules\.missing-cause: option "markers" must be a list \(got "x"\)/],
    ['a negative weight', { '.crisislintrc.yaml': 'weights: { error: -5 }\n' }, /weights\.error: expected a number from 0 to 100 \(got -5\)/],
    ['an unknown weight', { '.crisislintrc.yaml': 'weights: { eror: 5 }\n' }, /weights\.eror: unknown key \(did you mean "error"\?\); allowed: error, warning, info/],
    ['grades that rise', { '.crisislintrc.yaml': 'grades: { A: 70, B: 80 }\n' }, /grades: thresholds must not rise from A to D \(A is 70, B is 80\)/],
    ['ignores that are not a list', { '.crisislintrc.yaml': 'ignores: drafts\n' }, /ignores: expected a list of strings/],
    ['broken YAML', { '.crisislintrc.yaml': 'rules:\n  a: [\n' }, /^\.crisislintrc\.yaml: invalid YAML at line \d+, column \d+: /],
    ['broken JSON', { 'crisislint.config.json': '{"rules": {},}' }, /^crisislint\.config\.json: invalid JSON: .* at line 1, column \d+$/],
    ['a config that is a list', { '.crisislintrc.yaml': '- rules\n' }, /expected an object with keys rules, weights, grades, ignores, plugins \(got a list\)/],
    ['a package.json key that is not an object', { 'package.json': '{"crisislint": true}' }, /^package\.json "crisislint": expected an object/],
  ];
  for (const [what, files, message] of cases) {
    it(what, async () => {
      const text = await configError(files);
      expect(text).toMatch(message);
      expect(text).not.toContain('\n');
    });
  }

  it('a missing --config file', async () => {
    expect(await configError({}, 'nope.yaml')).toBe('nope.yaml: no such config file (--config)');
  });

  it('the command prints the one line and exits 2 without linting', () => {
    const dir = tempDir({ '.crisislintrc.yaml': 'rules:\n  passive-voic: off\n', 'a.md': STATEMENT });
    const r = run(['a.md'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('crisislint: .crisislintrc.yaml: rules.passive-voic: unknown rule (did you mean "passive-voice"?)\n');
  });
});

describe('--rule and the config', () => {
  it('--rule overrides a config severity and keeps its options', () => {
    const config: LoadedConfig = { ...defaultConfig('/'), rules: { 'missing-cause': ['info', { markers: ['x'] }], 'passive-voice': 'off' } };
    expect(applyCliRules(config, { 'missing-cause': 'error', 'passive-voice': 'warning' }).rules).toEqual({
      'missing-cause': ['error', { markers: ['x'] }],
      'passive-voice': 'warning',
    });
  });

  it('on the command line too', () => {
    const dir = tempDir({ '.crisislintrc.yaml': 'rules:\n  passive-voice: off\n', 'a.md': STATEMENT });
    const ids = (args: string[]) => JSON.parse(run(['a.md', '-f', 'json', ...NOW, ...args], dir).stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId);
    expect(ids([])).not.toContain('passive-voice');
    expect(ids(['--rule', 'passive-voice=warning'])).toContain('passive-voice');
  });
});

describe('weights, grades and ignores change the run', () => {
  it('weights and grades from the config score the report', () => {
    const dir = tempDir({ 'a.md': STATEMENT });
    const plain = JSON.parse(run(['a.md', '-f', 'json', ...NOW, '--no-config'], dir).stdout)[0];
    writeFileSync(join(dir, '.crisislintrc.yaml'), 'weights: { error: 40, warning: 0, info: 0 }\ngrades: { A: 99, B: 98, C: 97, D: 96 }\n');
    const weighted = JSON.parse(run(['a.md', '-f', 'json', ...NOW], dir).stdout)[0];
    const errors = weighted.messages.filter((m: { level: string }) => m.level === 'error').length;
    expect(errors).toBeGreaterThan(0);
    expect(weighted.score).not.toBe(plain.score);
    expect(weighted.messages.filter((m: { level: string }) => m.level !== 'error').every((m: { penalty: number }) => m.penalty === 0)).toBe(true);
    expect(weighted.grade).toBe('F');
  });

  it('ignores patterns (relative to the config file) skip files, also when named on the command line', () => {
    const dir = tempDir({
      '.crisislintrc.yaml': 'ignores:\n  - drafts/**\n',
      'content/a.md': STATEMENT,
      'drafts/b.md': STATEMENT,
    });
    const files = (args: string[], cwd = dir) => JSON.parse(run([...args, '-f', 'json', ...NOW], cwd).stdout).map((f: { filePath: string }) => f.filePath);
    expect(files(['.'])).toEqual(['content/a.md']);
    expect(files(['drafts/b.md', 'content/a.md'])).toEqual(['content/a.md']);
    expect(files(['../drafts/b.md'], join(dir, 'content'))).toEqual([]);
  });
});

describe('plugins', () => {
  it('loads rules from a local plugin through the public interface (fixtures/plugins)', async () => {
    const config = await loadConfig({ cwd: PLUGINS });
    expect(config.plugins.map((p) => p.spec)).toEqual(['./acme-rules.mjs', './default-export.mjs', './commonjs-plugin.cjs']);
    expect(config.plugins.flatMap((p) => p.rules.map((r) => r.meta.id))).toEqual(['no-eta', 'internal-codename', 'no-exclamation', 'no-asap']);
  });

  it('runs plugin rules with their configured severity and options', () => {
    const r = run(['statement.md', '-f', 'json', ...NOW], PLUGINS);
    const messages = JSON.parse(r.stdout)[0].messages as { ruleId: string; level: string; line: number; column: number }[];
    const byRule = Object.fromEntries(messages.map((m) => [m.ruleId, m]));
    expect(byRule['internal-codename']).toMatchObject({ level: 'error', line: 4, column: 9 });
    expect(byRule['no-eta']).toMatchObject({ level: 'warning' });
    expect(byRule['no-asap']).toMatchObject({ level: 'warning' });
    expect(byRule['no-exclamation']).toMatchObject({ level: 'info' });
    expect(byRule['passive-voice']).toBeUndefined();
    expect(r.code).toBe(1);
  });

  it('--rule can set a plugin rule, and an unknown one is still caught', () => {
    expect(JSON.parse(run(['statement.md', '-f', 'json', ...NOW, '--rule', 'no-eta=off'], PLUGINS).stdout)[0].messages.some((m: { ruleId: string }) => m.ruleId === 'no-eta')).toBe(false);
    const r = run(['statement.md', '--rule', 'no-etaa=off'], PLUGINS);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown rule "no-etaa" \(did you mean "no-eta"/);
  });

  it('loads an npm package by name, including one that offers only an "import" export', async () => {
    const dir = tempDir({
      'node_modules/crisislint-plugin-esm/package.json': JSON.stringify({ name: 'crisislint-plugin-esm', type: 'module', exports: { '.': { import: './index.js' } } }),
      'node_modules/crisislint-plugin-esm/index.js': readFileSync(join(PLUGINS, 'default-export.mjs'), 'utf8').replace("import { defineRule } from 'crisislint';", 'const defineRule = (r) => r;'),
      '.crisislintrc.yaml': 'plugins: [crisislint-plugin-esm]\n',
    });
    const config = await loadConfig({ cwd: dir });
    expect(config.plugins[0].rules.map((r) => r.meta.id)).toEqual(['no-exclamation']);
    expect(config.plugins[0].path).toBe(join(dir, 'node_modules', 'crisislint-plugin-esm', 'index.js'));
  });

  const bad: [string, string, RegExp][] = [
    ['a missing file', './missing.mjs', /plugins\[0\]: plugin "\.\/missing\.mjs" not found \(no file .*missing\.mjs\)$/],
    ['a package that is not installed', 'crisislint-plugin-nowhere', /plugins\[0\]: plugin "crisislint-plugin-nowhere" not found: install it \(npm install --save-dev crisislint-plugin-nowhere\) or give a path starting with "\.\/"$/],
    ['a module with no rules', './no-rules.mjs', /plugin "\.\/no-rules\.mjs" exports no rules \(export default a rule/],
    ['a rule with a bad severity', './bad-severity.mjs', /plugin "\.\/bad-severity\.mjs" export default \(rule "bad-severity"\): meta\.severity must be one of error, warning, info \(got "fatal"\)/],
    ['a rule that shadows a built-in one', './clashes-with-builtin.mjs', /defines rule "passive-voice", which is a built-in rule; rename it/],
  ];
  it('refuses a module that does not parse in one line (under Node, as the command runs)', () => {
    const dir = tempDir({ '.crisislintrc.yaml': `plugins:\n  - ${join(PLUGINS, 'syntax-error.mjs')}\n`, 'a.md': STATEMENT });
    const r = run(['a.md'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.replace(`${PLUGINS}/`, './')).toBe(
      'crisislint: .crisislintrc.yaml: plugins[0]: plugin "./syntax-error.mjs" could not be loaded: SyntaxError: Unexpected token \';\'\n',
    );
  });

  for (const [what, spec, message] of bad) {
    it(`refuses ${what} in one line`, async () => {
      const text = await configError({ '.crisislintrc.yaml': `plugins:\n  - ${spec.startsWith('./') ? join(PLUGINS, spec) : spec}\n` });
      expect(text.replace(PLUGINS, '.').replace(join(PLUGINS, ''), '.')).toMatch(/^\.crisislintrc\.yaml: plugins\[0\]: /);
      expect(text.replace(`${PLUGINS}/`, './')).toMatch(message);
      expect(text).not.toContain('\n');
    });
  }
});

describe('configHash (for result caches)', () => {
  it('is stable across key order and changes with any setting', async () => {
    const a = tempDir({ '.crisislintrc.json': '{"rules":{"passive-voice":"off","missing-cause":"info"},"weights":{"error":30}}' });
    const b = tempDir({ '.crisislintrc.yaml': 'weights: { error: 30 }\nrules:\n  missing-cause: info\n  passive-voice: off\n' });
    const c = tempDir({ '.crisislintrc.yaml': 'weights: { error: 31 }\nrules:\n  missing-cause: info\n  passive-voice: off\n' });
    const [ha, hb, hc] = await Promise.all([a, b, c].map(async (cwd) => configHash(await loadConfig({ cwd }))));
    expect(ha).toMatch(/^[0-9a-f]{64}$/);
    expect(ha).toBe(hb);
    expect(hc).not.toBe(ha);
    const withCli = configHash(applyCliRules(await loadConfig({ cwd: a }), { 'passive-voice': 'warning' }));
    expect(withCli).not.toBe(ha);
  });

  it('changes when a plugin file changes', async () => {
    const dir = tempDir({ 'rules.mjs': readFileSync(join(PLUGINS, 'commonjs-plugin.cjs'), 'utf8').replace("'use strict';", '').replace('module.exports =', 'export default'), '.crisislintrc.yaml': 'plugins: [./rules.mjs]\n' });
    const before = configHash(await loadConfig({ cwd: dir }));
    writeFileSync(join(dir, 'rules.mjs'), `${readFileSync(join(dir, 'rules.mjs'), 'utf8')}\n// changed\n`);
    expect(configHash(await loadConfig({ cwd: dir }))).not.toBe(before);
  });
});

describe('crisislint init', () => {
  it('writes a commented YAML config that loads as the defaults', async () => {
    const dir = tempDir({ 'a.md': STATEMENT });
    const r = run(['init'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('.crisislintrc.yaml');
    const text = readFileSync(join(dir, '.crisislintrc.yaml'), 'utf8');
    expect(text).toBe(starterConfig());
    expect(text).toMatch(/^# crisislint configuration/);
    for (const id of ['passive-voice', 'emotion-apology', 'missing-cause']) expect(text).toContain(`# ${id}: `);
    const config = await loadConfig({ cwd: dir });
    expect(config.path).toBe(join(dir, '.crisislintrc.yaml'));
    expect({ ...config, path: undefined, baseDir: dir }).toEqual({ ...defaultConfig(dir), path: undefined });
    // Uncommenting a line is all it takes to change a setting.
    writeFileSync(join(dir, '.crisislintrc.yaml'), text.replace('  # passive-voice: warning', '  passive-voice: off      '));
    expect((await loadConfig({ cwd: dir })).rules).toEqual({ 'passive-voice': 'off' });
  });

  it('refuses to overwrite an existing config: one line, exit 2, file unchanged', () => {
    const dir = tempDir({ '.crisislintrc.json': '{"rules":{}}' });
    const r = run(['init'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('crisislint: .crisislintrc.json already exists here; not overwriting it (edit it, or delete it and run crisislint init again)\n');
    expect(readFileSync(join(dir, '.crisislintrc.json'), 'utf8')).toBe('{"rules":{}}');
    const again = tempDir();
    expect(run(['init'], again).code).toBe(0);
    expect(run(['init'], again).code).toBe(2);
  });
});

describe('the engine takes weights and grades', () => {
  it('lintText scores with the given weights', () => {
    const rules = defaultRules({});
    const plain = lintText(STATEMENT, { rules, now: new Date('2030-01-01T00:00:00Z') });
    const heavy = lintText(STATEMENT, { rules, now: new Date('2030-01-01T00:00:00Z'), weights: { error: 50, warning: 8, info: 2 } });
    expect(heavy.score).toBeLessThan(plain.score!);
  });
});

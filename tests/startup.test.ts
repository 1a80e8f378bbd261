// What a cold start does that a small file does not need is a cost on every run (issue 12): these
// tests keep the start-up savings from coming undone. The build decodes entities' HTML table
// itself (scripts/build.mjs), so the bundle must hold exactly what entities decodes; a small
// Markdown file must not load node:crypto (only hashing and atomic writes need it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const BUNDLE = join(ROOT, 'dist', 'crisislint.cjs');

describe.skipIf(!existsSync(BUNDLE))('the built CLI at start-up', () => {
  it("bundles entities' HTML decode table as entities itself decodes it", async () => {
    const source = readFileSync(BUNDLE, 'utf8');
    const m = /htmlDecodeTree = \/\* @__PURE__ \*\/ new Uint16Array\(\[([^\]]*)\]\)/.exec(source);
    expect(m, 'the decoded table in dist/crisislint.cjs').not.toBeNull();
    const bundled = m![1].split(',').map((n) => Number(n.trim()));
    const file = join(ROOT, 'node_modules', 'entities', 'dist', 'generated', 'decode-data-html.js');
    const { htmlDecodeTree } = (await import(pathToFileURL(file).href)) as { htmlDecodeTree: Uint16Array };
    expect(bundled.length).toBe(htmlDecodeTree.length);
    expect(bundled).toEqual([...htmlDecodeTree]);
  });

  it("uses the build's code caches: the build and a run set the same V8 flags", () => {
    const dir = mkdtempSync(join(tmpdir(), 'crisislint-startup-'));
    const hook = join(dir, 'caches.cjs');
    const report = join(dir, 'caches.json');
    const loader = join(ROOT, 'bin', 'load-bundle.cjs');
    // At exit the loader is in require's cache: the same module the bin loaded the bundles with.
    writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify(require(${JSON.stringify(loader)}).cacheUse)));\n`);
    // A passive sentence: passive-voice asks for tags, so compromise loads too.
    writeFileSync(join(dir, 'update.md'), '## Identified\n\nThe database was deleted by a faulty script. Next update by 14:00 UTC.\n');
    const env: Record<string, string | undefined> = { ...process.env, NODE_OPTIONS: `--require ${hook}` };
    delete env.CRISISLINT_DAEMON;
    delete env.CRISISLINT_CODE_CACHE;
    delete env.CRISISLINT_V8_FLAGS;
    const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'crisislint.cjs'), '--no-config', '--format', 'json', 'update.md'], { cwd: dir, env, encoding: 'utf8' });
    expect([0, 1], result.stderr).toContain(result.status);
    const used = JSON.parse(readFileSync(report, 'utf8')) as { file: string; rejected: boolean }[];
    const names = used.map((u) => u.file.split(/[\\/]/).pop());
    expect(names).toContain('crisislint.cjs');
    expect(names.some((n) => /^compromise/.test(n!))).toBe(true);
    expect(used.filter((u) => u.rejected)).toEqual([]);
  });

  it('lints a small Markdown file without loading node:crypto', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crisislint-startup-'));
    const hook = join(dir, 'modules.cjs');
    const list = join(dir, 'modules.txt');
    writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));\n`);
    writeFileSync(join(dir, 'update.md'), '## Investigating\n\nWe are investigating failed logins for some users. Next update by 14:00 UTC.\n');
    const env: Record<string, string | undefined> = { ...process.env, NODE_OPTIONS: `--require ${hook}` };
    delete env.CRISISLINT_DAEMON;
    const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'crisislint.cjs'), '--no-config', '--format', 'json', 'update.md'], { cwd: dir, env, encoding: 'utf8' });
    expect(result.status, result.stderr).not.toBe(2);
    const modules = readFileSync(list, 'utf8').split('\n');
    // The hook itself proves the list is real: the file system module is in it.
    expect(modules).toContain('NativeModule fs');
    expect(modules.filter((m) => /^NativeModule (?:crypto|internal\/crypto\/)/.test(m))).toEqual([]);
  });
});

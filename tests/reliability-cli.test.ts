// The built command under interruption and hostile file systems: SIGINT and SIGTERM stop a run
// promptly (worker threads included) and leave the old --output and cache whole; --output and
// the cache are replaced atomically and never written over a linted file; a corrupt or foreign
// cache is ignored and rebuilt; unreadable folders, broken links and link loops get one line
// each while the walk goes on. crisislint never changes a linted file.

import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'crisislint.cjs');
const NOW = '2026-12-01T00:00:00Z';

const run = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, '--no-config', '--now', NOW, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `crisislint-${name}-`));

/** A folder of distinct statements, big enough that a run takes seconds. */
function bigTree(files: number, sentencesEach: number): string {
  const dir = tempDir('big');
  for (let f = 0; f < files; f++) {
    const text = Array.from({ length: sentencesEach }, (_, i) => `Checkout failed for ${f * 1000 + i} customers in region ${i % 13}, and the issue has been identified by team ${f}.`).join(' ');
    writeFileSync(join(dir, `s${String(f).padStart(3, '0')}.md`), `${text}\n`);
  }
  return dir;
}

const hashes = (dir: string) =>
  Object.fromEntries(readdirSync(dir).filter((n) => n.endsWith('.md')).map((n) => [n, createHash('sha1').update(readFileSync(join(dir, n))).digest('hex')]));

describe('signals', () => {
  for (const [signal, workers] of [['SIGINT', '1'], ['SIGTERM', '1'], ['SIGINT', '0']] as const) {
    it(`${signal} with --workers ${workers} stops promptly and leaves the old --output and cache whole`, async () => {
      // About 5 s with one worker on 2 idle cores (40 files finished within the 1.5 s below
      // once V8's flags let a worker pay there).
      const dir = bigTree(160, 120);
      const before = hashes(dir);
      writeFileSync(join(dir, 'report.json'), 'OLD REPORT');
      writeFileSync(join(dir, 'cache.json'), 'OLD CACHE');
      const child = spawn(process.execPath, [BIN, '--no-config', '--now', NOW, '--workers', workers, '--format', 'json', '-o', 'report.json', '--cache', '--cache-location', 'cache.json', '.'], { cwd: dir });
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((r) => child.on('exit', (code, sig) => r({ code, signal: sig, at: performance.now() })));
      await new Promise((r) => setTimeout(r, 1500)); // started and linting (a whole run takes much longer)
      const sent = performance.now();
      child.kill(signal);
      const end = await exited;
      expect(end.signal).toBe(signal);
      expect(end.at - sent).toBeLessThan(5000);
      expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('OLD REPORT');
      expect(readFileSync(join(dir, 'cache.json'), 'utf8')).toBe('OLD CACHE');
      expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      expect(hashes(dir)).toEqual(before);
    }, 60_000);
  }
});

describe('a worker that fails', () => {
  it('leaves the files it took to the main thread: the report is whole, and the one a run without workers gives', () => {
    // An install whose worker takes every file left in the queue (src/cli/workers.ts: shared
    // [lock, front, back]) and then fails, as a worker that crashed or ran out of memory would.
    const install = tempDir('broken-worker');
    for (const dir of ['bin', 'dist']) cpSync(join(ROOT, dir), join(install, dir), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(install, 'node_modules'));
    const taken = join(install, 'taken');
    writeFileSync(
      join(install, 'dist', 'worker.cjs'),
      `const state = new Int32Array(require('node:worker_threads').workerData.queue.state);
while (Atomics.compareExchange(state, 0, 0, 1) !== 0);
const files = state[2] - state[1];
state[2] = state[1];
Atomics.store(state, 0, 0);
require('node:fs').writeFileSync(${JSON.stringify(taken)}, String(files));
throw new Error('this worker took every file left and failed');
`,
    );
    // Files big enough that the main thread's first chunk (16 KB) is still being linted when the worker starts.
    const dir = bigTree(12, 60);
    const broken = spawnSync(process.execPath, [join(install, 'bin', 'crisislint.cjs'), '--no-config', '--now', NOW, '--workers', '1', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    const serial = run(['--workers', '0', '--format', 'json', '.'], dir);
    expect(Number(readFileSync(taken, 'utf8'))).toBeGreaterThan(0);
    expect(broken.stderr).toBe(serial.stderr);
    expect(broken.status).toBe(serial.status);
    expect(JSON.parse(broken.stdout)).toHaveLength(12);
    expect(broken.stdout).toBe(serial.stdout);
    // With --workers auto on a folder, the worker started early (before its work was known) fails too.
    const big = bigTree(48, 60);
    const lint = (bin: string, args: string[]) => spawnSync(process.execPath, [bin, '--no-config', '--now', NOW, '--format', 'json', ...args, '.'], { cwd: big, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
    const brokenAuto = lint(join(install, 'bin', 'crisislint.cjs'), []);
    const serialBig = lint(BIN, ['--workers', '0']);
    expect(brokenAuto.stderr).toBe(serialBig.stderr);
    expect(JSON.parse(brokenAuto.stdout)).toHaveLength(48);
    expect(brokenAuto.stdout).toBe(serialBig.stdout);
  }, 60_000);
});

describe('a worker started early (bin/load-bundle.cjs)', () => {
  const { lintsATree } = createRequire(import.meta.url)('../bin/load-bundle.cjs') as { lintsATree: (argv: string[]) => boolean };
  it('is started only for a command that names a folder or a glob', () => {
    const dir = bigTree(1, 1);
    expect(lintsATree([dir])).toBe(true);
    expect(lintsATree(['--format', 'json', dir])).toBe(true);
    expect(lintsATree(['status/**/*.md'])).toBe(true);
    expect(lintsATree([join(dir, 's000.md')])).toBe(false);
    expect(lintsATree(['--format', 'json', join(dir, 'missing.md')])).toBe(false);
    expect(lintsATree(['--help'])).toBe(false);
  });

  it('is ended when the run wants none, and the report and exit are those of a run without it', () => {
    // Too little text for a worker: the early one is ended, and nothing keeps the process waiting.
    const small = bigTree(3, 5);
    const auto = run(['--format', 'json', small], small);
    const serial = run(['--workers', '0', '--format', 'json', small], small);
    expect(auto.error).toBeUndefined();
    expect(auto.status).toBe(serial.status);
    expect(auto.stderr).toBe(serial.stderr);
    expect(JSON.parse(auto.stdout)).toHaveLength(3);
    expect(auto.stdout).toBe(serial.stdout);
  });

  it('lints what a worker would, when the run wants one: the report is that of a serial run', () => {
    // Enough text for one worker on an idle 2-core machine (on a busy one, auto lints serially: the same report).
    const big = bigTree(48, 60);
    const lint = (args: string[]) => spawnSync(process.execPath, [BIN, '--no-config', '--now', NOW, ...args], { cwd: big, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
    const auto = lint(['--format', 'json', '.']);
    const serial = lint(['--workers', '0', '--format', 'json', '.']);
    expect(auto.status).toBe(serial.status);
    expect(JSON.parse(auto.stdout)).toHaveLength(48);
    expect(auto.stdout).toBe(serial.stdout);
  }, 60_000);
});

describe('--output and the cache', () => {
  it('replace the old file whole, keep its permissions, and leave no temporary file', () => {
    const dir = tempDir('out');
    writeFileSync(join(dir, 'a.md'), 'The issue has been identified.\n');
    writeFileSync(join(dir, 'report.json'), 'x'.repeat(100_000));
    chmodSync(join(dir, 'report.json'), 0o640);
    const r = run(['-f', 'json', '-o', 'report.json', '--cache', '--cache-location', 'cache.json', 'a.md'], dir);
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))[0].messages.length).toBeGreaterThan(0);
    expect(statSync(join(dir, 'report.json')).mode & 0o777).toBe(0o640);
    expect(JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8')).format).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'cache.json', 'report.json']);
  });

  it('are never written over a linted file', () => {
    const dir = tempDir('self');
    writeFileSync(join(dir, 'a.md'), 'The issue has been identified.\n');
    const before = hashes(dir);
    const out = run(['-o', 'a.md', 'a.md'], dir);
    expect(out.status).toBe(2);
    expect(out.stderr).toBe('crisislint: not writing the report to a.md: it is one of the files being linted\n');
    const cache = run(['--cache', '--cache-location', 'a.md', 'a.md'], dir);
    expect(cache.stderr).toMatch(/not writing the cache to .*a\.md: it is one of the files being linted/);
    expect(hashes(dir)).toEqual(before);
  });

  it('a corrupt or foreign cache is ignored and rebuilt, never trusted', () => {
    const dir = tempDir('cache');
    writeFileSync(join(dir, 'a.md'), 'The issue has been identified.\n');
    const fresh = run(['-f', 'json', 'a.md'], dir).stdout;
    const first = run(['-f', 'json', '--cache', '--cache-location', 'c.json', 'a.md'], dir);
    expect(first.stdout).toBe(fresh);
    const good = JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8'));
    const entry = Object.values(good.entries)[0] as { hash: string; result: Record<string, unknown> };
    const poisoned = [
      '{"format": 1, "key": "',                                                    // cut short
      '\u0000\u0001binary',                                                        // not JSON
      JSON.stringify({ version: 3, files: {} }),                                   // another tool's
      JSON.stringify({ ...good, key: 'other' }),                                   // another version
      // The right key with forged or broken entries: a result that is not one.
      JSON.stringify({ ...good, entries: Object.fromEntries(Object.keys(good.entries).map((k) => [k, { ...entry, result: { ...entry.result, findings: 'none' } }])) }),
      JSON.stringify({ ...good, entries: Object.fromEntries(Object.keys(good.entries).map((k) => [k, { ...entry, result: { ...entry.result, findings: [{ ruleId: 'x', message: 'forged', severity: 'error', line: 0 }] } }])) }),
      JSON.stringify({ ...good, entries: [] }),
    ];
    for (const text of poisoned) {
      writeFileSync(join(dir, 'c.json'), text);
      const again = run(['-f', 'json', '--cache', '--cache-location', 'c.json', 'a.md'], dir);
      expect(again.status, text.slice(0, 40)).toBe(0);
      expect(again.stdout, text.slice(0, 40)).toBe(fresh);
      expect(JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')).key).toBe(good.key); // rebuilt
    }
  }, 60_000);
});

describe('walking folders that fight back', () => {
  it('broken links and link loops: one line each, and the walk goes on', () => {
    const dir = tempDir('walk');
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'a.md'), 'The issue has been identified.\n');
    symlinkSync(join(dir, 'nowhere.md'), join(dir, 'docs', 'broken.md'));
    symlinkSync(dir, join(dir, 'docs', 'loop'));
    symlinkSync(join(dir, 'docs', 'a.md'), join(dir, 'docs', 'z-link.md'));
    const r = run(['-f', 'json', 'docs'], dir);
    const report = JSON.parse(r.stdout) as { filePath: string }[];
    // docs/a.md once, though a link also reaches it; docs/loop leads back to docs through its parent.
    expect(report.map((f) => f.filePath)).toEqual([join('docs', 'a.md'), join('docs', 'broken.md'), join('docs', 'loop', 'docs')]);
    expect(r.stderr).toBe(
      `crisislint: ${join('docs', 'broken.md')}: broken symbolic link (its target does not exist), skipped\n` +
        `crisislint: ${join('docs', 'loop', 'docs')}: symbolic link loop (links to a folder that contains it), skipped\n`,
    );
    expect(r.status).toBe(1);
  });

  // Permissions do not bind root, so the run drops to "nobody" when the tests run as root.
  const asOther = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;
  it.skipIf(process.platform === 'win32' || (process.getuid?.() === 0 && !asOther))('unreadable files and folders: one line each, and the walk goes on', () => {
    const dir = tempDir('perm');
    chmodSync(dir, 0o755);
    for (const sub of ['ok', 'locked']) mkdirSync(join(dir, sub));
    writeFileSync(join(dir, 'ok', 'a.md'), 'We are sorry: a bad deploy broke sign-in for an hour.\n');
    writeFileSync(join(dir, 'ok', 'secret.md'), 'We are sorry.\n');
    writeFileSync(join(dir, 'locked', 'b.md'), 'We are sorry.\n');
    chmodSync(join(dir, 'ok', 'secret.md'), 0o000);
    chmodSync(join(dir, 'locked'), 0o000);
    const command = [BIN, '--no-config', '--now', NOW, '-f', 'json', '.'];
    const r = asOther
      ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...command], { cwd: dir, encoding: 'utf8' })
      : spawnSync(process.execPath, command, { cwd: dir, encoding: 'utf8' });
    chmodSync(join(dir, 'locked'), 0o755);
    expect(r.stderr).toBe('crisislint: ok/secret.md: permission denied\ncrisislint: locked: folder permission denied, skipped\n');
    const report = JSON.parse(r.stdout) as { filePath: string; score: number | null }[];
    expect(report.map((f) => [f.filePath, f.score === null])).toEqual([['ok/a.md', false], ['ok/secret.md', true], ['locked', true]]);
    expect(r.status).toBe(1);
  });
});

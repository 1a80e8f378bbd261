// What users of ESLint, markdownlint-cli2 and Vale expect of a linter's command line, run on the
// built command: say what failed, warn about ignored files named on the command line, colour
// flags, --print-config, --max-warnings -1, did-you-mean, quiet output, cache folders, one run
// for two reports, suggestion words and whole examples in `explain`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autoWorkers, WorkQueue } from '../src/cli/workers.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'crisislint.cjs');
const NOW = ['--now', '2030-01-01T00:00:00Z'];
const CLEAN = readFileSync(join(ROOT, 'fixtures', 'good-statement.md'), 'utf8');
const WITH_ERROR = 'We apologize for any inconvenience this may have caused. The issue has been identified.\n';
const ANSI = /\u001b\[\d+m/;

function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'crisislint-habits-'));
  mkdirSync(join(dir, '.git')); // its own repository root, whatever holds the temporary folder
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const base = { ...process.env };
  delete base.FORCE_COLOR;
  delete base.NO_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', input: '', env: { ...base, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('saying what failed', () => {
  it('a missing path: exit 2 and no green tick, also when other files were fine', () => {
    const dir = tempDir({ 'ok.md': CLEAN });
    const alone = run(['missing.md', ...NOW], dir);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toBe('crisislint: missing.md: no such file or directory\n');
    expect(alone.stdout).not.toContain('✔');
    expect(alone.stdout).toContain('✖ 0 problems (0 errors, 0 warnings, 0 info) in 0 files, 1 path matched no file');
    const mixed = run(['ok.md', 'missing.md', ...NOW], dir);
    expect(mixed.code).toBe(2);
    expect(mixed.stdout).not.toContain('✔');
    expect(mixed.stdout).toMatch(/✖ .* in 1 file, 1 path matched no file\n$/);
  });

  it('an unreadable file: exit 1, its reason, and no green tick', () => {
    const dir = tempDir({ 'ok.md': CLEAN, 'binary.md': 'a\u0000b' });
    const r = run(['ok.md', 'binary.md', ...NOW], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('crisislint: binary.md: binary file, not a text statement\n');
    expect(r.stdout).not.toContain('✔');
    expect(r.stdout).toMatch(/✖ .* in 1 file, 1 file unreadable\n$/);
  });
});

describe('ignored files', () => {
  const project = () => tempDir({ '.crisislintignore': 'drafts/\n', 'drafts/a.md': WITH_ERROR, 'live/b.md': CLEAN, '.crisislintrc.yaml': 'ignores:\n  - live/old-*.md\n', 'live/old-1.md': WITH_ERROR });

  it('a file named on the command line and ignored is skipped with a warning', () => {
    const dir = project();
    const r = run(['drafts/a.md', 'live/old-1.md', 'live/b.md', '-f', 'json', ...NOW], dir);
    expect(JSON.parse(r.stdout).map((x: { filePath: string }) => x.filePath)).toEqual(['live/b.md']);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      "crisislint: drafts/a.md: ignored (by .crisislintignore, the config's ignores or --ignore-pattern); use --no-ignore to lint it",
      "crisislint: live/old-1.md: ignored (by .crisislintignore, the config's ignores or --ignore-pattern); use --no-ignore to lint it",
    ]);
    expect(r.code).toBe(0);
  });

  it('folders skip ignored files silently; --no-ignore lints them', () => {
    const dir = project();
    const walked = run(['.', '-f', 'json', ...NOW], dir);
    expect(walked.stderr).toBe('');
    expect(JSON.parse(walked.stdout).map((x: { filePath: string }) => x.filePath)).toEqual(['live/b.md']);
    const all = run(['.', '--no-ignore', '-f', 'json', ...NOW], dir);
    expect(JSON.parse(all.stdout).map((x: { filePath: string }) => x.filePath).sort()).toEqual(['drafts/a.md', 'live/b.md', 'live/old-1.md']);
    expect(all.code).toBe(1);
  });

  it('--ignore-pattern adds patterns (repeatable)', () => {
    const dir = project();
    const r = run(['.', '--ignore-pattern', 'live/b.md', '--ignore-pattern', 'nothing/', '-f', 'json', ...NOW], dir);
    expect(JSON.parse(r.stdout)).toEqual([]);
    const named = run(['live/b.md', '--ignore-pattern', '*.md', ...NOW], dir);
    expect(named.stderr).toContain('live/b.md: ignored');
  });
});

describe('flags', () => {
  it('--color colours a piped report; --no-color wins over FORCE_COLOR', () => {
    const dir = tempDir({ 'x.md': WITH_ERROR });
    expect(run(['x.md', ...NOW], dir).stdout).not.toMatch(ANSI);
    expect(run(['x.md', '--color', ...NOW], dir).stdout).toMatch(ANSI);
    expect(run(['x.md', '--no-color', ...NOW], dir, { FORCE_COLOR: '1' }).stdout).not.toMatch(ANSI);
    expect(run(['x.md', ...NOW], dir, { FORCE_COLOR: '1' }).stdout).toMatch(ANSI);
  });

  it('--print-config FILE prints the config file, rule settings and whether the file is ignored', () => {
    const dir = tempDir({ '.crisislintrc.yaml': 'rules:\n  jargon: [error, { terms: ["shard"] }]\nignores: [old/]\n' });
    const r = run(['--print-config', 'post.md', '--rule', 'passive-voice=off'], dir);
    expect(r.code).toBe(0);
    const config = JSON.parse(r.stdout);
    expect(config.configFile).toBe(join(dir, '.crisislintrc.yaml'));
    expect(config.ignored).toBe(false);
    expect(config.rules.jargon[0]).toBe('error');
    expect(config.rules.jargon[1].terms).toContain('shard');
    expect(config.rules['passive-voice'][0]).toBe('off');
    expect(config.weights).toEqual({ error: 20, warning: 8, info: 2 });
    expect(JSON.parse(run(['--print-config', 'old/post.md'], dir).stdout).ignored).toBe(true);
  });

  it('--max-warnings -1 means no limit', () => {
    const dir = tempDir({ 'x.md': 'The issue has been identified.\n' });
    expect(run(['x.md', '--max-warnings', '0', ...NOW], dir).code).toBe(1);
    expect(run(['x.md', '--max-warnings', '0', '--max-warnings', '-1', ...NOW], dir).code).toBe(0);
    expect(run(['x.md', '--max-warnings', '-2'], dir).code).toBe(2);
  });

  it('--rule with a misspelt severity suggests the right one', () => {
    const r = run(['x.md', '--rule', 'jargon=warn'], tempDir());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('severity "warn" is not one of off, info, warning, error (did you mean "warning"?)');
  });

  it('-q shows only files with errors, and nothing when there are none', () => {
    const dir = tempDir({ 'clean.md': CLEAN, 'warn.md': 'The issue has been identified.\n', 'bad.md': WITH_ERROR });
    expect(run(['clean.md', 'warn.md', '-q', ...NOW], dir).stdout).toBe('');
    const r = run(['clean.md', 'warn.md', 'bad.md', '-q', ...NOW], dir);
    expect(r.stdout).toContain('bad.md');
    expect(r.stdout).not.toContain('clean.md');
    expect(r.stdout).not.toContain('warn.md');
    expect(r.stdout).not.toMatch(/warning +/);
  });

  it('--cache-location with a trailing slash is a folder', () => {
    const dir = tempDir({ 'x.md': CLEAN });
    run(['x.md', '--cache', '--cache-location', 'cache/', ...NOW], dir);
    expect(statSync(join(dir, 'cache')).isDirectory()).toBe(true);
    expect(existsSync(join(dir, 'cache', '.crisislintcache'))).toBe(true);
    run(['x.md', '--cache', '--cache-location', 'cachefile', ...NOW], dir);
    expect(statSync(join(dir, 'cachefile')).isFile()).toBe(true);
  });

  it('--report FORMAT=FILE writes a second report from the same run', () => {
    const dir = tempDir({ 'a.md': WITH_ERROR, 'b.md': 'The issue has been identified.\n' });
    const r = run(['a.md', 'b.md', '-f', 'github', '--report', 'sarif=out/x.sarif', '--report', 'json=x.json', ...NOW], dir);
    expect(r.code).toBe(2); // out/ does not exist: one clear line, exit 2
    expect(r.stderr).toMatch(/^crisislint: cannot write the sarif report to out\/x\.sarif: ENOENT\n$/);
    const ok = run(['a.md', 'b.md', '-f', 'github', '--report', 'sarif=x.sarif', '--report', 'json=x.json', ...NOW], dir);
    expect(ok.code).toBe(1);
    const annotations = ok.stdout.split('\n').filter((l) => l.startsWith('::'));
    const sarif = JSON.parse(readFileSync(join(dir, 'x.sarif'), 'utf8'));
    const json = JSON.parse(readFileSync(join(dir, 'x.json'), 'utf8'));
    expect(sarif.runs[0].results).toHaveLength(annotations.length);
    expect(json.flatMap((f: { messages: unknown[] }) => f.messages)).toHaveLength(annotations.length);
    expect(annotations.length).toBeGreaterThan(2);
    expect(run(['a.md', '--report', 'sarf=x.sarif'], dir).stderr).toContain('(did you mean "sarif"?)');
  });
});

describe('what the report shows', () => {
  it('stylish shows the words of a suggestion, not only what it does', () => {
    const dir = tempDir({ 'x.md': 'The platform failed. The issue has now been identified.\n' });
    const r = run(['x.md', ...NOW], dir);
    expect(r.stdout).toMatch(/\n {10}suggestion replace 1:\d+-\d+ with "We have now identified the issue" {2}\(Say who acted\)\n/);
  });

  it('explain shows every example whole (front matter included) and apart', () => {
    const r = run(['explain', 'missing-remedy'], ROOT);
    expect(r.code).toBe(0);
    const fails = r.stdout.match(/^Fails \d+ of \d+/gm) ?? [];
    const passes = r.stdout.match(/^Passes \d+ of \d+/gm) ?? [];
    expect(fails.length).toBeGreaterThan(0);
    expect(passes.length).toBeGreaterThan(0);
    // Front matter stays: it is often why an example fails (here, the incident's impact).
    expect(r.stdout).toMatch(/^ {4}---\n {4}[\s\S]*?impact: major/m);
    // Each example ends with a blank line before the next heading.
    expect(r.stdout).toMatch(/\n\nFails 2 of/);
  });
});

describe('--workers auto', () => {
  const MB = 1024 * 1024;
  it('starts workers only for enough input and idle cores', () => {
    expect(autoWorkers(100 * 1024, { cores: 8, load: 0 })).toBe(0);
    // Two idle cores: one worker beside the main thread (with bin/load-bundle.cjs's V8 flags).
    expect(autoWorkers(2 * MB, { cores: 2, load: 0.1 })).toBe(1);
    expect(autoWorkers(2 * MB, { cores: 1, load: 0 })).toBe(0);
    expect(autoWorkers(2 * MB, { cores: 3, load: 0.1 })).toBe(2);
    // A loaded machine: the main thread already has the only free core.
    expect(autoWorkers(2 * MB, { cores: 3, load: 1.2 })).toBe(1);
    expect(autoWorkers(2 * MB, { cores: 2, load: 1.2 })).toBe(0);
    expect(autoWorkers(2 * MB, { cores: 2, load: 6 })).toBe(0);
    expect(autoWorkers(2 * MB, { cores: 8, load: 3 })).toBe(4);
    expect(autoWorkers(10 * MB, { cores: 16, load: 0 })).toBe(4);
  });
});

describe('the worker queue', () => {
  const files = (sizes: number[]) => sizes.map((n, index) => ({ bytes: new Uint8Array(n).fill(index % 251) }));
  it('hands out every file once, from both ends, in chunks that shrink as it runs out', () => {
    const all = files(Array.from({ length: 200 }, (_, i) => 500 + ((i * 37) % 900)));
    const queue = WorkQueue.of(all, 2);
    const seen: number[] = [];
    const sizes: number[] = [];
    // The front moves up from the first file, the back down from the last.
    let front = 0;
    let back = all.length;
    for (let turn = 0; ; turn++) {
      const end = turn % 2 === 0 ? 'front' : 'back';
      const chunk = queue.take(end);
      if (!chunk) break;
      expect(chunk[1]).toBeGreaterThan(chunk[0]);
      if (end === 'front') {
        expect(chunk[0]).toBe(front);
        front = chunk[1];
      } else {
        expect(chunk[1]).toBe(back);
        back = chunk[0];
      }
      let bytes = 0;
      for (let position = chunk[0]; position < chunk[1]; position++) {
        seen.push(position);
        bytes += queue.bytesOf(position).length;
      }
      sizes.push(bytes);
    }
    expect(queue.take('front')).toBeUndefined();
    expect(queue.take('back')).toBeUndefined();
    expect([...seen].sort((a, b) => a - b)).toEqual(all.map((_, position) => position));
    // Full chunks first (16 KB and a file), small ones last (2 KB and a file).
    expect(sizes[0]).toBeGreaterThanOrEqual(16 * 1024);
    expect(sizes[sizes.length - 1]).toBeLessThan(4 * 1024);
  });

  it('gives each file its own bytes, copied out of the memory the threads share', () => {
    const all = files([3, 0, 5, 1]);
    const queue = WorkQueue.of(all, 2);
    all.forEach((file, position) => {
      const bytes = queue.bytesOf(position);
      expect([...bytes]).toEqual([...file.bytes]);
      expect(bytes.buffer).not.toBeInstanceOf(SharedArrayBuffer);
    });
  });

  it('is one queue across threads: a second view of the same memory takes what is left', () => {
    const queue = WorkQueue.of(files([3000, 3000, 3000, 3000]), 2);
    const other = new WorkQueue(structuredClone(queue.shared), 2);
    expect(queue.take('front')).toEqual([0, 1]);
    expect(other.take('back')).toEqual([3, 4]);
    expect(other.take('back')).toEqual([2, 3]);
    expect(queue.take('front')).toEqual([1, 2]);
    expect(queue.take('front')).toBeUndefined();
    expect(other.take('back')).toBeUndefined();
  });
});


// The fast paths must not change a report: a run in worker threads, a run that fills the --cache
// and a run answered from it, a run on the warm server (src/daemon) and a run with plain compromise
// instead of the precomputed one print exactly what a plain serial run prints. These tests compare
// reports only; the benchmark (npm run bench) measures time.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CORPUS as SHARED_CORPUS } from './helpers.js';
import { afterAll, describe, expect, it } from 'vitest';
import { trackedDate } from '../src/engine/cache.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'crisislint.cjs');
const CORPUS = join(SHARED_CORPUS, 'github-md');

// The warm server's socket lives here, away from any server the user started.
const DAEMON_TMP = mkdtempSync(join(tmpdir(), 'crisislint-equivalence-daemon-'));

function run(args: string[], cwd: string, extraEnv: Record<string, string> = {}) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', TMPDIR: DAEMON_TMP, CRISISLINT_DAEMON_AUTOSTART: '0', CRISISLINT_DAEMON_IDLE_MINUTES: '2', ...extraEnv };
  delete env.FORCE_COLOR;
  delete env.CRISISLINT_TIMING;
  if (!extraEnv.CRISISLINT_DAEMON) delete env.CRISISLINT_DAEMON;
  const result = spawnSync(process.execPath, [BIN, '--no-config', ...args], { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  expect(result.status, result.stderr).not.toBe(2);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A folder of real statements (a slice of the shared corpus when present) plus the fixtures. */
function inputFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crisislint-equivalence-'));
  cpSync(join(ROOT, 'fixtures'), join(dir, 'fixtures'), { recursive: true, filter: (src) => !src.includes('plugins') });
  if (existsSync(CORPUS)) {
    const names = readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort();
    // Every 20th file: about 40 incidents of all shapes, quick enough for a test.
    for (const name of names.filter((_, i) => i % 20 === 0)) cpSync(join(CORPUS, name), join(dir, 'corpus', name));
  }
  return dir;
}

describe('serial, parallel, cached, warm-server and plain-compromise runs give identical reports', () => {
  const dir = inputFolder();
  const now = ['--now', '2026-01-15T12:00:00Z'];
  afterAll(() => {
    run(['--daemon', 'stop'], dir);
  });

  for (const format of ['json', 'stylish']) {
    it(`${format} report`, () => {
      const cache = join(dir, `.cache-${format}`);
      const serial = run(['--format', format, ...now, '--workers', '0', '.'], dir);
      const parallel = run(['--format', format, ...now, '--workers', '2', '.'], dir);
      const filling = run(['--format', format, ...now, '--workers', '0', '--cache', '--cache-location', cache, '.'], dir);
      const fromCache = run(['--format', format, ...now, '--workers', '0', '--cache', '--cache-location', cache, '.'], dir);
      const fromCacheParallel = run(['--format', format, ...now, '--workers', '2', '--cache', '--cache-location', cache, '.'], dir);
      const plainCompromise = run(['--format', format, ...now, '--workers', '0', '.'], dir, { CRISISLINT_PRECOMPUTED: '0' });
      expect(run(['--daemon', 'start'], dir).stdout).toMatch(/started|already running/);
      const daemon = run(['--format', format, ...now, '.'], dir, { CRISISLINT_DAEMON: '1' });
      const daemonCached = run(['--format', format, ...now, '--cache', '--cache-location', cache, '.'], dir, { CRISISLINT_DAEMON: '1' });
      expect(run(['--daemon', 'status'], dir).stdout).toMatch(/[1-9]\d* requests?/);
      expect(serial.stdout.length).toBeGreaterThan(1000);
      for (const other of [parallel, filling, fromCache, fromCacheParallel, plainCompromise, daemon, daemonCached]) {
        expect(other.stdout).toBe(serial.stdout);
        expect(other.code).toBe(serial.code);
      }
    }, 300_000);
  }

  it('a result that read the time is reused only at the same --now, or later once it has settled', () => {
    const cache = join(dir, '.cache-now');
    const open = join(dir, 'open.md');
    // An open incident with a promised next update: whether it is late depends on --now.
    writeFileSync(open, '# Upload errors\n\n## Investigating (2024-02-10T12:00:00Z)\n\nUploads fail for one in five users. Next update by 12:30 UTC.\n');
    const early = ['--now', '2024-02-10T12:10:00Z'];
    const late = ['--now', '2024-02-10T15:00:00Z'];
    const args = ['--format', 'json', '--workers', '0', 'open.md'];
    const plainEarly = run([...args, ...early], dir).stdout;
    const plainLate = run([...args, ...late], dir).stdout;
    expect(plainLate).not.toBe(plainEarly);
    expect(run([...args, ...early, '--cache', '--cache-location', cache], dir).stdout).toBe(plainEarly);
    expect(run([...args, ...late, '--cache', '--cache-location', cache], dir).stdout).toBe(plainLate);
    expect(run([...args, ...early, '--cache', '--cache-location', cache], dir).stdout).toBe(plainEarly);
    // Years later every promise has run out: the result has settled and holds at any later time.
    const years = ['--now', '2030-01-01T00:00:00Z'];
    const later = ['--now', '2031-06-01T00:00:00Z'];
    expect(run([...args, ...years, '--cache', '--cache-location', cache], dir).stdout).toBe(run([...args, ...years], dir).stdout);
    expect(run([...args, ...later, '--cache', '--cache-location', cache], dir).stdout).toBe(run([...args, ...later], dir).stdout);
  }, 120_000);

  it('a changed file is linted again; a changed rule setting empties the cache', () => {
    const cache = join(dir, '.cache-change');
    const file = join(dir, 'draft.md');
    const args = ['--format', 'json', ...now, '--workers', '0', '--cache', '--cache-location', cache, 'draft.md'];
    writeFileSync(file, '---\nstatus: resolved\n---\nThe issue has been resolved.\n');
    run(args, dir);
    writeFileSync(file, '---\nstatus: resolved\n---\nWe fixed the broken certificate that took sign-in down, and we are sorry.\n');
    expect(run(args, dir).stdout).toBe(run(['--format', 'json', ...now, '--workers', '0', 'draft.md'], dir).stdout);
    const off = ['--rule', 'missing-cause=off'];
    expect(run([...args, ...off], dir).stdout).toBe(run(['--format', 'json', ...now, '--workers', '0', ...off, 'draft.md'], dir).stdout);
  }, 120_000);
});

describe('trackedDate', () => {
  it('notes a read through any Date method, and not a mere copy of the reference', () => {
    const untouched = trackedDate(new Date('2024-01-01T00:00:00Z'));
    expect(untouched.wasRead()).toBe(false);
    for (const read of [(d: Date) => d.getTime(), (d: Date) => d.toISOString(), (d: Date) => +d, (d: Date) => d.getUTCHours(), (d: Date) => JSON.stringify(d)]) {
      const tracked = trackedDate(new Date('2024-01-01T00:00:00Z'));
      read(tracked.date);
      expect(tracked.wasRead()).toBe(true);
    }
    const tracked = trackedDate(new Date('2024-01-01T00:00:00Z'));
    expect(tracked.date.getTime()).toBe(Date.parse('2024-01-01T00:00:00Z'));
    expect(tracked.date instanceof Date).toBe(true);
  });

  it('keeps each copy its own flag, with no own keys and the same shape for every copy', () => {
    const first = trackedDate(new Date('2024-01-01T00:00:00Z'));
    const second = trackedDate(new Date('2025-01-01T00:00:00Z'));
    expect(first.date.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(first.wasRead()).toBe(true);
    expect(second.wasRead()).toBe(false);
    // A copy of the time through the constructor reads no method.
    expect(new Date(second.date).getTime()).toBe(Date.parse('2025-01-01T00:00:00Z'));
    expect(second.wasRead()).toBe(false);
    expect(Reflect.ownKeys(second.date)).toEqual([]);
    expect(Object.getPrototypeOf(first.date)).toBe(Object.getPrototypeOf(second.date));
    expect(`${second.date}`).toBe(String(new Date('2025-01-01T00:00:00Z')));
    expect(second.wasRead()).toBe(true);
  });
});

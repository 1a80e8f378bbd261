// The warm server (src/daemon): a command run through it must print exactly what a cold run
// prints, and every failure (no server, a crashed server, a changed build) must end in a cold
// run, never in a wrong or empty report. Each test's servers live in a private temporary folder
// (TMPDIR), so they never meet a server the user started.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'crisislint.cjs');
const TMP = mkdtempSync(join(tmpdir(), 'crisislint-daemon-test-'));
const POOR = join(ROOT, 'fixtures', 'poor-statement.md');

function environment(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  // Servers a failed test leaves behind exit after two idle minutes.
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', TMPDIR: TMP, CRISISLINT_DAEMON_AUTOSTART: '0', CRISISLINT_DAEMON_IDLE_MINUTES: '2', ...extra };
  for (const key of ['FORCE_COLOR', 'CRISISLINT_TIMING', 'CRISISLINT_DAEMON', 'CI']) if (!(key in extra)) delete env[key];
  for (const [key, value] of Object.entries(extra)) if (value === undefined) delete env[key];
  return env;
}

function run(args: string[], options: { daemon?: boolean; input?: string; cwd?: string; env?: Record<string, string | undefined> } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: environment({ ...(options.daemon ? { CRISISLINT_DAEMON: '1' } : {}), ...options.env }),
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function serverPid(env: Record<string, string | undefined> = {}): number | undefined {
  const status = run(['--daemon', 'status'], { env }).stdout;
  const m = /pid (\d+)/.exec(status);
  return m ? Number(m[1]) : undefined;
}

/** Requests the running server has answered: proves a run went through it, not cold. */
function served(): number {
  const m = /(\d+) requests?/.exec(run(['--daemon', 'status']).stdout);
  return m ? Number(m[1]) : -1;
}

function ensureServer(): void {
  if (serverPid() === undefined) run(['--daemon', 'start']);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, ms = 15_000): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < ms; ) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return condition();
}

afterAll(() => {
  run(['--daemon', 'stop']);
});

describe('the warm server', () => {
  it('starts, reports its status and answers exactly as a cold run, stdin and exit codes included', () => {
    expect(run(['--daemon', 'status']).stdout).toBe('crisislint daemon: not running\n');
    expect(run(['--daemon', 'start']).stdout).toMatch(/^crisislint daemon: started \(pid \d+/);
    expect(run(['--daemon', 'start']).stdout).toMatch(/^crisislint daemon: already running/);
    const cases: { args: string[]; input?: string }[] = [
      { args: ['--no-config', POOR] },
      { args: ['--no-config', '--format', 'json', '--now', '2026-01-01T00:00:00Z', 'fixtures'] },
      { args: ['--no-config', '--stdin-filename', 'draft.md'], input: 'The issue has been resolved. We apologise for any inconvenience.\n' },
      { args: ['--no-config', '-', POOR], input: 'Some users saw errors.\n' },
      { args: ['--no-config', '--bogus'] },
      { args: ['--no-config', 'no-such-file.md'] },
      { args: ['--list-rules'] },
      { args: ['--version'] },
      { args: ['explain', 'passive-voice'] },
      { args: ['--no-config', '--min-score', '90', POOR] },
    ];
    for (const { args, input } of cases) {
      const cold = run(args, { input });
      const warm = run(args, { input, daemon: true });
      expect(warm, args.join(' ')).toEqual(cold);
    }
    expect(run(['--daemon', 'status']).stdout).toMatch(/running \(pid \d+, up \d+ s, (9|10) requests/);
  }, 120_000);

  it('takes the working folder, the environment and the terminal state from the client', () => {
    const dir = mkdtempSync(join(TMP, 'project-'));
    writeFileSync(join(dir, '.crisislintrc.yaml'), 'rules:\n  passive-voice: off\n');
    writeFileSync(join(dir, 'draft.md'), 'The database was restored by the team.\n');
    ensureServer();
    const before = served();
    for (const env of [{}, { FORCE_COLOR: '1' }, { CRISISLINT_TEST_UNUSED: 'x' }]) {
      expect(run(['draft.md'], { cwd: dir, daemon: true, env })).toEqual(run(['draft.md'], { cwd: dir, env }));
    }
    // A config edited in place is read again.
    writeFileSync(join(dir, '.crisislintrc.yaml'), 'rules:\n  passive-voice: error\n');
    expect(run(['draft.md'], { cwd: dir, daemon: true })).toEqual(run(['draft.md'], { cwd: dir }));
    // The server reuses unchanged files' results between runs (as --cache does): an edited file is linted again.
    writeFileSync(join(dir, 'draft.md'), 'We restored the database at 14:05 UTC. We are sorry.\n');
    expect(run(['draft.md'], { cwd: dir, daemon: true })).toEqual(run(['draft.md'], { cwd: dir }));
    expect(served()).toBe(before + 5);
  }, 60_000);

  it('imports a plugin again when it is edited in place', () => {
    const dir = mkdtempSync(join(TMP, 'plugin-'));
    const plugin = (message: string) =>
      `export default { meta: { id: 'no-oops', principle: 'P8', scope: 'sentence', severity: 'warning', description: 'Oops.' }, check(context) { for (const statement of context.incident.statements) for (const sentence of statement.sentences) { const at = sentence.text.indexOf('oops'); if (at !== -1) context.report({ statement, sentence, start: at, end: at + 4, message: ${JSON.stringify(message)} }); } } };\n`;
    writeFileSync(join(dir, 'rule.mjs'), plugin('first message'));
    writeFileSync(join(dir, '.crisislintrc.yaml'), 'plugins: [./rule.mjs]\n');
    writeFileSync(join(dir, 'draft.md'), 'We said oops.\n');
    ensureServer();
    const before = served();
    expect(before).toBeGreaterThanOrEqual(0);
    const first = run(['draft.md', '--format', 'json'], { cwd: dir, daemon: true });
    expect(first.stdout).toContain('first message');
    writeFileSync(join(dir, 'rule.mjs'), plugin('second message, longer'));
    const second = run(['draft.md', '--format', 'json'], { cwd: dir, daemon: true });
    expect(second.stdout).toContain('second message, longer');
    expect(second).toEqual(run(['draft.md', '--format', 'json'], { cwd: dir }));
    expect(served()).toBe(before + 2);
  }, 60_000);

  it('serves 8 clients at once, each with its own report', async () => {
    ensureServer();
    const before = served();
    const files = ['fixtures/poor-statement.md', 'fixtures/good-statement.md', 'fixtures/timeline.md', 'fixtures/pasted-timeline.txt'];
    const one = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string }>((done) => {
        const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: environment({ CRISISLINT_DAEMON: '1' }) });
        let stdout = '';
        child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
        child.stdin.end();
        child.on('close', (code) => done({ code, stdout }));
      });
    const argsOf = (i: number) => ['--no-config', '--format', 'json', '--now', '2026-01-01T00:00:00Z', files[i % files.length]];
    const warm = await Promise.all(Array.from({ length: 8 }, (_, i) => one(argsOf(i))));
    warm.forEach((result, i) => {
      const cold = run(argsOf(i));
      expect(result.stdout).toBe(cold.stdout);
      expect(result.code).toBe(cold.code);
    });
    expect(served()).toBe(before + 8);
  }, 120_000);

  it('runs cold when the server crashed and left its socket, and a new server takes the socket over', async () => {
    ensureServer();
    const pid = serverPid()!;
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, 'SIGKILL');
    await until(() => !alive(pid));
    const sockets = readdirSync(readdirSync(TMP).filter((d) => d.startsWith('crisislint-daemon-')).map((d) => join(TMP, d))[0]);
    expect(sockets.length).toBeGreaterThan(0); // the stale socket is still there
    expect(run(['--no-config', POOR], { daemon: true })).toEqual(run(['--no-config', POOR]));
    expect(run(['--daemon', 'start']).stdout).toMatch(/started/);
    expect(run(['--no-config', POOR], { daemon: true })).toEqual(run(['--no-config', POOR]));
  }, 60_000);

  it('starts a server by itself for the next run, but never in CI', async () => {
    run(['--daemon', 'stop']);
    run(['--no-config', POOR], { daemon: true, env: { CRISISLINT_DAEMON_AUTOSTART: undefined, CI: 'true' } });
    await new Promise((r) => setTimeout(r, 1500));
    expect(serverPid()).toBeUndefined();
    expect(run(['--no-config', POOR], { daemon: true, env: { CRISISLINT_DAEMON_AUTOSTART: undefined } })).toEqual(run(['--no-config', POOR]));
    expect(await until(() => serverPid() !== undefined)).toBe(true);
  }, 60_000);

  it('exits when its build changes on disk, and the client runs cold meanwhile', async () => {
    const pid = serverPid() ?? (run(['--daemon', 'start']), serverPid())!;
    const bundle = join(ROOT, 'dist', 'crisislint.cjs');
    const { atime, mtime } = statSync(bundle);
    try {
      utimesSync(bundle, atime, new Date(mtime.getTime() + 1000));
      expect(run(['--no-config', POOR], { daemon: true })).toEqual(run(['--no-config', POOR]));
      expect(await until(() => !alive(pid))).toBe(true);
    } finally {
      utimesSync(bundle, atime, mtime);
    }
  }, 60_000);

  it('exits after its idle time', async () => {
    run(['--daemon', 'stop']);
    // The idle time is read in minutes; a fraction makes the test quick.
    run(['--daemon', 'start'], { env: { CRISISLINT_DAEMON_IDLE_MINUTES: '0.02' } });
    const pid = serverPid();
    expect(pid).toBeDefined();
    expect(await until(() => !alive(pid!), 10_000)).toBe(true);
  }, 30_000);
});


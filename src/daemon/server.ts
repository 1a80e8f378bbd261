// The warm server (opt-in): `crisislint --daemon start` keeps one crisislint process running with
// the engine, the rules and compromise loaded, and `CRISISLINT_DAEMON=1 crisislint …` (the bin,
// through client.cjs) has it run the command there. A cold process pays Node's start-up, the
// bundle and compromise's model on every run; the server pays them once (bench/RESULTS.md).
//
// A request runs exactly as a cold run would: the same main() with the client's argv, working
// folder, environment, terminal state and stdin, its stdout, stderr and exit code sent back
// whole. Requests run one at a time (main() reads the environment and the working folder of the
// process). Config files are read on every run, and a plugin file edited in place is imported
// again (bin/load-bundle.cjs), so edits are seen as a cold run sees them.
//
// The socket is keyed on crisislint's version and build, the Node binary and the locale
// (client.cjs), in a folder private to the user. The server exits after an idle time
// (CRISISLINT_DAEMON_IDLE_MINUTES, default 15), as soon as its build changes on disk, and on
// `--daemon stop`. Anything unexpected ends in a cold run on the client's side, never in a wrong
// or empty report.

import { readdirSync, rmSync, unlinkSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProgram, main, type MainIo } from '../cli/main.js';
import { control, onMessages, send, serverKey, socketPath, spawnServer } from './client.cjs';

/** The package folder of the running bundle (dist/crisislint.cjs). */
function packageRoot(): string {
  return dirname(dirname(fileURLToPath(import.meta.url)));
}

const IDLE_MINUTES = 15;
const BUILD_CHECK_MS = 5_000;
const START_WAIT_MS = 10_000;

/** `--daemon start|stop|status`. */
export async function daemonCommand(action: string, io: MainIo): Promise<number> {
  const root = packageRoot();
  if (action === 'start' && process.env.CRISISLINT_DAEMON_SERVE === '1') return serve(root);
  const status = await control(root, 'status');
  if (action === 'status') {
    io.stdout.write(status?.status ? `crisislint daemon: running (${describe(status.status as ServerStatus)})\n` : 'crisislint daemon: not running\n');
    return 0;
  }
  if (action === 'stop') {
    if (!status?.status) {
      io.stdout.write('crisislint daemon: not running\n');
      return 0;
    }
    await control(root, 'stop');
    io.stdout.write('crisislint daemon: stopped\n');
    return 0;
  }
  if (status?.status) {
    io.stdout.write(`crisislint daemon: already running (${describe(status.status as ServerStatus)})\n`);
    return 0;
  }
  spawnServer(root);
  for (const started = Date.now(); Date.now() - started < START_WAIT_MS; ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = await control(root, 'status');
    if (now?.status) {
      io.stdout.write(`crisislint daemon: started (${describe(now.status as ServerStatus)})\n`);
      return 0;
    }
  }
  io.stderr.write('crisislint: the daemon did not start\n');
  return 2;
}

interface ServerStatus {
  pid: number;
  socket: string;
  uptimeSeconds: number;
  requests: number;
}

function describe(s: ServerStatus): string {
  return `pid ${s.pid}, up ${s.uptimeSeconds} s, ${s.requests} request${s.requests === 1 ? '' : 's'}, ${s.socket}`;
}

interface Request {
  argv: string[];
  cwd: string;
  env: Record<string, string>;
  tty: { stdin: boolean; stdout: boolean; stderr: boolean };
}

type Plan = { readsStdin: boolean; lints: boolean; cacheGiven: boolean };
/** Plans by argv and stdin's kind: an editor or a hook repeats the same command (parsing it builds the whole program). */
const plans = new Map<string, Plan>();

/** What main() will do with these arguments, as far as the server needs to know. */
export function planOf(argv: string[], stdinIsTTY: boolean): Plan {
  const key = JSON.stringify([stdinIsTTY, argv]);
  let plan = plans.get(key);
  if (!plan) {
    if (plans.size >= 256) plans.clear();
    plans.set(key, (plan = parsePlan(argv, stdinIsTTY)));
  }
  return plan;
}

function parsePlan(argv: string[], stdinIsTTY: boolean): Plan {
  let subcommand = false;
  const program = buildProgram({ init: () => (subcommand = true), explain: () => (subcommand = true) });
  for (const command of [program, ...program.commands]) {
    command.exitOverride();
    command.configureOutput({ writeOut: () => {}, writeErr: () => {} });
  }
  try {
    program.parse(argv, { from: 'user' });
  } catch {
    return { readsStdin: false, lints: false, cacheGiven: false };
  }
  const options = program.opts<{ listRules?: boolean; daemon?: string; cache?: boolean; cacheLocation?: string }>();
  if (subcommand || options.listRules || options.daemon) return { readsStdin: false, lints: false, cacheGiven: false };
  const paths = program.args;
  // --cache-location alone names a location --cache would use: leave it to the user's flags.
  const cacheGiven = !!options.cache || argv.some((a) => a === '--cache-location' || a.startsWith('--cache-location='));
  return { readsStdin: paths.includes('-') || (paths.length === 0 && !stdinIsTTY), lints: true, cacheGiven };
}

/**
 * A run without --cache reuses the results of files unchanged since the last run of the same
 * command in the same folder, from a cache file in the server's private folder (one per command,
 * so a small run never reads a big run's results; removed when the server exits): the same
 * --cache mechanism, whose
 * reports are identical to uncached ones (tests/performance-equivalence.test.ts), so a repeated
 * run on the server re-lints only what changed. The flags go first, before any "--".
 */
function withResultCache(argv: string[], request: Request, socket: string): string[] {
  const plan = planOf(argv, request.tty.stdin);
  if (!plan.lints || plan.cacheGiven) return argv;
  const file = `${socket.replace(/\.sock$/, '')}-${hashText(`${request.cwd}\0${argv.join('\0')}`)}.results`;
  return ['--cache', '--cache-location', file, ...argv];
}

function removeResultCaches(socket: string): void {
  const prefix = basename(socket).replace(/\.sock$/, '-');
  try {
    for (const name of readdirSync(dirname(socket))) if (name.startsWith(prefix) && name.endsWith('.results')) rmSync(join(dirname(socket), name), { force: true });
  } catch {
    // Nothing to remove.
  }
}

function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** A stream that keeps what is written, for one request. */
function capture(isTTY: boolean): { stream: NodeJS.WritableStream & { isTTY?: boolean }; text: () => string } {
  const chunks: string[] = [];
  const stream = {
    isTTY,
    write(chunk: string | Uint8Array, ...rest: unknown[]) {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    },
  } as unknown as NodeJS.WritableStream & { isTTY?: boolean };
  return { stream, text: () => chunks.join('') };
}

/** Runs one request as a cold run would, in this process. Only one runs at a time. */
async function runRequest(request: Request, stdin: Buffer | undefined, socket: string): Promise<{ stdout: string; stderr: string; code: number }> {
  const stdout = capture(request.tty.stdout);
  const stderr = capture(request.tty.stderr);
  const ownEnv = { ...process.env };
  const ownCwd = process.cwd();
  const setEnv = (env: Record<string, string | undefined>) => {
    for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
    for (const [key, value] of Object.entries(env)) if (value !== undefined && process.env[key] !== value) process.env[key] = value;
  };
  let code: number;
  try {
    setEnv(request.env);
    process.chdir(request.cwd);
    const argv = process.platform === 'win32' ? request.argv : withResultCache(request.argv, request, socket);
    code = await main(argv, {
      stdout: stdout.stream,
      stderr: stderr.stream,
      cwd: request.cwd,
      stdin: { isTTY: request.tty.stdin, read: () => stdin ?? Buffer.alloc(0) },
    });
  } catch (error) {
    // As src/cli/run.ts reports it.
    stderr.stream.write(`crisislint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (request.env.CRISISLINT_DEBUG && error instanceof Error) stderr.stream.write(`${error.stack}\n`);
    code = 2;
  } finally {
    setEnv(ownEnv);
    try {
      process.chdir(ownCwd);
    } catch {
      // Our folder went away; requests chdir anyway.
    }
  }
  return { stdout: stdout.text(), stderr: stderr.text(), code };
}

async function serve(root: string): Promise<number> {
  const key = serverKey(root);
  const path = socketPath(root, process.env, true);
  const started = Date.now();
  let requests = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let closing = false;
  const idleSetting = Number(process.env.CRISISLINT_DAEMON_IDLE_MINUTES);
  const idleMs = (idleSetting > 0 ? idleSetting : IDLE_MINUTES) * 60_000;
  let idle: NodeJS.Timeout | undefined;
  // Plugins edited in place are imported again (bin/load-bundle.cjs reads this).
  (globalThis as Record<symbol, unknown>)[Symbol.for('crisislint.daemon')] = true;

  let done: (code: number) => void = () => {};
  const finished = new Promise<number>((resolve) => (done = resolve));
  const shutdown = () => {
    if (closing) return;
    closing = true;
    server.close();
    removeResultCaches(path);
    if (process.platform !== 'win32') {
      try {
        unlinkSync(path);
      } catch {
        // Already gone, or taken over.
      }
    }
    // Let a running request finish and answer.
    void queue.then(() => done(0));
  };
  const touch = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(shutdown, idleMs);
  };
  const buildChanged = () => serverKey(root) !== key;

  const handle = (socket: Socket) => {
    touch();
    let request: Request | undefined;
    let stdinArrived: ((bytes: Buffer) => void) | undefined;
    socket.on('error', () => socket.destroy());
    onMessages(socket, (message) => {
      if (message.status) {
        const status: ServerStatus = { pid: process.pid, socket: path, uptimeSeconds: Math.round((Date.now() - started) / 1000), requests };
        send(socket, { status });
        socket.end();
      } else if (message.stop) {
        send(socket, { stopping: true });
        socket.end();
        shutdown();
      } else if (message.stdin !== undefined && stdinArrived) {
        stdinArrived(Buffer.from(String(message.stdin), 'base64'));
      } else if (message.request && !request) {
        request = message.request as Request;
        if (closing || buildChanged()) {
          send(socket, { cold: 'the server is stopping or its build changed' });
          socket.end();
          shutdown();
          return;
        }
        const accepted = request;
        const stdin = planOf(accepted.argv, accepted.tty.stdin).readsStdin
          ? new Promise<Buffer>((resolve) => {
              stdinArrived = resolve;
              send(socket, { needStdin: true });
            })
          : Promise.resolve(undefined);
        queue = queue.then(async () => {
          const input = await stdin;
          if (socket.destroyed) return;
          requests++;
          const result = await runRequest(accepted, input, path);
          send(socket, { done: result });
          socket.end();
          touch();
        });
      } else {
        socket.destroy();
      }
    });
  };

  const server: Server = createServer(handle);
  const listening = await listen(server, path);
  if (!listening) return 0; // another server answers on this socket
  touch();
  setInterval(() => {
    if (buildChanged()) shutdown();
  }, BUILD_CHECK_MS).unref();
  const code = await finished;
  process.exit(code);
}

/**
 * Listens on the socket. A socket file nobody answers on (a crashed server) is removed and taken
 * over; one that answers belongs to a server that won a race to start: false, this one exits.
 */
function listen(server: Server, path: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    let retried = false;
    const attempt = () => server.listen(path);
    server.on('listening', () => resolve(true));
    server.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE' || retried) return reject(error);
      retried = true;
      const probe = connect(path);
      probe.on('connect', () => {
        probe.destroy();
        resolve(false);
      });
      probe.on('error', () => {
        try {
          unlinkSync(path);
        } catch {
          // Removed by someone else meanwhile.
        }
        attempt();
      });
    });
    attempt();
  });
}

'use strict';
// The warm server's client side (opt-in, in the spirit of eslint_d): with CRISISLINT_DAEMON=1,
// bin/crisislint.cjs asks a running crisislint server (src/daemon/server.ts) to run the command
// instead of loading crisislint and compromise itself. Plain CommonJS without dependencies, loaded
// before the bundle, so that asking costs little more than Node's own start-up.
//
// The client sends argv, the working folder, the environment and whether stdin, stdout and stderr
// are terminals; it sends stdin only when the server says the command reads it. It prints stdout
// and stderr and exits with the code only once the server says the run is complete, so a server
// that fails or disappears mid-run leaves nothing printed: the command then runs cold, as it
// would without the server. Whenever anything is wrong (no server, a stale socket, a server of
// another build, a protocol error) the answer is "run cold", never a partial or empty report.
//
// Wire format: one JSON object per line each way. Client: {request} then, if asked, {stdin}
// (base64). Server: {needStdin}, then {done: {stdout, stderr, code}} or {cold: reason}.

const { mkdirSync, readSync, statSync, writeSync } = require('node:fs');
const { join } = require('node:path');
const net = require('node:net');
const os = require('node:os');
const { isatty } = require('node:tty');

/** Environment variables that a running Node process cannot take over from a request (its locale). */
const KEYED_ENV = ['LANG', 'LC_ALL', 'LC_COLLATE', 'LC_CTYPE', 'NODE_OPTIONS', 'NODE_ICU_DATA'];

/** FNV-1a, 32 bits: enough to tell builds apart without loading node:crypto. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * What a server must share with its client: crisislint's build (whose bundle carries the version),
 * the Node binary, the locale. The bundles' size, modification time and inode change with any
 * rebuild or reinstall, so package.json is not read as well.
 */
function serverKey(root, env = process.env) {
  const parts = [process.execPath, process.version, process.arch, root];
  for (const file of ['dist/crisislint.cjs', 'dist/compromise-precomputed.cjs']) {
    const s = statSync(join(root, file), { throwIfNoEntry: false });
    parts.push(s ? `${s.size}:${s.mtimeMs}:${s.ino}` : '-');
  }
  for (const name of KEYED_ENV) parts.push(`${name}=${env[name] ?? ''}`);
  return `${hash(parts.join('\n'))}${hash(parts.reverse().join('\r'))}`;
}

/**
 * A folder only this user can use (checked: a socket in a shared folder could be another user's).
 * Only the server makes it (`create`): a client that finds no folder finds no server either.
 */
function socketFolder(create) {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  const dir = join(os.tmpdir(), `crisislint-daemon-${uid}`);
  if (create) mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (typeof process.getuid === 'function') {
    const s = statSync(dir);
    if (s.uid !== process.getuid() || (s.mode & 0o077) !== 0) throw new Error(`${dir} is not private to this user`);
  }
  return dir;
}

/** The server's socket for this build; throws when the folder is missing (unless `create`) or not private. */
function socketPath(root, env = process.env, create = false) {
  const key = serverKey(root, env);
  if (process.platform === 'win32') return `\\\\.\\pipe\\crisislint-${hash(os.userInfo().username)}-${key}`;
  return join(socketFolder(create), `${key}.sock`);
}

/**
 * Reads newline-separated JSON messages from a socket. Lines are kept as bytes and decoded whole:
 * no string decoder (setEncoding loads one), and a character split across two chunks stays intact.
 */
function onMessages(socket, handle) {
  // Chunks of the current line; only the new chunk is searched for its end (a report can be megabytes).
  let pending = [];
  socket.on('data', (data) => {
    let from = 0;
    let end;
    while ((end = data.indexOf(10, from)) !== -1) {
      pending.push(data.subarray(from, end));
      const line = pending.length === 1 ? pending[0] : Buffer.concat(pending);
      pending = [];
      from = end + 1;
      let message;
      try {
        message = JSON.parse(line.toString('utf8'));
      } catch {
        socket.destroy(new Error('bad message'));
        return;
      }
      handle(message);
    }
    if (from < data.length) pending.push(data.subarray(from));
  });
}

function send(socket, message) {
  socket.write(`${JSON.stringify(message)}\n`);
}

function readAllStdin() {
  const chunks = [];
  const chunk = Buffer.alloc(1 << 16);
  for (;;) {
    let n;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      // As src/cli/main.ts reads stdin in a cold run: a non-blocking or closed stdin reads as empty.
      if (error.code === 'EAGAIN' || error.code === 'EOF') return Buffer.alloc(0);
      throw error;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

/**
 * Asks the server for one message exchange: `request` goes out, `onMessage` sees each answer and
 * returns a value to finish with (or undefined to wait). Resolves undefined on any failure.
 */
function exchange(path, request, onMessage, socket = net.connect(path)) {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(value);
    };
    socket.on('error', () => finish(undefined));
    socket.on('close', () => finish(undefined));
    socket.on('connect', () => send(socket, request));
    onMessages(socket, (message) => {
      const value = onMessage(message, socket);
      if (value !== undefined) finish(value);
    });
  });
}

/** Starts a server in the background for this build; returns at once. */
function spawnServer(root) {
  const { spawn } = require('node:child_process');
  const child = spawn(process.execPath, [join(root, 'bin', 'crisislint.cjs'), '--daemon', 'start'], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, CRISISLINT_DAEMON: '', CRISISLINT_DAEMON_SERVE: '1' },
    cwd: root,
    windowsHide: true,
  });
  child.unref();
}

/**
 * Runs the command on the server. Resolves true when the server ran it (output printed, exit code
 * set), false when it must run cold. Starts a server for next time when none answers, except in CI.
 */
async function runOnServer(argv, root) {
  const env = process.env;
  // Timing and code-cache runs measure or write this process: they always run cold.
  if (env.CRISISLINT_TIMING || env.CRISISLINT_CODE_CACHE) return false;
  let path;
  try {
    path = socketPath(root);
  } catch (error) {
    // No socket folder yet: no server either; one is started for next time as below.
    if (error.code === 'ENOENT') startForNextTime(root, env);
    return false;
  }
  let stdinBytes;
  const request = {
    request: {
      argv,
      cwd: process.cwd(),
      env,
      // isatty, as process.stdin.isTTY is, without making the three stream objects (stdin's alone
      // costs a cold start about 14 M instructions, and this run may never read it).
      tty: { stdin: isatty(0), stdout: isatty(1), stderr: isatty(2) },
    },
  };
  let connected = false;
  const socket = net.connect(path);
  socket.once('connect', () => (connected = true));
  const answer = await exchange(
    path,
    request,
    (message, s) => {
      if (message.needStdin) {
        stdinBytes = readAllStdin();
        send(s, { stdin: stdinBytes.toString('base64') });
        return undefined;
      }
      if (message.done) {
        // The whole answer is here: written at once and the process ends with its code, the
        // socket left for the system to close. Closing it first would cost more than the rest of
        // the exchange: net's Socket#_destroy compares the socket with process.stderr, which
        // makes the stderr stream object.
        if (writeNow(message.done)) process.exit(message.done.code);
        return message.done;
      }
      return { cold: message.cold ?? 'unexpected answer' };
    },
    socket,
  );
  if (!answer || answer.cold) {
    if (!connected) startForNextTime(root, env);
    // Standard input already read for the server goes to the cold run (src/cli/main.ts).
    if (stdinBytes) globalThis[Symbol.for('crisislint.stdinBytes')] = stdinBytes;
    return false;
  }
  // What the descriptors would not take at once (writeNow) goes through the stream objects.
  for (const [name, stream] of [['stderr', process.stderr], ['stdout', process.stdout]]) {
    const rest = answer.rest[name];
    if (rest.length) await new Promise((resolve) => stream.write(rest, resolve));
  }
  process.exitCode = answer.code;
  return true;
}

/**
 * Writes a complete answer's stderr and stdout straight to descriptors 2 and 1 (process.stdout and
 * process.stderr are stream objects that cost millions of instructions to make, and an empty
 * stream is not written at all). Returns true when all of it was written; otherwise leaves what
 * is left in `done.rest` for the streams: a non-blocking pipe that is full (EAGAIN), or a failure
 * such as EPIPE, then ends as it would in a cold run, which writes through process.stdout.
 */
function writeNow(done) {
  done.rest = { stderr: Buffer.alloc(0), stdout: Buffer.alloc(0) };
  let failed = false;
  for (const [name, fd] of [['stderr', 2], ['stdout', 1]]) {
    const bytes = Buffer.from(done[name] ?? '', 'utf8');
    let written = 0;
    if (!failed) {
      try {
        while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      } catch {
        failed = true;
      }
    }
    done.rest[name] = bytes.subarray(written);
  }
  return !failed;
}

/** When no server answered: starts one for the next run, except in CI or when asked not to. */
function startForNextTime(root, env) {
  if (env.CI || env.CRISISLINT_DAEMON_AUTOSTART === '0') return;
  try {
    spawnServer(root);
  } catch {
    // No server for next time either; this run is cold anyway.
  }
}

/** `--daemon stop` and `--daemon status` ask the server with these. */
function control(root, what) {
  let path;
  try {
    path = socketPath(root);
  } catch {
    return Promise.resolve(undefined);
  }
  return exchange(path, { [what]: true }, (message) => message);
}

module.exports = { runOnServer, control, socketPath, serverKey, onMessages, send, spawnServer, KEYED_ENV };

// Kept for the bin: whether a command asks for the daemon itself (--daemon …), which never goes to a server.
module.exports.isDaemonCommand = (argv) => argv.some((a) => a === '--daemon' || a.startsWith('--daemon='));


// Linting across worker threads for big runs. Each worker loads its own engine (and compromise,
// when a rule needs tags), so workers pay off only when there is enough text to share: `auto`
// starts them by input size and idle cores, and never for plugin rules (a worker rebuilds the
// rules by id from the built-in set). The main thread lints too, so three cores use
// two workers. Work goes out in small chunks from one queue, so a worker that starts late, or gets
// slow files, simply takes fewer.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { builtinRules } from '../../rules/index.js';
import type { Rule } from '../api.js';
import type { TimeDependence } from '../engine/cache.js';
import type { EngineOptions } from '../engine/index.js';
import type { FileResult } from '../engine/results.js';
import { mergePhaseTimes, timing, type PhaseTimes } from '../engine/timing.js';

export interface WorkItem {
  index: number;
  path: string;
  bytes: Uint8Array;
}

/** What a worker needs to rebuild the engine: serialisable settings and rules by id. */
export interface WorkerSetup {
  settings: Omit<EngineOptions, 'rules'>;
  rules: { id: string; severity: string; options: Record<string, unknown> }[];
  timing: boolean;
  /** Results go into the --cache: time-dependent ones are checked for having settled. */
  forCache: boolean;
}

/** A worker's data: the engine to rebuild, the shared queue, and the queued files' paths. */
export interface WorkerData {
  setup: WorkerSetup;
  queue: SharedQueue;
  threads: number;
  paths: string[];
}

/** Results by queue position, one message a chunk; then, when the queue is empty, `finished`. */
export type FromWorker =
  | { results: { position: number; result: FileResult; time: TimeDependence }[] }
  | { finished: true; times: PhaseTimes; tagged: { sentences: number; words: number } };

/** Below this much input, starting a worker (about 0.4 s of its own start-up) does not pay. */
const AUTO_MIN_BYTES = 256 * 1024;
/** Each further worker needs this much more input. */
const AUTO_BYTES_PER_WORKER = 256 * 1024;
const AUTO_MAX_WORKERS = 4;
/** Chunks of about this many bytes (at least one file) keep the queue balanced... */
const CHUNK_BYTES = 16 * 1024;
/** ...and smaller ones, down to this, as the queue runs out (see WorkQueue). */
const MIN_CHUNK_BYTES = 2 * 1024;
/** What a worker may use (when started without bin/load-bundle.cjs, which says why). */
const WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 8 };

/** Sentences and words the workers tagged, for the benchmark's breakdown. */
export const workerTagged = { sentences: 0, words: 0 };

export function workerScript(): string | undefined {
  // Built next to the CLI bundle (scripts/build.mjs); absent when running from TypeScript sources.
  const script = fileURLToPath(new URL('./worker.cjs', import.meta.url));
  return existsSync(script) ? script : undefined;
}

export function workerSetup(engine: EngineOptions, forCache = false): WorkerSetup | undefined {
  const builtin = new Set<Rule<object>>(builtinRules);
  if (!engine.rules.every((r) => builtin.has(r.rule))) return undefined;
  const { rules, ...settings } = engine;
  const setup: WorkerSetup = {
    settings,
    rules: rules.map((r) => ({ id: r.rule.meta.id, severity: r.severity, options: r.options })),
    timing: timing.on,
    forCache,
  };
  try {
    structuredClone(setup);
  } catch {
    return undefined; // an option holds a function: only this thread can run it
  }
  return setup;
}

/** How many workers to start for these files: 0 lints in this thread only. */
export function planWorkers(requested: number | 'auto', todo: WorkItem[], engine: EngineOptions, machine?: Machine): number {
  if (requested === 0 || todo.length < 2) return 0;
  if (!workerScript() || !workerSetup(engine)) return 0;
  if (requested !== 'auto') return Math.min(requested, todo.length - 1);
  const bytes = todo.reduce((n, item) => n + item.bytes.length, 0);
  if (bytes < AUTO_MIN_BYTES) return 0;
  return autoWorkers(bytes, machine ?? currentMachine());
}

export interface Machine {
  cores: number;
  /** Threads that want a core besides this one. */
  load: number;
}

/**
 * `--workers auto`: a worker pays only when there is enough input to repay its start-up AND a
 * core nobody else is using to run it. On a busy machine (a CI runner running other jobs, a
 * shared box) a worker only competes with the main thread for the same cores: measured on a
 * loaded 2-core machine, `auto` without this check was slower than no workers at all. Idle
 * cores are the cores less the load, less one for the main thread. Two cores count too: with
 * the V8 flags bin/load-bundle.cjs sets, V8's own compiling no longer fills the second core, and
 * one worker took the corpus from 3.3 s to 2.35 s there (bench/RESULTS.md, round seven).
 */
export function autoWorkers(bytes: number, { cores, load }: Machine): number {
  if (bytes < AUTO_MIN_BYTES) return 0;
  const idle = Math.round(cores - 1 - load);
  const bySize = Math.floor((bytes - AUTO_MIN_BYTES) / AUTO_BYTES_PER_WORKER) + 1;
  return Math.max(0, Math.min(idle, AUTO_MAX_WORKERS, bySize));
}

/** Readings of the threads runnable, other than this process's, taken so far in this run; the least counts. */
let runnableReadings: number[] = [];

/**
 * Takes a reading of the runnable threads now, for `--workers auto` to decide with later: the
 * CLI takes one before it reads the files and planWorkers one after, so the readings are some
 * milliseconds apart without anyone waiting for them.
 */
export function noteRunnableThreads(first = false): void {
  // A long-running server lints many times: each run starts its readings afresh.
  if (first) runnableReadings = [];
  // With a worker started early (prestarted), the reading taken before it started counts too:
  // while it starts, this process fills both cores of a 2-core machine, and any other thread
  // that wakes then waits, and counts as runnable (2 corpus runs in 15 chose no worker).
  const early = prestarted()?.othersRunnable;
  if (first && early !== undefined) runnableReadings.push(early);
  const running = othersRunnableThreads();
  if (running !== undefined) runnableReadings.push(running);
}

/**
 * The load: the 1-minute load average, or, on Linux, the threads of other processes runnable
 * right now if fewer. The average lags a minute behind, so a build's or a benchmark's previous
 * step, finished a second ago, still counts there as a busy core; /proc/loadavg's fourth field
 * ("running/total") is a moment's count. The least of the readings leaves out a moment's spike.
 */
function currentMachine(): Machine {
  noteRunnableThreads();
  const readings = runnableReadings;
  runnableReadings = [];
  const now = readings.length > 0 ? Math.min(...readings) : Infinity;
  return { cores: availableParallelism(), load: Math.max(0, Math.min(loadavg()[0], now)) };
}

/**
 * Runnable threads of other processes: the system's count less this process's own runnable
 * threads (this one, a worker started early, V8's compiler and GC threads at work), so that a
 * moment when V8's own threads are compiling does not count as another process's load.
 */
function othersRunnableThreads(): number | undefined {
  try {
    const field = readFileSync('/proc/loadavg', 'latin1').split(' ')[3];
    const running = Number.parseInt(field, 10);
    if (!Number.isFinite(running) || running <= 0) return undefined;
    let own = 0;
    for (const task of readdirSync('/proc/self/task')) {
      // "pid (name) S …": the state follows the last parenthesis (a name may hold one).
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'latin1');
      if (stat.charCodeAt(stat.lastIndexOf(')') + 2) === 82 /* R */) own++;
    }
    return Math.max(0, running - Math.max(own, 1));
  } catch {
    return undefined;
  }
}

/**
 * The files still to lint, in memory every thread shares, handed out in chunks from both ends:
 * the main thread takes from the front, workers from the back, each as soon as it is ready for
 * more. No thread waits on another to be sent work: when the main thread sent the chunks, a
 * worker held two (so as not to wait while the main thread was busy linting), and at the end the
 * main thread waited 20-30 ms for the worker's last two. Chunks shrink as the queue runs out (a
 * share of what is left per thread, as in guided self-scheduling), so that at the end no thread
 * is still on a long chunk while the others wait.
 */
export class WorkQueue {
  /** [lock, front, back]: the next file from the front, one past the next from the back. */
  private readonly state: Int32Array;
  /** Where each file's bytes start in `bytes`, and (last) where the last ends. */
  private readonly offsets: Float64Array;
  private readonly bytes: Uint8Array;

  constructor(
    readonly shared: SharedQueue,
    private readonly threads: number,
  ) {
    this.state = new Int32Array(shared.state);
    this.offsets = new Float64Array(shared.offsets);
    this.bytes = new Uint8Array(shared.bytes);
  }

  /** A queue of these files' bytes, copied into shared memory. */
  static of(files: { bytes: Uint8Array }[], threads: number): WorkQueue {
    const offsets = new Float64Array(new SharedArrayBuffer(8 * (files.length + 1)));
    files.forEach((file, i) => (offsets[i + 1] = offsets[i] + file.bytes.length));
    const bytes = new Uint8Array(new SharedArrayBuffer(offsets[files.length]));
    files.forEach((file, i) => bytes.set(file.bytes, offsets[i]));
    const state = new Int32Array(new SharedArrayBuffer(12));
    state[2] = files.length;
    return new WorkQueue({ state: state.buffer as SharedArrayBuffer, offsets: offsets.buffer as SharedArrayBuffer, bytes: bytes.buffer as SharedArrayBuffer }, threads);
  }

  /** The next chunk, as positions in the queue ([start, end)), or undefined when none is left. */
  take(end: 'front' | 'back'): [number, number] | undefined {
    const { state, offsets } = this;
    // A spin lock: every thread holds it for a few arithmetic steps.
    while (Atomics.compareExchange(state, 0, 0, 1) !== 0);
    try {
      const front = state[1];
      const back = state[2];
      if (front >= back) return undefined;
      const left = offsets[back] - offsets[front];
      const target = Math.min(CHUNK_BYTES, Math.max(MIN_CHUNK_BYTES, left / (2 * this.threads)));
      if (end === 'front') {
        let next = front + 1;
        while (next < back && offsets[next] - offsets[front] < target) next++;
        state[1] = next;
        return [front, next];
      }
      let next = back - 1;
      while (next > front && offsets[back] - offsets[next] < target) next--;
      state[2] = next;
      return [next, back];
    } finally {
      Atomics.store(state, 0, 0);
    }
  }

  /** The bytes of the file at this position, copied out of shared memory (decoders refuse shared views). */
  bytesOf(position: number): Uint8Array {
    return this.bytes.slice(this.offsets[position], this.offsets[position + 1]);
  }
}

export interface SharedQueue {
  state: SharedArrayBuffer;
  offsets: SharedArrayBuffer;
  bytes: SharedArrayBuffer;
}

/** Through bin/load-bundle.cjs when it started this bundle, so the worker uses the code cache too. */
function startWorker(script: string, data: WorkerData): Worker {
  const viaLoader = (globalThis as Record<symbol, unknown>)[Symbol.for('crisislint.startWorker')] as ((script: string, data: WorkerData) => Worker) | undefined;
  if (viaLoader) return viaLoader(script, data);
  // require, not import(): the bundle may run from a V8 code cache (bin/load-bundle.cjs).
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  return new Worker(script, { workerData: data, resourceLimits: WORKER_RESOURCE_LIMITS });
}

/** The worker bin/load-bundle.cjs started before this bundle loaded (prestartWorker), while it is there to take. */
interface Prestarted {
  worker: Worker;
  /** Threads of other processes runnable just before it started. */
  othersRunnable: number | undefined;
  exited: boolean;
}
const PRESTARTED = Symbol.for('crisislint.prestartedWorker');

function prestarted(): Prestarted | undefined {
  return (globalThis as Record<symbol, unknown>)[PRESTARTED] as Prestarted | undefined;
}

/** The prestarted worker, given its work (it waits for it), or undefined when there is none alive. */
function takePrestartedWorker(data: WorkerData): Worker | undefined {
  const started = prestarted();
  (globalThis as Record<symbol, unknown>)[PRESTARTED] = undefined;
  if (!started || started.exited) return undefined;
  started.worker.ref();
  started.worker.postMessage(data);
  return started.worker;
}

/** Ends a prestarted worker the run does not use. */
export function endPrestartedWorker(): void {
  const started = prestarted();
  (globalThis as Record<symbol, unknown>)[PRESTARTED] = undefined;
  if (started && !started.exited) void started.worker.terminate();
}

/**
 * Lints `items` across `count` workers and this thread. `lintHere` lints one item in this thread;
 * `onResult` receives each worker's results. A file a failed worker took and did not finish is
 * linted here at the end.
 */
export async function runInWorkers<T extends WorkItem>(
  items: T[],
  engine: EngineOptions,
  count: number,
  forCache: boolean,
  onResult: (item: T, result: FileResult, time: TimeDependence) => void,
  lintHere: (item: T) => void,
): Promise<void> {
  const queue = WorkQueue.of(items, count + 1);
  const data: WorkerData = { setup: workerSetup(engine, forCache)!, queue: queue.shared, threads: count + 1, paths: items.map((item) => item.path) };
  const script = workerScript()!;
  const linted = new Uint8Array(items.length);

  const finished: Promise<void>[] = [];
  for (let w = 0; w < count; w++) {
    const worker = takePrestartedWorker(data) ?? startWorker(script, data);
    finished.push(
      new Promise<void>((done) => {
        worker.on('message', (message: FromWorker) => {
          if ('finished' in message) {
            mergePhaseTimes(message.times);
            workerTagged.sentences += message.tagged.sentences;
            workerTagged.words += message.tagged.words;
            // Its results are all in (a port delivers in order); it exits by itself.
            return done();
          }
          for (const { position, result, time } of message.results) {
            linted[position] = 1;
            onResult(items[position], result, time);
          }
        });
        // A worker that fails (or never starts) has finished: what it took and did not lint is linted here.
        worker.on('error', done);
        worker.on('exit', done);
      }),
    );
  }

  // The main thread takes from the front, workers from the back. When the build writes the code
  // caches (bin/load-bundle.cjs), the workers lint everything, or the worker's cache would lack the
  // lint functions: the main thread is ready first and would take a few files before they start.
  const mainLints = process.env.CRISISLINT_CODE_CACHE !== 'write';
  for (let chunk = mainLints && queue.take('front'); chunk; chunk = queue.take('front')) {
    for (let position = chunk[0]; position < chunk[1]; position++) {
      linted[position] = 1;
      lintHere(items[position]);
    }
    // Let workers' results in before the next chunk, so they are formatted and counted as they come.
    await new Promise<void>((r) => setImmediate(r));
  }
  await Promise.all(finished);
  items.forEach((item, position) => {
    if (!linted[position]) lintHere(item);
  });
}

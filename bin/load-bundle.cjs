'use strict';
// Loads a built bundle (dist/*.cjs) with the V8 code cache the build wrote beside it
// (scripts/build.mjs): compiling the 1 MB bundles is a good part of start-up, and a cache written
// after a real run also holds the functions that run compiled. V8 rejects a cache made by another
// Node or other V8 flags; the bundle then compiles as usual. Nothing is written at run time
// unless CRISISLINT_CODE_CACHE=write (the build), so an install is never modified by a run.
//
// Code compiled from a cache has no import() of its own on Node 20, so this file, compiled by
// Node as usual, lends it one (plugins.ts and workers.ts look for it).
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

// V8 flags for crisislint's own processes (the bin, its workers and servers; never the programmatic
// API, which runs in its host's process). A lint run is short: on the 819-file corpus V8 spent about
// 1.4 s of the second core compiling optimised code, much of it inlining into functions that were
// then deoptimised and compiled again, and a worker thread, which compiles its own code, lost on 2
// cores. Without inlining, and with functions optimised after about 4 times the default interrupt
// budget, the serial corpus run takes about a quarter less CPU and no more wall time, and one worker
// pays on 2 cores (bench/RESULTS.md, round seven). Measured on Node 20 (V8 11.3) only, so set only
// there. Set before any code cache is read: V8 keys a cache to the flags, and the build writes the
// caches through this file with the same flags. CRISISLINT_V8_FLAGS=0 leaves V8's defaults (the
// caches are then rejected and the bundles compile as usual).
const V8_FLAGS = '--no-turbo-inlining --interrupt-budget=528000';
if (process.env.CRISISLINT_V8_FLAGS !== '0' && process.versions.node.split('.')[0] === '20' && require('node:worker_threads').isMainThread) {
  require('node:v8').setFlagsFromString(V8_FLAGS);
}

globalThis[Symbol.for('crisislint.import')] = (specifier) => import(daemonFresh(specifier));

/**
 * In the warm server (src/daemon/server.ts), a plugin file edited in place must be imported again:
 * its URL gets its size and modification time (ES modules are cached by URL; a CommonJS plugin is
 * dropped from require's cache).
 */
function daemonFresh(specifier) {
  if (!globalThis[Symbol.for('crisislint.daemon')] || !specifier.startsWith('file:')) return specifier;
  try {
    const file = require('node:url').fileURLToPath(specifier);
    const { size, mtimeMs } = require('node:fs').statSync(file);
    delete require.cache[file];
    return `${specifier}?crisislint-version=${size}-${mtimeMs}`;
  } catch {
    return specifier;
  }
}

/** Each code cache read, and whether V8 rejected it (tests: the build and a run agree on flags). */
const cacheUse = [];

function loadBundle(file, cacheFile = `${file}.v8-cache`) {
  const mode = process.env.CRISISLINT_CODE_CACHE;
  if (mode === '0') return require(file);
  let cachedData;
  try {
    if (mode !== 'write') cachedData = readFileSync(cacheFile);
  } catch {
    // No cache: compile as usual.
  }
  const source = readFileSync(file, 'utf8');
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (cachedData) cacheUse.push({ file, rejected: script.cachedDataRejected === true });
  if (mode === 'write') {
    // At exit, so that the cache holds the functions this run compiled, not only the top level.
    process.once('exit', () => {
      const temp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
    });
  }
  const bundle = new Module(file, module);
  bundle.filename = file;
  bundle.paths = Module._nodeModulePaths(dirname(file));
  require.cache[file] = bundle;
  script.runInThisContext()(bundle.exports, Module.createRequire(file), bundle, file, dirname(file));
  bundle.loaded = true;
  return bundle.exports;
}

/**
 * compromise, for src/nlp/analysis.ts. First the build's precomputed bundle
 * (scripts/precompute-model.mjs: compromise with its model already built, about a third of plain
 * compromise's start-up), if it was built from the compromise installed; else, or if it fails to
 * load, or with CRISISLINT_PRECOMPUTED=0, plain compromise. Both through a V8 code cache; V8
 * checks a cache against the source's length, not its content, so plain compromise's cache is
 * named by its version.
 */
/**
 * The phrase fragments' analyses recorded at build time (dist/fragment-analyses.json), for
 * src/nlp/prefilter.ts, which imports no Node built-in of its own (it is bundled for browsers too).
 * CRISISLINT_FRAGMENT_ANALYSES=FILE (scripts/precompute-model.mjs) records the table instead.
 */
globalThis[Symbol.for('crisislint.fragmentTable')] = {
  read() {
    try {
      return readFileSync(join(__dirname, '..', 'dist', 'fragment-analyses.json'), 'utf8');
    } catch {
      return undefined;
    }
  },
  record: process.env.CRISISLINT_FRAGMENT_ANALYSES
    ? (json) => process.once('exit', () => writeFileSync(process.env.CRISISLINT_FRAGMENT_ANALYSES, json()))
    : undefined,
};

globalThis[Symbol.for('crisislint.requireCompromise')] = () => {
  const file = require.resolve('compromise', { paths: [join(__dirname, '..', 'dist')] });
  let version;
  try {
    version = JSON.parse(readFileSync(join(file, '..', '..', '..', 'package.json'), 'utf8')).version;
  } catch {
    return require(file);
  }
  if (process.env.CRISISLINT_PRECOMPUTED !== '0') {
    try {
      const nlp = loadBundle(join(__dirname, '..', 'dist', 'compromise-precomputed.cjs'));
      if (nlp.precomputed === version) return nlp;
    } catch {
      // Missing, or failed to load: plain compromise below.
    }
  }
  return loadBundle(file, join(__dirname, '..', 'dist', `compromise-${version}.v8-cache`));
};

/**
 * A worker thread started before the CLI bundle loads, when the command lints a folder or a glob
 * (`--workers` left to auto) and the machine has a core nobody is using: it loads its bundle and
 * compromise while this thread loads its own and finds and reads the files, which is about 50 ms
 * of start-up it otherwise began only after them (bench/RESULTS.md, round eight). The worker
 * waits for its work (src/cli/worker.ts); src/cli/workers.ts takes it as its first worker, or ends
 * it when the run wants none (too little text, plugin rules, a busy machine).
 */
function prestartWorker(argv) {
  const threads = require('node:worker_threads');
  if (!threads.isMainThread || argv.some((a) => a === '--workers' || a.startsWith('--workers='))) return;
  const worker = join(__dirname, '..', 'dist', 'worker.cjs');
  if (!lintsATree(argv) || !require('node:fs').existsSync(worker)) return;
  // A first guess at an idle core from the threads of other processes wanting one now (Linux's
  // /proc/loadavg "running/total", less this one); src/cli/workers.ts decides, with this reading
  // among its own.
  let othersRunnable;
  try {
    othersRunnable = Math.max(0, Number.parseInt(readFileSync('/proc/loadavg', 'latin1').split(' ')[3], 10) - 1) || 0;
  } catch {
    // Not Linux: the number of cores decides.
  }
  if (Math.round(require('node:os').availableParallelism() - 1 - (othersRunnable ?? 0)) < 1) return;
  const started = { worker: startWorker(worker), othersRunnable, exited: false };
  // Until the CLI takes it, it must neither keep the process alive nor fail it.
  started.worker.unref();
  started.worker.on('error', () => {});
  started.worker.on('exit', () => (started.exited = true));
  globalThis[Symbol.for('crisislint.prestartedWorker')] = started;
}

/** Whether a command line names a folder or a glob to lint (a cheap guess: commander has not parsed it yet). */
function lintsATree(argv) {
  const { statSync } = require('node:fs');
  return argv.slice(0, 32).some((a) => !a.startsWith('-') && (/[*?[{]/.test(a) || statSync(a, { throwIfNoEntry: false })?.isDirectory() === true));
}

/**
 * What a worker may use: a smaller young generation than V8's default keeps the corpus run's peak
 * down (measured with one worker in round six: 246-250 MB at 8 MB, 257-261 MB at 16, 268 MB at the
 * default; 221 MB at 8 MB since round seven's smaller caches) at no measurable cost in time (16
 * and 32 MB measured again in round eight: the same time, 8 and 20 MB more).
 */
const WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 8 };

/** Starts a worker thread on this loader with `script` (dist/worker.cjs) as its bundle (prestartWorker, and src/cli/workers.ts). */
function startWorker(script, workerData) {
  return new (require('node:worker_threads').Worker)(__filename, { argv: [script], workerData, resourceLimits: WORKER_RESOURCE_LIMITS });
}
globalThis[Symbol.for('crisislint.startWorker')] = startWorker;

module.exports = { loadBundle, cacheUse, prestartWorker, lintsATree };

// A worker thread starts here (src/cli/workers.ts) with the worker bundle as its argument.
if (require.main === module && process.argv[2]) loadBundle(process.argv[2]);

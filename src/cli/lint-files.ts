// Lints the command line's inputs: reads them, answers from the --cache what it can, lints the
// rest in this thread and, for big runs on a multi-core machine, in worker threads, and shows
// progress on a terminal. Whatever the route, the results are the same and in input order.

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { sameFile, writeFileAtomic } from './atomic-write.js';
import { DEFAULT_MAX_FILE_MB, readInputFile } from './files.js';
import { cacheKey, contentHash, lintTracked, resolveCacheFile, ResultCache, type TimeDependence } from '../engine/cache.js';
import { fatalResult, lintBytes, type EngineOptions } from '../engine/index.js';
import type { FileResult } from '../engine/results.js';
import { addPhase, phaseTimes, timing } from '../engine/timing.js';
import { analysisStats, observeAsking, observeTagging } from '../nlp/analysis.js';
import { Progress } from './progress.js';
import { endPrestartedWorker, noteRunnableThreads, planWorkers, runInWorkers, workerTagged, type WorkItem } from './workers.js';

type Item = WorkItem & { absolute: string; hash?: string };

export interface LintFilesOptions {
  cwd: string;
  engine: EngineOptions;
  /** Standard input, linted first, under this name. */
  stdin?: { name: string; read: () => Buffer | Promise<Buffer> };
  cache?: { location: string; version: string; configHash?: string };
  /** Worker threads: a number (0 = none) or 'auto' (by input size and cores). */
  workers?: number | 'auto';
  /** Where progress goes (only when it is a terminal). */
  stderr?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Files bigger than this are skipped with one line (--max-file-size). */
  maxFileBytes?: number;
  /** Called with each linted file's result as soon as it is final (in any order), so it can be formatted during the run. */
  onResult?: (result: FileResult) => void;
}

/** Timing (CRISISLINT_TIMING=file, or =1 for stderr) is switched on here, before any file is read. */
export function startTiming(): void {
  const file = process.env.CRISISLINT_TIMING;
  if (!file || timing.on) return;
  timing.on = true;
  phaseTimes.startup = performance.now();
  process.once('exit', () => {
    const end = performance.now();
    phaseTimes.total = end;
    phaseTimes.output = end - lintEnd;
    const own = analysisStats();
    const tagged = { sentences: own.sentences + workerTagged.sentences, words: own.words + workerTagged.words };
    const json = JSON.stringify({ ...phaseTimes, threads, tagged, maxRSS: process.resourceUsage().maxRSS });
    // CRISISLINT_TIMING=1 prints to stderr; any other value names the file to write.
    if (file === '1' || file === 'true' || file === 'stderr') process.stderr.write(`crisislint timing: ${json}\n`);
    else writeFileSync(file, json);
  });
}
let lintEnd = 0;
let threads = 1;

/**
 * CRISISLINT_TAG_CALLERS=FILE: for every sentence tagged in this thread, the call stack that
 * asked for it first, counted and written to FILE as JSON at exit (bench/tag-callers.mjs reads it).
 */
let tagCallersOn = false;
function startTagCallers(): void {
  const file = process.env.CRISISLINT_TAG_CALLERS;
  if (!file || tagCallersOn) return;
  tagCallersOn = true;
  const counts = new Map<string, number>();
  observeTagging(() => {
    const stack = (new Error().stack ?? '').split('\n').slice(3, 33).join('\n');
    counts.set(stack, (counts.get(stack) ?? 0) + 1);
  });
  process.once('exit', () => writeFileSync(file, JSON.stringify(Object.fromEntries(counts))));
}

/**
 * CRISISLINT_TAG_ASKERS=FILE: for every sentence tagged in this thread, each distinct call stack
 * that asked for its analysis (the first and every later one), written to FILE as JSON at exit
 * ({ text: [stack, …] }); bench/tag-callers.mjs --askers reads it.
 */
let tagAskersOn = false;
function startTagAskers(): void {
  const file = process.env.CRISISLINT_TAG_ASKERS;
  if (!file || tagAskersOn) return;
  tagAskersOn = true;
  const askers = new Map<string, Set<string>>();
  observeAsking((text) => {
    const stack = (new Error().stack ?? '').split('\n').slice(3, 43).join('\n');
    let stacks = askers.get(text);
    if (!stacks) askers.set(text, (stacks = new Set()));
    stacks.add(stack);
  });
  process.once('exit', () => writeFileSync(file, JSON.stringify(Object.fromEntries([...askers].map(([text, stacks]) => [text, [...stacks]])))));
}

export async function lintFiles(files: string[], options: LintFilesOptions): Promise<FileResult[]> {
  startTiming();
  startTagCallers();
  startTagAskers();
  const { engine } = options;
  const results: FileResult[] = [];
  if (options.stdin) {
    const bytes = await options.stdin.read();
    results.push(lintBytes(options.stdin.name, bytes, engine));
  }

  // Read everything first: the cache needs each file's hash, and workers get bytes, not paths.
  if (files.length > 1 && (options.workers ?? 'auto') === 'auto') noteRunnableThreads(true);
  let started = timing.on ? performance.now() : 0;
  const items: Item[] = [];
  const done: (FileResult | undefined)[] = new Array(files.length);
  files.forEach((file, index) => {
    const absolute = resolve(options.cwd, file);
    const read = readInputFile(absolute, options.maxFileBytes ?? DEFAULT_MAX_FILE_MB * 1048576);
    if ('bytes' in read) items.push({ index, path: file, absolute, bytes: read.bytes });
    else done[index] = fatalResult(file, read.problem);
  });

  let cache: ResultCache | undefined;
  let todo = items;
  if (options.cache) {
    const settings: Record<string, unknown> = { ...engine };
    delete settings.rules;
    delete settings.now;
    cache = new ResultCache(
      // resolve() drops a trailing slash, which says the location is a folder (as in ESLint).
      resolveCacheFile(resolve(options.cwd, options.cache.location) + (/[\\/]$/.test(options.cache.location) ? sep : '')),
      cacheKey({ version: options.cache.version, build: buildIdentity(), rules: engine.rules, settings: { ...settings, config: options.cache.configHash } }),
    );
    todo = [];
    for (const item of items) {
      item.hash = contentHash(item.bytes);
      const hit = cache.get(item.absolute, item.hash, engine.now, item.path);
      if (hit) done[item.index] = hit;
      else todo.push(item);
    }
  }
  if (timing.on) started = addPhase('read', started);

  const progress = new Progress(options.stderr, files.length, files.length - todo.length);
  const record = (item: Item, result: FileResult, time: TimeDependence) => {
    done[item.index] = result;
    options.onResult?.(result);
    if (cache && item.hash && !result.fatal) cache.set(item.absolute, item.hash, result, engine.now, time);
    progress.tick();
  };

  const workers = planWorkers(options.workers ?? 'auto', todo, engine);
  const lintHere = (item: Item) => {
    const { result, time } = lintTracked(item.path, item.bytes, engine, !!cache);
    record(item, result, time);
  };
  if (workers > 0) {
    threads = 1 + workers;
    await runInWorkers(todo, engine, workers, !!cache, record, lintHere);
  } else {
    endPrestartedWorker();
    for (const item of todo) lintHere(item);
  }
  progress.end();

  // Never write to a linted file, even when --cache-location names one.
  if (cache && items.some((item) => sameFile(item.absolute, cache.file))) {
    options.stderr?.write(`crisislint: not writing the cache to ${cache.file}: it is one of the files being linted\n`);
  } else if (cache) {
    try {
      cache.save(writeFileAtomic);
    } catch (error) {
      options.stderr?.write(`crisislint: cannot write the cache ${cache.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    }
  }
  if (timing.on) lintEnd = performance.now();
  for (const result of done) results.push(result!);
  return results;
}

/**
 * A hash of the running bundle, so a rebuilt crisislint never reuses old results. Once per
 * process: the code running is the code loaded (the warm server hashed 1.6 MB per request).
 */
let identity: { hash: string | undefined } | undefined;
function buildIdentity(): string | undefined {
  identity ??= { hash: hashOfBundle() };
  return identity.hash;
}

function hashOfBundle(): string | undefined {
  const bundle = typeof __filename === 'string' ? __filename : undefined;
  if (!bundle) return undefined;
  try {
    return contentHash(readFileSync(bundle));
  } catch {
    return undefined;
  }
}

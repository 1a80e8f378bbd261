// A worker thread's entry (built to dist/worker.cjs): rebuilds the engine from the settings and
// rule ids it is given, lints chunks from the shared queue until it is empty, and reports its
// phase times. Its work comes as workerData, or in its first message when it was started early.

import { parentPort, workerData } from 'node:worker_threads';
import { builtinRules } from '../../rules/index.js';
import { lintTracked } from '../engine/cache.js';
import type { EngineOptions } from '../engine/index.js';
import type { ActiveRule } from '../engine/ruleset.js';
import { phaseTimes, timing } from '../engine/timing.js';
import { analysisStats, loadNlp } from '../nlp/analysis.js';
import { WorkQueue, type FromWorker, type WorkerData } from './workers.js';

const port = parentPort!;

function lintQueue({ setup, queue: shared, threads, paths }: WorkerData): void {
  const byId = new Map(builtinRules.map((rule) => [rule.meta.id, rule]));
  const rules: ActiveRule[] = setup.rules.map((r) => ({ rule: byId.get(r.id)!, severity: r.severity as ActiveRule['severity'], options: r.options }));
  const engine: EngineOptions = { ...setup.settings, rules };
  timing.on = setup.timing;
  const queue = new WorkQueue(shared, threads);
  for (let chunk = queue.take('back'); chunk; chunk = queue.take('back')) {
    const results: Extract<FromWorker, { results: unknown }>['results'] = [];
    for (let position = chunk[0]; position < chunk[1]; position++) {
      results.push({ position, ...lintTracked(paths[position], queue.bytesOf(position), engine, setup.forCache) });
    }
    port.postMessage({ results } satisfies FromWorker);
  }
  const { sentences, words } = analysisStats();
  port.postMessage({ finished: true, times: phaseTimes, tagged: { sentences, words } } satisfies FromWorker);
  port.close();
}

if (workerData) lintQueue(workerData as WorkerData);
else {
  // Started before the CLI knew its files (bin/load-bundle.cjs, prestartWorker): compromise loads
  // while the work is being found, and the work comes in one message.
  port.once('message', (data: WorkerData) => lintQueue(data));
  loadNlp();
}

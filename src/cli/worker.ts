// A worker thread's entry (built to dist/worker.cjs): rebuilds the engine from the settings and
// rule ids it is given, lints the chunks it is sent, and reports its phase times when stopped.

import { parentPort, workerData } from 'node:worker_threads';
import { builtinRules } from '../../rules/index.js';
import { lintTracked } from '../engine/cache.js';
import type { EngineOptions } from '../engine/index.js';
import type { ActiveRule } from '../engine/ruleset.js';
import { phaseTimes, timing } from '../engine/timing.js';
import { analysisStats } from '../nlp/analysis.js';
import type { FromWorker, ToWorker, WorkerSetup } from './workers.js';

const setup = workerData as WorkerSetup;
const byId = new Map(builtinRules.map((rule) => [rule.meta.id, rule]));
const rules: ActiveRule[] = setup.rules.map((r) => ({ rule: byId.get(r.id)!, severity: r.severity as ActiveRule['severity'], options: r.options }));
const engine: EngineOptions = { ...setup.settings, rules };
timing.on = setup.timing;

const port = parentPort!;
port.on('message', (message: ToWorker) => {
  if ('stop' in message) {
    const { sentences, words } = analysisStats();
    port.postMessage({ times: phaseTimes, tagged: { sentences, words } } satisfies FromWorker);
    port.close();
    return;
  }
  const results = message.chunk.map(({ id, path, bytes }) => ({ id, ...lintTracked(path, bytes, engine, setup.forCache) }));
  port.postMessage({ results } satisfies FromWorker);
});

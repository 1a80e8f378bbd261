// scratch: time tagging every distinct sentence of a corpus folder once, as a cold lint would
// (the precomputed compromise through bin/load-bundle.cjs, analysis.ts's hooks and bulkMatch).
// node bench/lib/run-harness.mjs tagging ../shared/corpus/github-md
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseSource } from '../../src/engine/index.js';
import { analyse, analysisStats } from '../../src/nlp/analysis.js';

const root = join(process.cwd());
createRequire(import.meta.url)(join(root, 'bin', 'load-bundle.cjs'));
const dir = process.argv[2];
const sentences = new Set<string>();
for (const f of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
  for (const incident of parseSource(f, readFileSync(join(dir, f))).incidents) for (const s of incident.statements) for (const x of s.sentences) sentences.add(x.text);
}
const list = [...sentences].slice(0, Number(process.argv[3] ?? Infinity));
const loadStarted = performance.now();
analyse('The service was restored.');
const loaded = performance.now() - loadStarted;
const started = performance.now();
let tags = 0;
for (const text of list) for (const term of analyse(text).terms) tags += term.tags.size;
const ms = performance.now() - started;
console.log(JSON.stringify({ sentences: list.length, load: Math.round(loaded), tagMs: Math.round(ms), tags, stats: analysisStats(), sweep: (globalThis as Record<string, unknown>).crisislintSweepStats }));

// scratch: could compromise tag many sentences per call instead of one (analysis.ts tags one per
// nlp(text) call)? Tags the given sentences singly, as analysis.ts does, and in batches of N: each
// text tokenised on its own (methods.one.tokenize.fromString, so our sentence boundaries stay
// ours), the documents concatenated and tagged by one call. Compares every term's text, pre, post,
// normal, machine, implicit, switch, alias and tags, and times each batch size (3 rounds; with
// CRISISLINT_COLD=1 one cold round and no comparison, one size per process).
//   node bench/tag-callers.mjs --askers --save /tmp/askers.json   (the sentences a corpus run tags)
//   node -e "import('./bench/lib/harness.mjs').then(m=>m.bundleHarness('batching'))"
//   node node_modules/.cache/crisislint-bench/batching.cjs /tmp/askers.json 1,2,5,20,1
import { taggingSetup } from './tagging-setup.js';

const { nlp, world, list } = taggingSetup(process.argv[2]);
const sizes = (process.argv[3] ?? '1,2,3,5,20').split(',').map(Number);
const rounds = Number(process.argv[4] ?? 3);

const fields = (terms: any[]) => terms.map((t) => `${t.text}\u0001${t.pre}\u0001${t.post}\u0001${t.normal}\u0001${t.machine}\u0001${t.implicit}\u0001${t.switch}\u0001${t.alias}\u0001${[...t.tags].sort().join(',')}`).join('\u0002');

function single(text: string): string[] {
  return nlp(text).docs.map(fields);
}
function batch(texts: string[]): string[][] {
  const { fromString } = world.methods.one.tokenize;
  const counts: number[] = [];
  const input: { terms: unknown[] }[] = [];
  for (const text of texts) {
    const sentences = fromString(text, world);
    counts.push(sentences.length);
    for (const terms of sentences) input.push({ terms });
  }
  const docs = input.length === 0 ? [] : nlp(input).docs;
  const out: string[][] = [];
  let at = 0;
  for (const c of counts) {
    out.push(docs.slice(at, at + c).map(fields));
    at += c;
  }
  return out;
}
// cold (CRISISLINT_COLD=1): each size in a fresh process, nothing tagged before, no comparison
const cold = process.env.CRISISLINT_COLD === '1';
if (!cold) {
  for (const t of list.slice(0, 200)) single(t);
  for (let i = 0; i < 200; i += 5) batch(list.slice(i, i + 5));
}
const reference = cold ? [] : list.map(single);
for (const size of sizes) {
  let differing = 0;
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    const results: string[][] = [];
    if (size === 1) for (const t of list) results.push(single(t));
    else for (let i = 0; i < list.length; i += size) results.push(...batch(list.slice(i, i + size)));
    times.push(performance.now() - started);
    if (r === 0 && !cold) for (let i = 0; i < list.length; i++) if (results[i].join('\u0003') !== reference[i].join('\u0003')) differing++;
  }
  console.log(`batch ${size}: ${times.map((t) => Math.round(t)).join(' ')} ms; differing ${differing}`);
}

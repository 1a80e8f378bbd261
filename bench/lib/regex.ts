// scratch: cost of phrase regexes over corpus sentences, with and without the leading lookbehind
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSource } from '../../src/engine/index.js';
import prevention from '../../src/nlp/phrases/prevention.json' with { type: 'json' };
const dir = process.argv[2];
const sents: string[] = [];
for (const f of readdirSync(dir).filter((f) => f.endsWith('.md'))) for (const i of parseSource(f, readFileSync(join(dir, f))).incidents) for (const s of i.statements) for (const x of s.sentences) sents.push(x.text);
const list = prevention.markers as string[];
const body = list.map((p) => `(?:${p})`).join('|');
const variants: Record<string, RegExp> = {
  current: new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'iu'),
  noLookbehind: new RegExp(`(?:${body})(?![\\p{L}\\p{N}])`, 'iu'),
  lookbehindInside: new RegExp(`(?:${list.map((p) => `(?:${p})`).map((a) => `(?<![\\p{L}\\p{N}])${a}`).join('|')})(?![\\p{L}\\p{N}])`, 'iu'),
  noU: new RegExp(`(?<![A-Za-z0-9\\u00C0-\\uFFFF])(?:${body})(?![A-Za-z0-9\\u00C0-\\uFFFF])`, 'i'),
};
for (const [name, re] of Object.entries(variants)) {
  let hits = 0;
  const t = performance.now();
  for (const s of sents) if (re.test(s)) hits++;
  console.log(name.padEnd(18), 'ms', Math.round(performance.now() - t), 'hits', hits, 'sentences', sents.length);
}

// scratch: how many sentences passive-voice tags without finding a passive, and how many of those
// a states-aware text prefilter would skip
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSource } from '../../src/engine/index.js';
import { findPassives, mayHavePassive, PASSIVE_PHRASES } from '../../src/nlp/matchers.js';
import { analyse } from '../../src/nlp/analysis.js';
const dir = process.argv[2];
const sents = new Set<string>();
for (const f of readdirSync(dir).filter((f) => f.endsWith('.md'))) for (const i of parseSource(f, readFileSync(join(dir, f))).incidents) for (const s of i.statements) for (const x of s.sentences) sents.add(x.text);
const cands = [...sents].filter(mayHavePassive);
const states = new RegExp(`^(?:${PASSIVE_PHRASES.states.join('|')})$`, 'i');
const BE = /\b(?:is|are|was|were|be|been|being|am|get|gets|got|getting|gotten)\b((?:\s+\w+){0,2}?)\s+(\w+(?:ed|en|wn|un|ne|lt|pt|nt|ft|ught|ade|ung|id|et|ut))\b/gi;
let none = 0, noneWords = 0, skippable = 0, skippableWords = 0, wrongSkip = 0;
const words = (s: string) => s.split(/\s+/).length;
for (const s of cands) {
  const found = findPassives(analyse(s)).length > 0;
  const participles = [...s.matchAll(BE)].map((m) => m[2]);
  const onlyStates = participles.length > 0 && participles.every((p) => states.test(p));
  if (!found) { none++; noneWords += words(s); }
  if (onlyStates) { if (found) wrongSkip++; else { skippable++; skippableWords += words(s); } }
}
console.log(JSON.stringify({ candidates: cands.length, withoutPassive: none, withoutPassiveWords: noneWords, statesOnlySkippable: skippable, skippableWords, statesOnlyButPassiveFound: wrongSkip }));

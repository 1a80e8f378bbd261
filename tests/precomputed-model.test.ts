// dist/compromise-precomputed.cjs (scripts/precompute-model.mjs) is compromise with its model
// built at build time. It must tag exactly as plain compromise does: every field of every term
// (text, pre, post, normal, machine, implicit, switch, alias, tags, index, chunk) on every
// sentence of the corpus, the labelled statements, the fixtures and the rules' examples, and
// every verb's conjugation. The reports it gives are compared in performance-equivalence.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a build script in plain JavaScript, without types
import { modelDifference, termFields, toLiteral } from '../scripts/precompute-model.mjs';
import { analyseFragment, builtAnalyses } from '../src/nlp/prefilter.js';
import { knownSentences } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '..');
const PRECOMPUTED = join(ROOT, 'dist', 'compromise-precomputed.cjs');
const require = createRequire(import.meta.url);

type Nlp = ((text: string) => { docs: unknown[][]; verbs(): { conjugate(): unknown[] } }) & { world(): { model: unknown }; precomputed?: string; version: string };

describe.skipIf(!existsSync(PRECOMPUTED))('the precomputed compromise', () => {
  const plain = require('compromise') as Nlp;
  const precomputed = require(PRECOMPUTED) as Nlp;

  it('is the installed compromise', () => {
    expect(precomputed.precomputed).toBe(plain.version);
    expect(precomputed.version).toBe(plain.version);
  });

  it('tags every known sentence exactly as plain compromise does, in every term field', () => {
    const sentences = [...knownSentences({ titles: true, examples: true })];
    expect(sentences.length).toBeGreaterThan(100);
    const differing = sentences.filter((s) => JSON.stringify(termFields(plain(s))) !== JSON.stringify(termFields(precomputed(s))));
    expect(differing).toEqual([]);
    // A later plugin still extends the precomputed model as it does compromise's own.
    const words = { crisislintzorp: 'Verb' };
    for (const nlp of [plain, precomputed]) (nlp as unknown as { plugin(p: object): void }).plugin({ words });
    expect(JSON.stringify(termFields(precomputed('We crisislintzorp the cache.')))).toBe(JSON.stringify(termFields(plain('We crisislintzorp the cache.'))));
  }, 600_000);

  it('tags random text exactly as plain compromise does (the tokenizer patches meet every kind of character)', () => {
    // Words of plain letters and digits take the patched tokenizer's short path; punctuation,
    // spaces of other kinds, accents, emoticons and characters compromise transliterates do not.
    const piece = fc.oneof(
      fc.constantFrom('service', 'API', 'v2', '500', 'it', "don't", 'U.S.', 'e.g.', '3pm', '10-12', 'Björk', 'naïve', 'café', '<3', ':)', '#tag', '@user', 'x_y', '50%', '$5', '+1', '(a)', '...', '\u2026', '\u2013', '\u200b', '\u00a0', '—', '“', '”', '’', 'up-to-date', 'and/or'),
      fc.string({ unit: fc.constantFrom(...'aZ09 .,;:!?\'"()-_%#@$+/\u00e9\u00c0\u2019\u201c\u2026\u2013\u200b\u00a0\t'.split('')), maxLength: 8 }),
    );
    const text = fc.array(fc.tuple(piece, fc.constantFrom(' ', '  ', '', ', ', '. ', '\n', ' - ')), { minLength: 1, maxLength: 12 }).map((parts) => parts.map(([w, gap]) => w + gap).join(''));
    fc.assert(
      fc.property(text, (s) => {
        expect(JSON.stringify(termFields(precomputed(s)))).toBe(JSON.stringify(termFields(plain(s))));
      }),
      { seed: 20261203, numRuns: 3000, endOnFailure: true },
    );
  }, 300_000);

  it('conjugates every verb of those sentences as plain compromise does', () => {
    const verbs = new Set<string>();
    for (const s of knownSentences()) {
      for (const terms of plain(s).docs as { normal: string; tags: Set<string> }[][]) for (const t of terms) if (t.tags.has('Verb') && /^[a-z-]+$/.test(t.normal)) verbs.add(t.normal);
    }
    expect(verbs.size).toBeGreaterThan(50);
    const forms = (nlp: Nlp, verb: string) => JSON.stringify((nlp(verb) as unknown as { compute(s: string): { verbs(): { conjugate(): unknown[] } } }).compute('chunks').verbs().conjugate());
    const differing = [...verbs].filter((v) => forms(plain, v) !== forms(precomputed, v));
    expect(differing).toEqual([]);
  }, 600_000);

  it("answers compromise's sentence, verb and noun APIs as plain compromise does", () => {
    // Term ids hold a per-instance counter: left out of the comparison.
    const json = (value: unknown) => JSON.stringify(value, (key, v) => (key === 'id' ? undefined : v));
    type Doc = { json(): unknown; verbs(): Doc & { toPastTense(): Doc; conjugate(): unknown }; nouns(): Doc & { toPlural(): Doc }; sentences(): Doc; text(): string };
    const views = (nlp: Nlp, text: string) => {
      const doc = nlp(text) as unknown as Doc;
      return json([doc.sentences().json(), doc.verbs().json(), doc.nouns().json(), doc.verbs().conjugate(), (nlp(text) as unknown as Doc).verbs().toPastTense().text(), (nlp(text) as unknown as Doc).nouns().toPlural().text()]);
    };
    // About 40 to 60 sentences spread over the set, which is much smaller without ../shared.
    const known = [...knownSentences({ examples: true })];
    const step = Math.max(1, Math.min(50, Math.floor(known.length / 40)));
    const sample = known.filter((_, i) => i % step === 0);
    expect(sample.length).toBeGreaterThan(30);
    expect(sample.filter((s) => views(plain, s) !== views(precomputed, s))).toEqual([]);
  }, 600_000);

  it('holds the same model as plain compromise after the same work', () => {
    for (const nlp of [plain, precomputed]) nlp('The outage was caused by a faulty deploy, which we rolled back.').verbs().conjugate();
    // Patterns are parsed in place on first use, so compare after both have tagged.
    expect(modelDifference(plain.world().model, precomputed.world().model)).toBeUndefined();
  });
});

describe('the model literal', () => {
  it('keeps kinds, key order and shared objects, and refuses what it cannot write', () => {
    const shared = { tag: 'Noun' };
    const value = { b: 1, a: [shared, shared], s: new Set(['x']), m: new Map([[1, 'y']]), r: /a+b/giu, u: undefined, n: -0, ['__proto__']: 2 } as Record<string, unknown>;
    Object.defineProperty(value, '__proto__', { value: 2, enumerable: true });
    const copy = new Function(toLiteral(value))();
    expect(modelDifference(value, copy)).toBeUndefined();
    expect(Object.keys(copy)).toEqual(Object.keys(value));
    expect(copy.a[0]).toBe(copy.a[1]);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(modelDifference({ a: [1, 2] }, { a: [1, 3] })).toBe('model.a.1: 2 against 3');
    expect(modelDifference({ a: 1, b: 2 }, { b: 2, a: 1 })).toMatch(/keys differ/);
    expect(() => toLiteral({ f: () => 1 })).toThrow(/function/);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => toLiteral(cycle)).toThrow(/cycle/);
  });
});

const FRAGMENTS = join(ROOT, 'dist', 'fragment-analyses.json');

describe.skipIf(!existsSync(FRAGMENTS))('the precomputed phrase-fragment analyses', () => {
  it('hold what the analysis gives for every fragment they list, and cover the built-in lists', () => {
    // From the sources there is no table beside the module: analyseFragment analyses every fragment.
    expect(builtAnalyses().size).toBe(0);
    const table = JSON.parse(readFileSync(FRAGMENTS, 'utf8')) as [string, unknown][];
    expect(table.length).toBeGreaterThan(300);
    const differing = table.filter(([key, stored]) => JSON.stringify(analyseFragment(key.slice(1), key[0] === 'u') ?? null) !== JSON.stringify(stored));
    expect(differing).toEqual([]);
    // Some fragments cannot run alone (a capturing group): recorded as such, not dropped.
    expect(analyseFragment('(a)b')).toBeUndefined();
  });
});

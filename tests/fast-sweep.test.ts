// src/nlp/fast-sweep.ts replaces a step of compromise's post-tagger with a faster one that must
// give exactly the same tags: checked on every distinct sentence of the corpus, the labelled
// statements and the fixtures, tagged with compromise's own step and with ours.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fastBulkMatch } from '../src/nlp/fast-sweep.js';
import { HAS_CORPUS, knownSentences } from './helpers.js';

describe('fast bulkMatch', () => {
  it('relies on compromise having no two patterns with the same match string', () => {
    const matches = createRequire(import.meta.url)('compromise').world().model.two.matches as { match: string }[];
    expect(matches.length).toBeGreaterThan(100);
    expect(new Set(matches.map((m) => m.match)).size).toBe(matches.length);
  });

  it('gives the same tags as compromise on every sentence', () => {
    const texts = knownSentences({ titles: true });
    // Without the shared corpus (a clean clone), the fixtures' sentences only.
    expect(texts.size).toBeGreaterThan(HAS_CORPUS ? 6000 : 50);
    const nlp = createRequire(import.meta.url)('compromise');
    const methods = nlp.world().methods.one;
    const original = methods.bulkMatch;
    const signature = (text: string) =>
      nlp(text)
        .docs.map((terms: { text: string; normal: string; tags: Set<string> }[]) => terms.map((t) => `${t.text}/${t.normal}/${[...t.tags].sort().join(',')}`).join(' '))
        .join(' | ');
    const list = [...texts];
    try {
      methods.bulkMatch = original;
      const before = list.map(signature);
      methods.bulkMatch = fastBulkMatch;
      const after = list.map(signature);
      const differing = list.filter((_, i) => before[i] !== after[i]);
      expect(differing).toEqual([]);
    } finally {
      methods.bulkMatch = original;
    }
  }, 300_000);
});

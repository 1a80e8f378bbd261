// The sentence memo keeps every analysis for the whole run, so words with the same tags share one
// Set (src/nlp/analysis.ts): most of the memo's memory was a Set per word. Sharing must not change
// what any word's tags say, nor their order.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { analyse, type Term } from '../src/nlp/analysis.js';

const word = (terms: readonly Term[], text: string): Term => terms.find((t) => t.normal === text)!;

describe('analysis memo', () => {
  it('gives words tagged alike one shared tag Set', () => {
    const first = analyse('The servers are down again.').terms;
    const second = analyse('Our databases are down again.').terms;
    expect(word(first, 'are').tags).toBe(word(second, 'are').tags);
    expect(word(first, 'down').tags).toBe(word(second, 'down').tags);
    // Different tags, different Sets.
    expect(word(first, 'are').tags).not.toBe(word(first, 'down').tags);
  });

  it('keeps each word its own tags, in their order, as compromise tags it', () => {
    const nlp = createRequire(import.meta.url)('compromise') as (text: string) => { docs: { text: string; tags: Set<string> }[][] };
    const sentences = ['Payments were delayed for an hour.', 'Refunds were delayed for a day.', 'We are sorry that checkout failed.', 'Checkout is failing for some users.'];
    for (const text of sentences) {
      const own = nlp(text).docs.flat().map((t) => [t.text, [...t.tags]]);
      expect(analyse(text).terms.map((t) => [t.text, [...t.tags]])).toEqual(own);
    }
  });
});

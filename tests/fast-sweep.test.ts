// src/nlp/fast-sweep.ts replaces a step of compromise's post-tagger with a faster one that must
// give exactly the same tags: checked on every distinct sentence of the corpus, the labelled
// statements and the fixtures, tagged with compromise's own step and with ours.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../src/engine/index.js';
import { fastBulkMatch } from '../src/nlp/fast-sweep.js';

const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = resolve(ROOT, '../shared/corpus');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(md|txt)$/.test(name) ? [path] : [];
  });
}

describe('fast bulkMatch', () => {
  it('relies on compromise having no two patterns with the same match string', () => {
    const matches = createRequire(import.meta.url)('compromise').world().model.two.matches as { match: string }[];
    expect(matches.length).toBeGreaterThan(100);
    expect(new Set(matches.map((m) => m.match)).size).toBe(matches.length);
  });

  it('gives the same tags as compromise on every sentence', () => {
    const texts = new Set<string>();
    for (const path of [...files(join(CORPUS, 'github-md')), ...files(join(CORPUS, 'labeled')), ...files(join(ROOT, 'fixtures'))]) {
      try {
        for (const incident of parseSource(path, readFileSync(path)).incidents) {
          if (incident.meta.title) texts.add(incident.meta.title);
          for (const statement of incident.statements) for (const s of statement.sentences) texts.add(s.text);
        }
      } catch {
        // Fixtures of bad input hold no sentences.
      }
    }
    expect(texts.size).toBeGreaterThan(6000);
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

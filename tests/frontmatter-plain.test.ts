// The front-matter shortcut (plainFrontMatter in src/inputs/frontmatter.ts) must give exactly the
// data the yaml package gives whenever it gives any, and must leave everything else to yaml.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS as SHARED_CORPUS, itWithCorpus } from './helpers.js';
import { parse as parseYaml } from 'yaml';
import { plainFrontMatter } from '../src/inputs/frontmatter.js';
import { micromarkTree } from '../src/inputs/markdown-fast.js';

const ROOT = resolve(import.meta.dirname, '..');
// Its corpus test needs the shared corpus (skipped, saying so, without it: tests/helpers.ts).
const CORPUS = join(SHARED_CORPUS, 'github-md');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The front matter of a Markdown file as micromark reads it, if it has one. */
function frontMatterOf(path: string): string | undefined {
  const first = micromarkTree(readFileSync(path, 'utf8')).children[0];
  return first?.type === 'yaml' ? first.value : undefined;
}

/** Checks the shortcut against yaml on one block; true when the shortcut took it. */
function agrees(yamlText: string, label: string): boolean {
  const plain = plainFrontMatter(yamlText);
  if (plain) expect(plain, label).toStrictEqual(parseYaml(yamlText, { prettyErrors: false }));
  return plain !== undefined;
}

describe('the front-matter shortcut reads what yaml reads', () => {
  itWithCorpus('for every corpus file it takes, and it takes most of them', () => {
    const names = readdirSync(CORPUS).filter((f) => f.endsWith('.md'));
    expect(names).toHaveLength(819);
    let taken = 0;
    for (const name of names) {
      const block = frontMatterOf(join(CORPUS, name));
      if (block !== undefined && agrees(block, name)) taken++;
    }
    // 817 today: two titles hold \u escapes, which only yaml reads.
    expect(taken).toBeGreaterThanOrEqual(800);
  });

  it('for every fixture it takes', () => {
    for (const path of filesUnder(join(ROOT, 'fixtures')).filter((p) => /\.(md|txt)$/.test(p))) {
      const block = frontMatterOf(path);
      if (block !== undefined) agrees(block, path);
    }
  });

  it('for the shapes it accepts', () => {
    const taken = [
      'title: "Incident with GitHub Actions"\nstarted: 2022-05-17T21:31:00Z\nresolved: 2022-05-17T22:15:00Z\nimpact: minor',
      'title: ""',
      'title: "Quotes \'inside\', a # hash, a: colon, [brackets], {braces}, *stars*, &amp; and ~"',
      'title: "  spaces kept  "',
      'title: "Unicode: café – 東京 😀\u00a0\u2028\ufeff"',
      'status: resolved\nimpact: none',
      'word: yes\nother: no\nthird: on\nfourth: off\nfifth: y\nsixth: n',
      'started_at: 2024-02-29T23:59:59Z',
    ];
    for (const text of taken) expect(agrees(text, JSON.stringify(text)), JSON.stringify(text)).toBe(true);
  });

  it('leaves anything else to yaml', () => {
    const declined: Record<string, string> = {
      'boolean true': 'resolved: true',
      'boolean false': 'resolved: false',
      null: 'resolved: null',
      'capitalized boolean': 'resolved: True',
      number: 'count: 3',
      float: 'ratio: 1.5',
      'escape in quotes': 'title: "a \\u2013 b"',
      'escaped quote': 'title: "a \\"b\\" c"',
      'single quotes': "title: 'a'",
      'plain sentence': 'title: Incident with Actions',
      'date only': 'date: 2024-03-01',
      'time with offset': 'started: 2024-03-01T14:05:00+01:00',
      'time with fraction': 'started: 2024-03-01T14:05:00.5Z',
      'duplicate key': 'title: "a"\ntitle: "b"',
      empty: '',
      'blank line': 'title: "a"\n\nimpact: minor',
      comment: 'title: "a" # comment',
      'comment line': '# comment\ntitle: "a"',
      'trailing space': 'impact: minor ',
      'two spaces': 'impact:  minor',
      'no space': 'impact:minor',
      'empty value': 'impact:',
      'upper-case key': 'Title: "a"',
      'key with dash': 'resolved-when: 2024-03-01T14:05:00Z',
      list: 'affected:\n  - API',
      'flow list': 'affected: [API, Web]',
      'tab in quotes': 'title: "a\tb"',
      CR: 'title: "a"\r\nimpact: minor',
      'proto key': '__proto__: "x"',
      directive: '%YAML 1.1\n---\nimpact: minor',
      'document end': 'impact: minor\n...',
    };
    for (const [name, text] of Object.entries(declined)) expect(plainFrontMatter(text), name).toBeUndefined();
  });
});

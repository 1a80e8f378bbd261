// The Markdown shortcut (src/inputs/markdown-fast.ts) must build exactly micromark's tree whenever
// it builds one, and must leave everything else to micromark. Whole trees are compared: every
// node's type, depth, value, children and position (line, column, offset of start and end).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS as SHARED_CORPUS, itWithCorpus } from './helpers.js';
import { micromarkTree, parseMarkdownTree, plainTree } from '../src/inputs/markdown-fast.js';

const ROOT = resolve(import.meta.dirname, '..');
// Its corpus test needs the shared corpus (skipped, saying so, without it: tests/helpers.ts).
const CORPUS = join(SHARED_CORPUS, 'github-md');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Checks the shortcut against micromark on one text; true when the shortcut took it. */
function agrees(text: string, label: string): boolean {
  const fast = plainTree(text);
  if (fast) expect(fast, label).toStrictEqual(micromarkTree(text));
  return fast !== undefined;
}

describe('the Markdown shortcut builds micromark\'s tree', () => {
  itWithCorpus('for every corpus file it takes, and it takes most of them', () => {
    expect(existsSync(CORPUS), `the shared corpus at ${CORPUS}`).toBe(true);
    const names = readdirSync(CORPUS).filter((f) => f.endsWith('.md'));
    expect(names).toHaveLength(819);
    let taken = 0;
    for (const name of names) if (agrees(readFileSync(join(CORPUS, name), 'utf8'), name)) taken++;
    // The shortcut is only worth having if it applies: 776 of the 819 files are its shape today.
    expect(taken).toBeGreaterThanOrEqual(750);
  });

  it('for every fixture it takes', () => {
    let taken = 0;
    for (const path of filesUnder(join(ROOT, 'fixtures'))) if (agrees(readFileSync(path, 'utf8'), path)) taken++;
    expect(taken).toBeGreaterThan(0);
  });

  it('for the shapes it accepts', () => {
    const taken = [
      '# Title\n\nOne line.\n',
      '---\ntitle: "A *starred* [title]"\n---\n\n# T\n\nText.\n',
      '---\n---\nText right after empty front matter.\n',
      '---\n\n\n---\n\n\nText after blank front matter.\n\n\n',
      'No front matter.\nA second line.\n\nAnother paragraph.\n',
      '###### Six\n## Two  spaces\n#   Three spaces\n',
      '## Issue #123 in C# code\nA paragraph interrupted\n# by a heading\nand text right after it.\n',
      'ETA ~1h, ~~not struck~~ without GFM.\n',
      '5:26 PM PST\nWe are investigating.\n12:00 UTC - resolved.\n',
      'Unicode: café, 東京, emoji 😀 and 👩‍💻, a\u00a0non-breaking space.\n',
      '\u00a0Leading non-breaking space.\n',
      'Text with (parentheses), "quotes", \'apostrophes\', colons: and -- dashes - here.\n',
      '\n\n# After blank lines\n',
    ];
    for (const text of taken) expect(agrees(text, JSON.stringify(text)), JSON.stringify(text)).toBe(true);
  });

  it('leaves anything else to micromark', () => {
    const declined: Record<string, string> = {
      emphasis: 'Some *emphasis* here.\n',
      'underscore emphasis': 'Some _emphasis_ here.\n',
      strong: 'Some **strong** text.\n',
      link: 'See [the status page](https://example.com).\n',
      image: '![alt](x.png)\n',
      autolink: 'See <https://example.com>.\n',
      'bullet list': '- one\n- two\n',
      'plus list': '+ one\n',
      'ordered list': '1. one\n2. two\n',
      'ordered list with )': '1) one\n',
      'code span': 'Run `restart` now.\n',
      'fenced code': '```\ncode\n```\n',
      'tilde fence': '~~~\ncode\n~~~\n',
      'indented code': '    code\n',
      'leading spaces': '  Indented paragraph.\n',
      'HTML comment': '<!-- crisislint-disable -->\nText.\n',
      'block quote': '> quoted\n',
      'thematic break': 'Text.\n\n***\n',
      'setext heading (=)': 'Title\n=====\n',
      'setext heading (-)': 'Title\n---\n',
      'closing #s': '## Title ##\n',
      'heading ending in #': '## Written in C#\n',
      'heading without space': '#hashtag\n',
      'seven #s': '####### Seven\n',
      'empty heading': '#\n',
      'hard break (spaces)': 'Line one  \nline two.\n',
      'hard break (backslash)': 'Line one\\\nline two.\n',
      'trailing space': 'Text. \n',
      'blank line of spaces': 'One.\n  \nTwo.\n',
      entity: 'R&amp;D.\n',
      ampersand: 'R & D.\n',
      table: '| a | b |\n',
      tab: 'Text\twith a tab.\n',
      'tab in front matter': '---\ntitle:\tx\n---\nText.\n',
      CRLF: '---\r\ntitle: x\r\n---\r\n\r\nText.\r\n',
      'lone CR': 'Text.\rMore.\n',
      BOM: '\ufeff# Title\n\nText.\n',
      NUL: 'Text\0.\n',
      'no trailing newline': '# Title\n\nText.',
      'front matter only': '---\ntitle: x\n---\n',
      'front matter and blank lines only': '---\ntitle: x\n---\n\n\n',
      'empty body': '',
      'blank lines only': '\n\n',
      'unclosed front matter': '---\ntitle: x\n\nText.\n',
      'closing fence with spaces': '---\ntitle: x\n---  \nText.\n',
      'opening fence with spaces': '---  \ntitle: x\n---\nText.\n',
    };
    for (const [name, text] of Object.entries(declined)) {
      expect(plainTree(text), name).toBeUndefined();
      expect(parseMarkdownTree(text), name).toStrictEqual(micromarkTree(text));
    }
  });

  it('on random documents made of plain and tricky lines', () => {
    // Mostly lines the shortcut takes, with now and then one it must not: a guard that lets a
    // tricky line through then shows up as a tree unlike micromark's.
    const plain = [
      '', '', '', '# Title', '## Investigating (2022-05-17T21:31:00Z)', '### Update #2', 'We are investigating.',
      'ETA ~1h.', '5:26 PM PST', '2024-01-02 03:04', 'café 😀', 'x # y', '\u00a0nbsp',
    ];
    const tricky = [
      '---', '===', '- item', '1. item', '10) item', '+ item', '    code', ' one space', 'trailing ', 'hard  ', '#tag',
      '## closed ##', '# C#', 'a *b*', '_c_', '[x]', '[x]: /url', '<b>', '~~~', '```', '> quote', 'R&amp;D', 'a & b',
      'a\\', '\\*', '!x', 'tab\tx', '***',
    ];
    let seed = 12345;
    const random = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), (seed >>> 16) % n);
    let taken = 0;
    for (let i = 0; i < 3000; i++) {
      const body = Array.from({ length: 1 + random(8) }, () => (random(6) ? plain[random(plain.length)] : tricky[random(tricky.length)])).join('\n') + '\n';
      const text = random(2) ? `---\ntitle: t\n---\n${'\n'.repeat(random(3))}${body}` : body;
      if (agrees(text, JSON.stringify(text))) taken++;
    }
    expect(taken).toBeGreaterThan(500);
  });
});

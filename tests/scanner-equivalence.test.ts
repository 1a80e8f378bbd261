// The performance round rewrote hot scanners to read code units in place instead of slicing and
// testing one-character strings. Each is checked here against the plain version it replaced, on
// every statement of the corpus (when present), the labelled statements and the fixtures, and on
// seeded random text built from the characters the scanners branch on.

import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../src/engine/index.js';
import { micromarkTree } from '../src/inputs/markdown-fast.js';
import { alignText, type AlignedPiece } from '../src/inputs/prose.js';
import { capitalisedNames, NAME_PHRASES } from '../src/nlp/names.js';
import { splitSentences, type SentenceSpan } from '../src/nlp/sentences.js';
import { CORPUS } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '..');

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Every statement text we have (the corpus when present, the labelled statements, the fixtures), or each incident's whole text. */
function statementTexts(whole = false): string[] {
  const texts = new Set<string>();
  for (const path of [...files(join(CORPUS, 'github-md')), ...files(join(CORPUS, 'labeled')), ...files(join(ROOT, 'fixtures'))]) {
    try {
      for (const incident of parseSource(path, readFileSync(path)).incidents) {
        if (whole) texts.add(incident.statements.map((s) => s.text).join('\n\n'));
        else for (const s of incident.statements) texts.add(s.text);
      }
    } catch {
      // Fixtures of bad input hold no statements.
    }
  }
  return [...texts];
}

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'We', 'Our', 'The', 'This', 'I', 'You', 'It', 'it', 'we', 'e.g', 'i.e', 'etc', 'Inc', 'U.S', 'Jan', 'a', 'B', 'x', 'v2', '3', '3.5%',
  'example.com', 'outage', 'Ünïcode', 'É', '𝐁old', '😀', '42', ' ', ' ', ' ', '  ', '\n', '\n\n', '\n\r\n', '\r\n', '\t', '.', '.', '!', '?', '...',
  '?!', '"', "'", '”', '’', '“', '‘', ')', '(', ']', '[', '*', '_', '-', ',', ':', ';',
];

function randomTexts(count: number, seed: number): string[] {
  const next = random(seed);
  const texts: string[] = [];
  for (let n = 0; n < count; n++) {
    const length = 1 + Math.floor(next() * 40);
    let text = '';
    for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)];
    texts.push(text);
  }
  return texts;
}

// ---- the sentence scanner as it was (one-character strings and slices) ----

const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'vs', 'approx', 'est', 'mr', 'mrs', 'ms', 'dr', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr',
  'st', 'no', 'nos', 'fig', 'u.s', 'u.k', 'e.u', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'ca', 'cf', 'al', 'viz',
]);
const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r';

function referenceSplitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s && /[\p{L}\p{N}]/u.test(text.slice(s, e))) spans.push({ start: s, end: e });
    start = end;
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text[i];
    if (ch === '\n' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      push(i);
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < n && /[.!?"'”’)\]]/.test(text[j])) j++;
    if (j < n && !isSpace(text[j])) continue;
    if (ch === '.' && j === i + 1) {
      let w = i;
      while (w > start && !isSpace(text[w - 1]) && text[w - 1] !== '(') w--;
      const word = text.slice(w, i).toLowerCase();
      if (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word)) {
        let k = j;
        while (k < n && isSpace(text[k])) k++;
        if (!/^(We|Our|The|This|I|You|It)\b/.test(text.slice(k, k + 5))) continue;
      }
    }
    let k = j;
    while (k < n && (text[k] === ' ' || text[k] === '\t' || text[k] === '\r')) k++;
    const next = text[k];
    if (k >= n || next === '\n' || /[\p{Lu}\p{N}"'“‘(\[*_-]/u.test(next)) {
      push(j);
      i = j - 1;
    }
  }
  push(n);
  return spans;
}

describe('sentence scanner', () => {
  it('splits every statement we have as the string-based scanner did', () => {
    const texts = statementTexts();
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) expect(splitSentences(text), text).toEqual(referenceSplitSentences(text));
  });

  it('splits seeded random text of the characters it branches on as the string-based scanner did', () => {
    for (const text of randomTexts(20_000, 12)) expect(splitSentences(text), JSON.stringify(text)).toEqual(referenceSplitSentences(text));
  });
});

// ---- capitalised names as they were read (every regular expression over every position) ----

function referenceCapitalisedNames(text: string): Set<string> {
  const NAME = '[A-Z][A-Z0-9&]*[A-Z0-9]';
  const withName = (fragment: string) => fragment.replace(/NAME/g, `(${NAME})`);
  const alt = (xs: readonly string[]) => xs.map((x) => `(?:${withName(x)})`).join('|');
  const lists = NAME_PHRASES;
  const expressions = [
    new RegExp(`(?:^|[.!?;:,]\\s+)(?:(?:today|now|yesterday|this morning|this evening|tonight),?\\s+)?(${NAME})\\s+(?:${lists.speakerVerbs.join('|')})(?![\\p{L}\\p{N}])`, 'gimu'),
    new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt(lists.nameFrames)})(?![\\p{L}\\p{N}])`, 'gimu'),
    new RegExp(`^\\s*(?:${alt(lists.signOffs)})\\s*$`, 'gimu'),
    new RegExp(`(?<!\\b(?:the|a|an|this|that|our|your|their|its) )(?<![\\p{L}\\p{N}])(${NAME})['’]s\\b`, 'giu'),
  ];
  const names = new Set<string>();
  if (!/(?<![\p{L}\p{N}])[A-Z][A-Z0-9&]*[A-Z0-9](?![\p{L}\p{N}])/u.test(text)) return names;
  for (const re of expressions) {
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const name = m.slice(1).find((g) => g !== undefined);
      if (name !== undefined && new RegExp(`^${NAME}$`).test(name)) names.add(name);
      else re.lastIndex = m.index + 1;
    }
  }
  return names;
}

const NAME_PIECES = [
  'NTL', 'QVB', 'A1', 'K&M', 'RCA', 'ntl', 'Qvb', 'x', 'ſ', 'K', 'ſNTL', 'NTLK', "'s", '’s', "'S", '’ſ', "'", '’', 's', ' ', ' ', ' ', '\n', '\n\n',
  'the ', 'our ', 'its ', 'The ', 'engineers', 'Bank', 'team', 'at', 'we', 'Dear', 'customers', 'apologises', '.', ',', '9', '&', 'é', 'É', '😀',
];

describe('capitalised names', () => {
  it('reads the same names from every incident we have as reading every position did', () => {
    const texts = statementTexts(true);
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) expect([...capitalisedNames(text)].sort(), text).toEqual([...referenceCapitalisedNames(text)].sort());
  });

  it('reads the same names from seeded random text of names, apostrophes and case-folding letters', () => {
    const next = random(7);
    for (let n = 0; n < 10_000; n++) {
      let text = '';
      const length = 1 + Math.floor(next() * 24);
      for (let i = 0; i < length; i++) text += NAME_PIECES[Math.floor(next() * NAME_PIECES.length)];
      expect([...capitalisedNames(text)].sort(), JSON.stringify(text)).toEqual([...referenceCapitalisedNames(text)].sort());
    }
  });
});

// ---- lining text nodes up with their source as it was (one-character strings throughout) ----

const ENTITY = /^&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i;

function referenceAlignText(value: string, source: string, start: number, end: number): AlignedPiece[] {
  const pieces: AlignedPiece[] = [];
  let i = 0;
  let j = start;
  let runStart = 0;
  let runSource = start;
  const close = () => {
    if (i > runStart) pieces.push({ value: value.slice(runStart, i), start: runSource, exact: true });
  };
  while (i < value.length && j < end) {
    const c = source[j];
    const escape = c === '\\' && /^[!-/:-@[-`{-~]$/.test(source[j + 1] ?? '') && source[j + 1] === value[i];
    let entity = c === '&' ? ENTITY.exec(source.slice(j, end)) : null;
    if (entity && value.startsWith(entity[0], i)) entity = null;
    if (!escape && !entity && value[i] === c) {
      i++;
      j++;
      continue;
    }
    const atLineStart = /\n[ \t>]*$/.test(source.slice(Math.max(start, j - 40), j));
    const beforeBreak = c === ' ' || c === '\t' ? /^[ \t]*(?:\n|$)/.test(source.slice(j, end)) : false;
    if (escape || beforeBreak || (atLineStart && (c === ' ' || c === '\t' || c === '>'))) {
      close();
      j++;
      runStart = i;
      runSource = j;
    } else if (entity) {
      close();
      const chars = /^[\uD800-\uDBFF]/.test(value[i]) ? 2 : 1;
      pieces.push({ value: value.slice(i, i + chars), start: j, exact: false });
      i += chars;
      j += entity[0].length;
      runStart = i;
      runSource = j;
    } else break;
  }
  close();
  if (i < value.length) pieces.push({ value: value.slice(i), start: j, exact: false });
  return pieces;
}

/** Every text node of a Markdown document with its source range, as the Markdown reader meets them. */
function textNodes(text: string): [string, number, number][] {
  const found: [string, number, number][] = [];
  const stack: unknown[] = [micromarkTree(text)];
  while (stack.length) {
    const node = stack.pop() as { type: string; value?: string; children?: unknown[]; position?: { start: { offset?: number }; end: { offset?: number } } };
    if (node.type === 'text' && node.position) found.push([node.value ?? '', node.position.start.offset!, node.position.end.offset!]);
    if (node.children) stack.push(...node.children);
  }
  return found;
}

const MARKDOWN_PIECES = [
  'word', 'Word', ' ', ' ', '  ', '\n', '\n\n', '> ', '>', '\t', '\\*', '\\_', '\\\\', '\\a', '&amp;', '&#42;', '&#x2A;', '&copy;', '&nope;', '&',
  '*em*', '**strong**', '`code`', '[link](http://x.io)', '<b>', '😀', 'é', '-', '1.', '#', '  \nnext', '\\\nnext',
];

describe('text alignment', () => {
  it('lines up every text node of every file we have as the string-based version did', () => {
    let nodes = 0;
    for (const path of [...files(join(CORPUS, 'github-md')), ...files(join(CORPUS, 'labeled')), ...files(join(ROOT, 'fixtures'))]) {
      const text = readFileSync(path, 'utf8');
      for (const [value, start, end] of textNodes(text)) {
        nodes++;
        expect(alignText(value, text, start, end), path).toEqual(referenceAlignText(value, text, start, end));
      }
    }
    expect(nodes).toBeGreaterThan(10);
  });

  it('lines up the text nodes of seeded random Markdown with escapes, entities, quotes and breaks as the string-based version did', () => {
    const next = random(3);
    for (let n = 0; n < 2_000; n++) {
      let text = '';
      const length = 1 + Math.floor(next() * 30);
      for (let i = 0; i < length; i++) text += MARKDOWN_PIECES[Math.floor(next() * MARKDOWN_PIECES.length)];
      for (const [value, start, end] of textNodes(text)) expect(alignText(value, text, start, end), JSON.stringify(text)).toEqual(referenceAlignText(value, text, start, end));
    }
  });
});

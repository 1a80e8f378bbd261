// The phrase-list prefilter (src/nlp/prefilter.ts) may only skip work: a text its literals rule
// out must be a text the regular expression cannot match, and a FragmentRegExp must match exactly
// as the plain alternation it stands for. Samples are generated from every fragment of every
// built-in list, in mixed case, and checked against V8's own matching.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CORPUS as SHARED_CORPUS } from './helpers.js';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { analyseFragment, FOLDABLE, foldCase, FragmentRegExp, GatedRegExp, lowerCasePattern } from '../src/nlp/prefilter.js';
import { PLATITUDE_PHRASES } from '../src/nlp/platitudes.js';
import { globalPhraseRegex, phraseRegex } from '../src/nlp/phrases.js';
import { splitSentences } from '../src/nlp/sentences.js';

const ROOT = resolve(import.meta.dirname, '..');
const WORD_EDGE = ['(?<![A-Za-z0-9\\u00C0-\\u024F])', '(?![A-Za-z0-9\\u00C0-\\u024F])'] as const;
const JARGON_EDGE = ['(?<![\\p{L}\\p{N}])', '(?![\\p{L}\\p{N}])'] as const;

interface PhraseList {
  name: string;
  list: string[];
  unicode: boolean;
}

/** Every list of patterns the built-in rules and matchers use: JSON data and rule options. */
function phraseLists(): PhraseList[] {
  const found = new Map<string, PhraseList>();
  const add = (name: string, list: unknown, unicode = false) => {
    if (!Array.isArray(list) || list.length === 0 || !list.every((x) => typeof x === 'string')) return;
    found.set(`${unicode}:${JSON.stringify(list)}`, { name, list, unicode });
  };
  for (const dir of ['src/nlp/phrases', 'rules/data']) {
    for (const file of readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.json'))) {
      const data = JSON.parse(readFileSync(join(ROOT, dir, file), 'utf8')) as Record<string, unknown>;
      for (const [key, value] of Object.entries(data)) add(`${file}:${key}`, value);
    }
  }
  for (const rule of builtinRules) {
    for (const [key, value] of Object.entries(rule.meta.options ?? {})) add(`${rule.meta.id}:${key}`, value);
  }
  const jargon = builtinRules.find((r) => r.meta.id === 'jargon')!.meta.options as { terms: ({ term: string } | string)[] };
  add('jargon:terms', jargon.terms.map((t) => (typeof t === 'string' ? t : t.term)), true);
  return [...found.values()];
}

/** A small deterministic random source. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A random string meant to match `pattern` (callers check with V8 that it does). Knows the syntax
 * the lists use: groups, lookarounds (left out), alternation, quantifiers, classes, escapes.
 */
function generate(pattern: string, rnd: () => number, unicode: boolean): string {
  let i = 0;
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
  function alternation(): string {
    const branches: string[] = [];
    let start = i;
    let depth = 0;
    for (; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === '\\') i++;
      else if (c === '[') {
        for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
      } else if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      } else if (c === '|' && depth === 0) {
        branches.push(pattern.slice(start, i));
        start = i + 1;
      }
    }
    branches.push(pattern.slice(start, i));
    return generate(pick(branches), rnd, unicode);
  }
  function atom(): [string, () => string] {
    const c = pattern[i++];
    if (c === '(') {
      let lookaround = false;
      if (pattern.startsWith('?:', i)) i += 2;
      else if (/^\?<?[=!]/.test(pattern.slice(i))) {
        i += pattern[i + 1] === '<' ? 3 : 2;
        lookaround = true;
      }
      const startAt = i;
      alternation();
      const body = pattern.slice(startAt, i);
      i++; // ")"
      return [body, () => (lookaround ? '' : generate(body, rnd, unicode))];
    }
    if (c === '[') {
      const startAt = i - 1;
      for (; pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
      i++;
      const cls = new RegExp(pattern.slice(startAt, i), unicode ? 'u' : '');
      const pool = `${LETTERS}0123456789 -'’._@+%/:,;!?`;
      const members = [...pool].filter((ch) => cls.test(ch));
      return ['', () => (members.length ? pick(members) : '')];
    }
    if (c === '\\') {
      const e = pattern[i++];
      if (e === 'w') return ['', () => pick([...LETTERS])];
      if (e === 'd') return ['', () => String(Math.floor(rnd() * 10))];
      if (e === 's') return ['', () => ' '];
      if (e === 'b' || e === 'B') return ['', () => ''];
      if (e === 'W' || e === 'S' || e === 'D') return ['', () => ' '];
      if (e === 'p' || e === 'P') {
        const close = pattern.indexOf('}', i);
        i = close + 1;
        return ['', () => pick([...LETTERS])];
      }
      if (e === 'u' && /^[0-9a-fA-F]{4}/.test(pattern.slice(i))) {
        const ch = String.fromCharCode(parseInt(pattern.slice(i, i + 4), 16));
        i += 4;
        return ['', () => ch];
      }
      return ['', () => e];
    }
    if (c === '.') return ['', () => 'x'];
    if (c === '^' || c === '$') return ['', () => ''];
    return ['', () => c];
  }
  let out = '';
  while (i < pattern.length) {
    if (pattern[i] === '|') return pick([out, alternation()]);
    const [, make] = atom();
    let min = 1;
    let max = 1;
    const q = /^(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})\??/.exec(pattern.slice(i));
    if (q) {
      i += q[0].length;
      if (q[1] === '*') [min, max] = [0, 2];
      else if (q[1] === '+') [min, max] = [1, 2];
      else if (q[1] === '?') [min, max] = [0, 1];
      else {
        min = Number(q[2]);
        max = q[3] === undefined ? min : q[4] === '' ? min + 2 : Math.min(Number(q[4]), min + 2);
      }
    }
    const n = min + Math.floor(rnd() * (max - min + 1));
    for (let k = 0; k < n; k++) out += make();
  }
  return out;
}

function mixedCase(text: string, rnd: () => number): string {
  return [...text].map((c) => (rnd() < 0.5 ? c.toUpperCase() : c.toLowerCase())).join('');
}

/** Matching strings for a fragment, verified by V8 (whole-string match). */
function samplesOf(fragment: string, unicode: boolean, seed: number, count = 12): string[] {
  const whole = new RegExp(`^(?:${fragment})$`, unicode ? 'iu' : 'i');
  const rnd = random(seed);
  const found = new Set<string>();
  for (let k = 0; k < count * 4 && found.size < count; k++) {
    const s = mixedCase(generate(fragment, rnd, unicode), rnd);
    if (whole.test(s)) found.add(s);
  }
  return [...found];
}

function execAll(re: RegExp, text: string): [number, string][] {
  const out: [number, string][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m[0]]);
  return out;
}

/** Sentences from the fixtures and the rules' documentation examples, and the shared corpus when present. */
function realSentences(): string[] {
  const texts: string[] = [];
  for (const rule of builtinRules) for (const e of [...rule.meta.docs.fail, ...rule.meta.docs.pass]) texts.push(e.text);
  for (const file of readdirSync(join(ROOT, 'fixtures')).filter((f) => /\.(md|txt)$/.test(f))) texts.push(readFileSync(join(ROOT, 'fixtures', file), 'utf8'));
  const corpus = join(SHARED_CORPUS, 'github-md');
  if (existsSync(corpus)) {
    const names = readdirSync(corpus).filter((f) => f.endsWith('.md')).sort();
    for (const name of names.filter((_, i) => i % 8 === 0)) texts.push(readFileSync(join(corpus, name), 'utf8'));
  }
  const sentences = new Set<string>();
  for (const text of texts) for (const s of splitSentences(text)) sentences.add(text.slice(s.start, s.end));
  return [...sentences];
}

describe('case folding', () => {
  it('maps every character that matches a printable ASCII character case-insensitively to its lower case', () => {
    const all = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).join('');
    for (const flags of ['gi', 'giu']) {
      for (let p = 0x20; p < 0x7f; p++) {
        const ch = String.fromCharCode(p);
        const re = new RegExp(ch.replace(/[\\^$.*+?()[\]{}|/-]/g, (m) => (flags.includes('u') && m === '-' ? '-' : `\\${m}`)), flags);
        for (const m of all.matchAll(re)) {
          // Lone surrogates are not characters of any text a list matches.
          expect(foldCase(m[0]), `U+${m.index!.toString(16)} matched ${ch} with ${flags}`).toBe(ch.toLowerCase());
        }
      }
    }
  });
});

describe('lower-case twins', () => {
  const all = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).join('');
  const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

  it('run only on texts whose non-ASCII characters have no case pair', () => {
    for (let c = 0x80; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (!FOLDABLE.test(ch)) continue;
      expect(ch.toLowerCase(), `U+${c.toString(16)}`).toBe(ch);
      for (const flags of ['gi', 'giu']) expect([...all.matchAll(new RegExp(escape(ch), flags))].map((m) => m.index), `U+${c.toString(16)} ${flags}`).toEqual([c]);
    }
  });

  it('know the only non-ASCII characters that match ASCII ones: the long s and the Kelvin sign, in unicode mode', () => {
    const ascii = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)).join('');
    for (const flags of ['i', 'iu']) {
      const found: number[] = [];
      for (let c = 0x80; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) if (new RegExp(escape(String.fromCharCode(c)), flags).test(ascii)) found.push(c);
      expect(found, flags).toEqual(flags === 'iu' ? [0x17f, 0x212a] : []);
    }
  });

  it('map classes, escapes and letters to lower case', () => {
    expect(lowerCasePattern('Root[- ]Cause', false)).toBe('root[\\x20\\x2d]cause');
    expect(lowerCasePattern('[a\\-z]', false)).toBe('[\\x2d\\x61\\x7a]');
    expect(lowerCasePattern('[^A-Z0-9]', false)).toBe('[^\\x30-\\x39\\x61-\\x7a]');
    expect(lowerCasePattern('\\x41\\W\\bB', false)).toBe('a\\W\\bb');
    expect(lowerCasePattern('[\\w-]+|\\d{2,3}', false)).toBe('[\\x2d\\w]+|\\d{2,3}');
    expect(lowerCasePattern('(?<![A-Za-z0-9\\u00C0-\\u024F])', false)).toBe('(?<![\\x30-\\x39\\x61-\\x7a\\xc0-\\u024f])');
    expect(lowerCasePattern('[\\u0100-\\u0200]x\\u017F', true)).toBe('[\\x73\\u0100-\\u0200]xs');
    // Property escapes become the characters they match in foldable text (ASCII, caseless punctuation).
    expect(lowerCasePattern('(?<![\\p{L}\\p{N}])', true)).toBe('(?<![\\x30-\\x39\\x61-\\x7a\\xaa\\xba\\xb2\\xb3\\xb9\\xbc\\xbd\\xbe])');
    expect(lowerCasePattern('\\p{Lu}', true)).toBe('[\\x61-\\x7a]');
    expect(lowerCasePattern('(a)\\1', false)).toBeUndefined();
    expect(lowerCasePattern('\\cA', false)).toBeUndefined();
  });

  it('match lower-cased text as the pattern matches the text, case-insensitively', () => {
    const patterns: [string, boolean][] = [
      ['[A-Z]+', false],
      ['[^a-z ]+', false],
      ['\\bWe(?:\\x27|’)ll\\b', false],
      ['[\\w-]+ ?[—–-]', false],
      ['[[-`]', false],
      ['[\\x5b-\\x60]x', false],
      ['(?<![\\p{L}\\p{N}])s[a-c]K?(?![\\p{L}\\p{N}])', true],
      ['[^\\u0100-\\u0200]+', true],
      ['\\p{Lu}[^\\P{L}\\d]+\\P{N}', true],
      ['[\\p{P}\\p{Zs}]+', true],
    ];
    const texts = ['We’ll SCALE it — now', 'abc [x] `x ^_ sAk SBK', 'A-b – c—D', 'Quotes “here” and ‘there’ …', 'x\u00a0y ¿z? ×÷'];
    for (const [pattern, unicode] of patterns) {
      const flags = unicode ? 'giu' : 'gi';
      const twin = new RegExp(lowerCasePattern(pattern, unicode)!, flags.replace('i', ''));
      const original = new RegExp(pattern, flags);
      for (const text of texts) {
        expect(FOLDABLE.test(text)).toBe(true);
        const want = [...text.matchAll(original)].map((m) => [m.index, m[0].length]);
        const got = [...text.toLowerCase().matchAll(twin)].map((m) => [m.index, m[0].length]);
        expect(got, `${pattern} on ${text}`).toEqual(want);
      }
    }
  });
});

describe('required literals', () => {
  const lists = phraseLists();

  it('finds literals for nearly every fragment of the built-in lists', () => {
    let fragments = 0;
    let withLiterals = 0;
    for (const { list, unicode } of lists) {
      for (const fragment of list) {
        fragments++;
        const analysis = analyseFragment(fragment, unicode);
        expect(analysis, fragment).toBeDefined();
        if (analysis!.literals) withLiterals++;
      }
    }
    expect(withLiterals / fragments).toBeGreaterThan(0.98);
  });

  it('never rules out a text its fragment matches (generated samples of every fragment, mixed case)', () => {
    let verified = 0;
    let fragments = 0;
    let sampled = 0;
    lists.forEach(({ name, list, unicode }, l) => {
      list.forEach((fragment, f) => {
        fragments++;
        const literals = analyseFragment(fragment, unicode)?.literals;
        const samples = samplesOf(fragment, unicode, l * 1000 + f);
        if (samples.length) sampled++;
        for (const sample of samples) {
          verified++;
          if (!literals) continue;
          const folded = foldCase(sample);
          expect(literals.some((lit) => folded.includes(lit)), `${name} #${f} "${fragment}" vs "${sample}" (literals ${JSON.stringify(literals)})`).toBe(true);
        }
      });
    });
    expect(sampled / fragments).toBeGreaterThan(0.9);
    expect(verified).toBeGreaterThan(fragments * 5);
  });

  it('rejects what cannot run alone, and knows plain syntax', () => {
    expect(analyseFragment('(a)b')).toBeUndefined();
    expect(analyseFragment('(?<name>a)b')).toBeUndefined();
    expect(analyseFragment('(?:a)\\1')).toBeUndefined();
    expect(analyseFragment('prevent(?:s|ed|ing)? this')?.literals).toEqual(['prevent']);
    expect(analyseFragment('apologi[sz](?:e|es)')?.literals).toEqual(['apologi']);
    expect(analyseFragment('(?:we|I) (?:have )?let (?:you|our (?:customers|users)) down')?.literals).toEqual([' down']);
    expect(analyseFragment('Root[- ]Cause')?.literals).toEqual(['cause']);
    expect(analyseFragment('\\x41BC|d\\u0045f')?.literals).toEqual(['abc', 'def']);
    expect(analyseFragment('\\w+ly')?.literals).toEqual(['ly']);
    expect(analyseFragment('(?:a|\\w+)')?.literals).toBeUndefined();
    expect(analyseFragment('[^a]bcd')?.literals).toEqual(['bcd']);
    expect(analyseFragment('a{2}bc')?.literals).toEqual(['bc']);
    expect(analyseFragment('x{,2}y', false)?.literals).toEqual(['x{,2}y']);
    expect(analyseFragment('caf\\u00e9s')?.literals).toEqual(['caf']);
  });
});

describe('FragmentRegExp matches as the whole alternation', () => {
  const lists = phraseLists();
  const sentences = realSentences();

  it('on generated samples in context and on real sentences, plain and global', () => {
    const rnd = random(7);
    // Caseless punctuation keeps a text for the lower-case twins; letters like é, İ, K, ſ send it to the pattern as written.
    const fillers = ['', 'We ', 'the ', ', ', 'x', '1', '-', ' and then ', '’', '“', ' — ', '(', '\u00a0', 'é', 'İ', '\u212a', '\u017f', 'ß'];
    lists.forEach(({ name, list, unicode }, l) => {
      const [before, after] = unicode ? JARGON_EDGE : WORD_EDGE;
      const flags = unicode ? 'iu' : 'i';
      const plain = new RegExp(`${before}(?:${list.map((p) => `(?:${p})`).join('|')})${after}`, flags);
      const plainGlobal = new RegExp(plain.source, `${flags}g`);
      const fre = new FragmentRegExp(list, before, after, flags);
      const global = new FragmentRegExp(list, before, after, flags, true, fre);
      expect(fre.source).toBe(plain.source);
      const samples = list.flatMap((fragment, f) => samplesOf(fragment, unicode, l * 1000 + f, 3));
      const texts = [...sentences];
      for (const s of samples) {
        texts.push(s, `${pick(fillers)}${s}${pick(fillers)}`, `${pick(fillers)}${s} ${pick(samples)}${pick(fillers)}`);
      }
      const differences: string[] = [];
      for (const text of texts) {
        const want = plain.exec(text);
        const got = fre.exec(text);
        if (JSON.stringify(got && [got.index, got[0]]) !== JSON.stringify(want && [want.index, want[0]])) differences.push(`exec on "${text}"`);
        if (fre.test(text) !== !!want) differences.push(`test on "${text}"`);
        if (JSON.stringify(execAll(global, text)) !== JSON.stringify(execAll(plainGlobal, text))) differences.push(`global on "${text}"`);
      }
      expect(differences, name).toEqual([]);
    });
    function pick<T>(items: readonly T[]): T {
      return items[Math.floor(rnd() * items.length)];
    }
  });

  it('takes the leftmost match, and at one place the first fragment in list order', () => {
    // Fragments that never match: the index rules them out.
    const padding = Array.from({ length: 40 }, (_, k) => `qqq${k}zz`);
    const first = new FragmentRegExp(['foo bar', 'foo', ...padding], '', '', 'i');
    expect(first.exec('a FOO bar')?.[0]).toBe('FOO bar');
    const second = new FragmentRegExp(['foo', 'foo bar', ...padding], '', '', 'i');
    expect(second.exec('a foo bar')?.[0]).toBe('foo');
    const leftmost = new FragmentRegExp(['zebra', 'apple', ...padding], '\\b', '\\b', 'i');
    expect(leftmost.exec('apple and zebra')?.index).toBe(0);
    // The edge after a fragment can send the alternation to a later one at the same place.
    const edges = new FragmentRegExp(['updates?', 'updated', ...padding], WORD_EDGE[0], WORD_EDGE[1], 'i');
    expect(edges.exec('it was updated')?.[0]).toBe('updated');
  });

  it('keeps lastIndex as a global RegExp does', () => {
    const re = globalPhraseRegex(['cause[sd]?', 'root cause']);
    const text = 'The root cause caused it; causes vary.';
    expect(execAll(re, text)).toEqual([
      [4, 'root cause'],
      [15, 'caused'],
      [26, 'causes'],
    ]);
    expect(re.lastIndex).toBe(0);
    re.lastIndex = 100;
    expect(re.exec(text)).toBeNull();
    expect(re.lastIndex).toBe(0);
    const plain = phraseRegex(['cause[sd]?', 'root cause']);
    plain.lastIndex = 20;
    expect(plain.exec(text)?.index).toBe(4);
    expect(plain.lastIndex).toBe(20);
  });

  it('answers a repeated question from its memo with a fresh match each time', () => {
    const re = phraseRegex(['sorry', 'apologi[sz]e']);
    const text = 'We are truly SORRY for the delay.';
    const first = re.exec(text)!;
    expect([first.index, first[0], first.input]).toEqual([13, 'SORRY', text]);
    first[0] = 'changed';
    first.index = 0;
    const again = re.exec(text)!;
    expect(again).not.toBe(first);
    expect([again.index, again[0]]).toEqual([13, 'SORRY']);
    expect(re.test(text)).toBe(true);
    expect(re.test('We regret the delay.')).toBe(false);
    expect(re.exec('We regret the delay.')).toBeNull();
  });

  it('behaves as a RegExp for the other methods', () => {
    const list = ['sorry', 'apologi[sz]e'];
    const re = new FragmentRegExp(list, '\\b', '\\b', 'i', true);
    const plain = new RegExp(`\\b(?:(?:sorry)|(?:apologi[sz]e))\\b`, 'gi');
    const text = 'Sorry. We apologise, and are sorry.';
    expect([...text.matchAll(re)].map((m) => m.index)).toEqual([...text.matchAll(plain)].map((m) => m.index));
    expect(text.replace(re, '_')).toBe(text.replace(plain, '_'));
    expect(text.split(re)).toEqual(text.split(plain));
    expect(text.match(re)).toEqual(text.match(plain));
    expect(re.flags).toBe(plain.flags);
  });

  it('runs lists it cannot split as one pattern, and reports bad patterns as RegExp does', () => {
    const captured = phraseRegex(['(a)b', 'c(d)']);
    expect(captured.exec('xx cd')?.[2]).toBe('d');
    expect(phraseRegex([]).test('anything')).toBe(false);
    let plainError: unknown;
    try {
      new RegExp(`${WORD_EDGE[0]}(?:(?:a)|(?:b(c))${WORD_EDGE[1]}`, 'i');
    } catch (error) {
      plainError = error;
    }
    expect(() => phraseRegex(['a', 'b(c'])).toThrow((plainError as Error).message);
  });

  it('gives the same answers after more lists register (texts indexed earlier are looked up again)', () => {
    const text = 'A unique sentence about zanzibar ferries.';
    expect(phraseRegex(['nothing here']).test(text)).toBe(false);
    expect(phraseRegex(['zanzibar ferr(?:y|ies)']).exec(text)?.[0]).toBe('zanzibar ferries');
  });

  it('matches as plain RegExps while lists keep registering between texts (literals shared, nested, overlapping)', () => {
    // Literals that are suffixes and prefixes of one another exercise the index's suffix links;
    // lists registered after a text was indexed, or after the index was built, are looked up alone.
    const lists = [
      ['quokka outage', 'kka out', 'outage'],
      ['okka', 'quok', 'a o'],
      ['outages? of quokkas?', 'ka'],
      ['wombat(?:s|ting)? delay', 'delay(?:ed)? wombats?'],
      ['at d', 'mbat', 'wombat'],
    ];
    const texts = [
      'A quokka outage hit the wombat delay queue.',
      'Outages of quokkas, and delayed wombats.',
      'Nothing of the sort: a wombatting delay.',
      'QUOKKA OUTAGE at dawn; kka out of order.',
      'No marsupials here.',
    ];
    const differences: string[] = [];
    const made: [RegExp, RegExp][] = [];
    lists.forEach((list, n) => {
      made.push([phraseRegex(list), new RegExp(`(?<![A-Za-z0-9\\u00C0-\\u024F])(?:${list.map((p) => `(?:${p})`).join('|')})(?![A-Za-z0-9\\u00C0-\\u024F])`, 'i')]);
      // Each text, fresh to the index at each round, asked of every list made so far.
      for (const base of texts) {
        const text = `${base} (${n})`;
        for (const [fast, plain] of made) {
          const a = fast.exec(text);
          const b = plain.exec(text);
          if (a?.[0] !== b?.[0] || a?.index !== b?.index) differences.push(`${plain.source} on "${text}"`);
        }
      }
    });
    expect(differences).toEqual([]);
  });
});

describe('GatedRegExp matches as its pattern', () => {
  // Shapes like the platitude and company-subject patterns: long alternations inside a frame,
  // case-insensitive or not, unicode or not, with groups, plain and global.
  const alt = (list: readonly string[]) => list.map((p) => `(?:${p})`).join('|');
  const patterns: [string, string][] = [
    [`\\b(?:is|are|was|were)\\s+(?:always\\s+)?(?:${alt(PLATITUDE_PHRASES.valuePredicates)})(?![\\w-])`, 'gi'],
    [`\\b(?:we|I)\\s+(?:\\w+ly\\s+)?(?:${alt(PLATITUDE_PHRASES.valueVerbs)})\\s+(?:[\\w'’-]+\\s+){0,3}?(?:${alt(PLATITUDE_PHRASES.valuedObjects)})(?![\\w-])`, 'gi'],
    [`(?:${alt(PLATITUDE_PHRASES.valuePredicates)})\\s+(?:is|remains)\\s+(?:to\\s+)?([\\w'’-]+)`, 'gi'],
    ['(?:\\b(?:company|team)|\\b\\p{Lu}[\\p{L}\\p{N}&.-]*)\\s+(?:is|has)\\s+(?:aware|regrets?|identified)(?![\\p{L}\\p{N}])', 'u'],
    ['\\b(?:we|I)\\s+take\\s+[^,;:.!?]{1,60}?\\bseriously\\b', 'i'],
  ];

  it('knows literals for these patterns (else it would gate nothing); one that refers back to a group always runs', () => {
    const literalsOf = (re: RegExp) => (re as unknown as { literals?: string[] }).literals;
    for (const [source, flags] of patterns) expect(literalsOf(new GatedRegExp(source, flags)), source).toBeDefined();
    expect(literalsOf(new GatedRegExp('\\b(outage|incident) \\1\\b', 'i'))).toBeUndefined();
    expect(literalsOf(new GatedRegExp('(?<word>outage|incident) \\k<word>', 'i'))).toBeUndefined();
    expect(new GatedRegExp('\\b(outage|incident) \\1\\b', 'i').exec('The outage outage.')?.[1]).toBe('outage');
  });

  it('on generated samples in context and on real sentences: the same matches, groups and lastIndex', () => {
    const rnd = random(11);
    const sentences = realSentences();
    const differences: string[] = [];
    patterns.forEach(([source, flags], p) => {
      const plain = new RegExp(source, flags);
      const gated = new GatedRegExp(source, flags);
      expect(gated.source).toBe(plain.source);
      expect(gated.flags).toBe(plain.flags);
      const samples = samplesOf(source, flags.includes('u'), 500 + p, 40);
      expect(samples.length, source).toBeGreaterThan(5);
      const texts = [...sentences, ...samples.map((s) => `Today ${s}, and ${sentences[Math.floor(rnd() * sentences.length)]}`), ...samples];
      for (const text of texts) {
        plain.lastIndex = 0;
        gated.lastIndex = 0;
        for (let k = 0; k < 4; k++) {
          const want = plain.exec(text);
          const got = gated.exec(text);
          if (JSON.stringify(got && [got.index, [...got]]) !== JSON.stringify(want && [want.index, [...want]]) || gated.lastIndex !== plain.lastIndex) {
            differences.push(`${p} on "${text}"`);
            break;
          }
          if (!want || !plain.global) break;
        }
        if (gated.test(text) !== plain.test(text)) differences.push(`test ${p} on "${text}"`);
      }
      // A global pattern left mid-text, then given a text without its words, starts again at 0.
      if (plain.global) {
        plain.lastIndex = 3;
        gated.lastIndex = 3;
        expect(gated.exec('nothing to see')).toBe(plain.exec('nothing to see'));
        expect(gated.lastIndex).toBe(plain.lastIndex);
      }
      expect(`x ${samples[0]} y`.replace(gated, '<$&>')).toBe(`x ${samples[0]} y`.replace(plain, '<$&>'));
    });
    expect(differences).toEqual([]);
  });
});

describe('jargon terms', () => {
  it('reports a bad term with its own pattern, as before', async () => {
    const { lint } = await import('./helpers.js');
    const result = lint('The cluster was fine.', { only: 'jargon', rules: { jargon: ['info', { terms: ['shard', 'a(b'] }] } });
    let expected = '';
    try {
      new RegExp('(?<![\\p{L}\\p{N}])(?:a(b)(?![\\p{L}\\p{N}])', 'giu');
    } catch (error) {
      expected = (error as Error).message;
    }
    expect(expected).not.toBe('');
    expect(result.fatal).toContain(expected);
  });
});

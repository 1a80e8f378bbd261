// The letter tests must answer as the property regexps they stand for, on every character.
import { describe, expect, it } from 'vitest';
import { hasLetter, hasLetterOrDigit, hasLetterRun, propertiesOf, startsCapitalised, startsWithLetter, startsWithUpper } from '../src/nlp/letters.js';

describe('letter tests', () => {
  it('give every code point the properties \\p{L}, \\p{N}, \\p{Lu} and \\p{Ll} give it', () => {
    const regexps = [/^\p{L}$/u, /^\p{N}$/u, /^\p{Lu}$/u, /^\p{Ll}$/u];
    const differing: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x30000 ? 1 : 97) {
      const ch = String.fromCodePoint(cp);
      const expected = regexps.reduce((bits, re, k) => bits | (re.test(ch) ? 1 << k : 0), 0);
      if (propertiesOf(cp) !== expected) differing.push(cp.toString(16));
    }
    expect(differing).toEqual([]);
  });

  it('answer as their regexps on texts in and outside Latin-1, astral characters and lone surrogates included', () => {
    const pieces = ['a', 'B', 'é', 'É', 'ß', 'µ', 'ª', '²', '½', '7', ' ', '.', '’', '—', '-', 'Ω', 'ω', 'Ж', '\u{1d400}', '\u{1f600}', '\ud800', '\udc00', '\u2071', '\u0345', 'ǅ', '', 'ab', 'x1'];
    let state = 11;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const tests: [string, (t: string) => boolean, RegExp][] = [
      ['hasLetterOrDigit', hasLetterOrDigit, /[\p{L}\p{N}]/u],
      ['hasLetter', hasLetter, /\p{L}/u],
      ['hasLetterRun 3', (t) => hasLetterRun(t, 3), /[\p{L}]{3,}/u],
      ['startsWithLetter', startsWithLetter, /^\p{L}/u],
      ['startsWithUpper', startsWithUpper, /^\p{Lu}/u],
      ['startsCapitalised', startsCapitalised, /^\p{Lu}\p{Ll}/u],
    ];
    for (let n = 0; n < 5000; n++) {
      const text = Array.from({ length: Math.floor(next() * 6) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      for (const [name, test, re] of tests) expect(test(text), `${name} ${JSON.stringify(text)}`).toBe(re.test(text));
    }
  });
});

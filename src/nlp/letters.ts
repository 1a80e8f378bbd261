// Letter and digit tests on words and sentences (\p{L}, \p{N}, \p{Lu}, \p{Ll}), by table for
// Latin-1 and general punctuation, which is nearly every character of a statement. A tiny regexp
// with a property escape costs V8 a character set built from ICU's tables at each of its parses
// (creation, then each compile): the nine such tests the shared detectors ran cost about 9M
// instructions at every start. Any other character is looked up with the property regexps
// themselves, made on first need, so every answer is the one the escape gives.
// tests/letters.test.ts checks the table and each test against the regexp it stands for.

const LETTER = 1;
const DIGIT = 2;
const UPPER = 4;
const LOWER = 8;

/** \p{L}, \p{N}, \p{Lu} and \p{Ll} of each Latin-1 character; general punctuation (U+2000–U+206F) has none. */
const LATIN1 = new Uint8Array(0x100);
const mark = (from: number, to: number, bits: number) => LATIN1.fill(bits, from, to + 1);
mark(0x30, 0x39, DIGIT);
mark(0x41, 0x5a, LETTER | UPPER);
mark(0x61, 0x7a, LETTER | LOWER);
mark(0xaa, 0xaa, LETTER);
mark(0xb2, 0xb3, DIGIT);
mark(0xb5, 0xb5, LETTER | LOWER);
mark(0xb9, 0xb9, DIGIT);
mark(0xba, 0xba, LETTER);
mark(0xbc, 0xbe, DIGIT);
mark(0xc0, 0xd6, LETTER | UPPER);
mark(0xd8, 0xde, LETTER | UPPER);
mark(0xdf, 0xf6, LETTER | LOWER);
mark(0xf8, 0xff, LETTER | LOWER);

let properties: [RegExp, RegExp, RegExp, RegExp] | undefined;

/** The property bits of a code point (a lone surrogate has none). */
export function propertiesOf(cp: number): number {
  if (cp < 0x100) return LATIN1[cp];
  if (cp >= 0x2000 && cp <= 0x206f) return 0;
  properties ??= [/^\p{L}$/u, /^\p{N}$/u, /^\p{Lu}$/u, /^\p{Ll}$/u];
  const ch = String.fromCodePoint(cp);
  return (properties[0].test(ch) ? LETTER : 0) | (properties[1].test(ch) ? DIGIT : 0) | (properties[2].test(ch) ? UPPER : 0) | (properties[3].test(ch) ? LOWER : 0);
}

/** The bits of the code point at `i` (0 past the end). */
function at(text: string, i: number): number {
  return i < text.length ? propertiesOf(text.codePointAt(i)!) : 0;
}

/** Code units of the code point at `i`. */
function width(text: string, i: number): number {
  return text.codePointAt(i)! > 0xffff ? 2 : 1;
}

/** /[\p{L}\p{N}]/u.test(text) */
export function hasLetterOrDigit(text: string): boolean {
  for (let i = 0; i < text.length; i += width(text, i)) if (at(text, i) & (LETTER | DIGIT)) return true;
  return false;
}

/** /\p{L}/u.test(text) */
export function hasLetter(text: string): boolean {
  for (let i = 0; i < text.length; i += width(text, i)) if (at(text, i) & LETTER) return true;
  return false;
}

/** /\p{L}{n,}/u.test(text): n letters in a row. */
export function hasLetterRun(text: string, n: number): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i += width(text, i)) {
    if (!(at(text, i) & LETTER)) run = 0;
    else if (++run >= n) return true;
  }
  return false;
}

/** /^\p{L}/u.test(text) */
export function startsWithLetter(text: string): boolean {
  return (at(text, 0) & LETTER) !== 0;
}

/** /^\p{Lu}/u.test(text) */
export function startsWithUpper(text: string): boolean {
  return (at(text, 0) & UPPER) !== 0;
}

/** /^\p{Lu}\p{Ll}/u.test(text): a capital, then a small letter. */
export function startsCapitalised(text: string): boolean {
  return (at(text, 0) & UPPER) !== 0 && text.length > 0 && (at(text, width(text, 0)) & LOWER) !== 0;
}

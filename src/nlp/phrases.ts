// Phrase lists are data (JSON beside the code, extendable by config); this compiles a list of
// patterns into one case-insensitive, word-bounded regular expression, once per list.

import { FragmentRegExp } from './prefilter.js';

const compiled = new WeakMap<readonly string[], FragmentRegExp>();
const compiledGlobal = new WeakMap<readonly string[], FragmentRegExp>();
/** By content too: a list built afresh from the same options ([...a, ...b]) is the same list. */
const byContent = new Map<string, FragmentRegExp>();
const WORD_CHAR = '[A-Za-z0-9\\u00C0-\\u024F]';
const BEFORE = `(?<!${WORD_CHAR})`;
const AFTER = `(?!${WORD_CHAR})`;

/**
 * Each entry is a regular-expression fragment ("caused by", "root[- ]cause"). The list is
 * compiled once (memoised by array identity), never per sentence. The RegExp runs only the
 * fragments whose words the text contains (see prefilter.ts); it matches as the whole
 * alternation would.
 */
export function phraseRegex(list: readonly string[]): RegExp {
  let re = compiled.get(list);
  if (!re) {
    const key = JSON.stringify(list);
    re = byContent.get(key);
    // Without the 'u' flag: V8 compiles and runs case-insensitive Unicode alternations several
    // times slower, and these lists are English. Word edges count Latin letters with accents.
    if (!re) byContent.set(key, (re = new FragmentRegExp(list, BEFORE, AFTER, 'i')));
    compiled.set(list, re);
  }
  return re;
}

export function globalPhraseRegex(list: readonly string[]): RegExp {
  let re = compiledGlobal.get(list);
  if (!re) compiledGlobal.set(list, (re = new FragmentRegExp(list, BEFORE, AFTER, 'i', true, phraseRegex(list) as FragmentRegExp)));
  re.lastIndex = 0;
  return re;
}

/**
 * Could a phrase of the list occur anywhere in `text`, in any stretch of it? It asks the literal
 * index (prefilter.ts) whether the text holds a word every match of some phrase must contain, so
 * unlike test() it holds for each part of the text alone too, whatever the phrases' lookarounds
 * read around them: a trigger may ask it before tagging finds the phrase a rule would test. A yes
 * may be wrong, a no never is.
 */
export function mayOccurIn(list: readonly string[], text: string): boolean {
  return (phraseRegex(list) as FragmentRegExp).candidates(text).length > 0;
}

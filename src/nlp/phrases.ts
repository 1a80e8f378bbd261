// Phrase lists are data (JSON beside the code, extendable by config); this compiles a list of
// patterns into one case-insensitive, word-bounded regular expression, once per list.

const compiled = new WeakMap<readonly string[], RegExp>();
const WORD_CHAR = '[A-Za-z0-9\\u00C0-\\u024F]';

/**
 * Each entry is a regular-expression fragment ("caused by", "root[- ]cause"). The list is
 * compiled once (memoised by array identity), never per sentence.
 */
export function phraseRegex(list: readonly string[]): RegExp {
  let re = compiled.get(list);
  if (!re) {
    const body = list.length ? list.map((p) => `(?:${p})`).join('|') : '(?!)';
    // Without the 'u' flag: V8 compiles and runs case-insensitive Unicode alternations several
    // times slower, and these lists are English. Word edges count Latin letters with accents.
    re = new RegExp(`(?<!${WORD_CHAR})(?:${body})(?!${WORD_CHAR})`, 'i');
    compiled.set(list, re);
  }
  return re;
}

export function globalPhraseRegex(list: readonly string[]): RegExp {
  const base = phraseRegex(list);
  let re = compiledGlobal.get(list);
  if (!re) compiledGlobal.set(list, (re = new RegExp(base.source, 'gi')));
  re.lastIndex = 0;
  return re;
}
const compiledGlobal = new WeakMap<readonly string[], RegExp>();

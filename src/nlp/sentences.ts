// Sentence boundaries in prose. A small scanner: Intl.Segmenter is correct but takes about
// 40 s on the 1.2 MB corpus, and compromise's splitter would force its start-up on every run.

import { hasLetterOrDigit } from './letters.js';

const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'vs', 'approx', 'est', 'mr', 'mrs', 'ms', 'dr', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr',
  'st', 'no', 'nos', 'fig', 'u.s', 'u.k', 'e.u', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'ca', 'cf', 'al', 'viz',
]);

export interface SentenceSpan {
  start: number;
  end: number;
}

// Character codes: the scanner reads code units, not one-character strings.
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const PERIOD = 46;
const OPEN_PAREN = 40;
/** What may follow a sentence's terminal punctuation before the space: more of it, closing quotes and brackets. */
const CLOSING = new Set(['.', '!', '?', '"', "'", '”', '’', ')', ']'].map((c) => c.charCodeAt(0)));

function isSpaceCode(code: number): boolean {
  return code === SPACE || code === LF || code === TAB || code === CR;
}

/** Splits prose into sentence spans (trimmed). Blank lines always end a sentence. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e > s && hasLetterOrDigit(text.slice(s, e))) spans.push({ start: s, end: e });
    start = end;
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    // CRLF files keep their "\r" in prose: a blank line is "\n\n" or "\n\r\n".
    if (code === LF) {
      // Reads stay within the text: an out-of-bounds read deoptimises the scanner.
      const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
      if (next === LF || (next === CR && i + 2 < n && text.charCodeAt(i + 2) === LF)) push(i);
      continue;
    }
    if (code !== PERIOD && code !== 33 /* ! */ && code !== 63 /* ? */) continue;
    // Take the whole run of terminal punctuation and any closing quotes or brackets.
    let j = i + 1;
    while (j < n && CLOSING.has(text.charCodeAt(j))) j++;
    if (j < n && !isSpaceCode(text.charCodeAt(j))) continue; // "v2.1", "example.com", "3.5%"
    if (code === PERIOD && j === i + 1) {
      // The word before the period: an abbreviation or an initial does not end a sentence.
      let w = i;
      while (w > start && !isSpaceCode(text.charCodeAt(w - 1)) && text.charCodeAt(w - 1) !== OPEN_PAREN) w--;
      const word = text.slice(w, i).toLowerCase();
      if (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word)) {
        // ... unless what follows clearly starts a new sentence.
        let k = j;
        while (k < n && isSpaceCode(text.charCodeAt(k))) k++;
        if (!/^(We|Our|The|This|I|You|It)\b/.test(text.slice(k, k + 5))) continue;
      }
    }
    let k = j;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c !== SPACE && c !== TAB && c !== CR) break;
      k++;
    }
    if (k >= n || text.charCodeAt(k) === LF || /[\p{Lu}\p{N}"'“‘(\[*_-]/u.test(text[k])) {
      push(j);
      i = j - 1;
    }
  }
  push(n);
  return spans;
}

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

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r';
}

/** Splits prose into sentence spans (trimmed). Blank lines always end a sentence. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s && hasLetterOrDigit(text.slice(s, e))) spans.push({ start: s, end: e });
    start = end;
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text[i];
    // CRLF files keep their "\r" in prose: a blank line is "\n\n" or "\n\r\n".
    if (ch === '\n' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      push(i);
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    // Take the whole run of terminal punctuation and any closing quotes or brackets.
    let j = i + 1;
    while (j < n && /[.!?"'”’)\]]/.test(text[j])) j++;
    if (j < n && !isSpace(text[j])) continue; // "v2.1", "example.com", "3.5%"
    if (ch === '.' && j === i + 1) {
      // The word before the period: an abbreviation or an initial does not end a sentence.
      let w = i;
      while (w > start && !isSpace(text[w - 1]) && text[w - 1] !== '(') w--;
      const word = text.slice(w, i).toLowerCase();
      if (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word)) {
        // ... unless what follows clearly starts a new sentence.
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

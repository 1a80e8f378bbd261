// Shared matchers: apology, cause, passive voice. Rules call these so that they agree with each
// other ("is there a cause?" means the same to missing-cause and unfulfilled-promise).

import { globalPhraseRegex, phraseRegex } from './phrases.js';
import apologyPhrases from './phrases/apology.json' with { type: 'json' };
import causePhrases from './phrases/cause.json' with { type: 'json' };

export const APOLOGY_PHRASES = apologyPhrases;
export const CAUSE_PHRASES = causePhrases;

export interface Span {
  start: number;
  end: number;
}

const NEGATION_BEFORE = /\b(?:not|never|no|n't|nor)\b[\w\s']{0,12}$|n't\s*$/i;

export interface ApologyMatch extends Span {
  /** True for "we are not sorry", "we won't apologise". */
  negated: boolean;
  /** The text after the apology word, up to the end of the sentence. */
  rest: string;
}

/** Finds the first apology word in a sentence. */
export function findApology(text: string, words: readonly string[] = apologyPhrases.apology): ApologyMatch | undefined {
  const m = phraseRegex(words).exec(text);
  if (!m) return undefined;
  const before = text.slice(Math.max(0, m.index - 30), m.index);
  return { start: m.index, end: m.index + m[0].length, negated: NEGATION_BEFORE.test(before), rest: text.slice(m.index + m[0].length) };
}

export function isApology(text: string, words?: readonly string[]): boolean {
  const m = findApology(text, words);
  return !!m && !m.negated;
}

/** The first span that gives a cause or working theory, ignoring "we are working to find the cause". */
export function findCause(
  text: string,
  markers: readonly string[] = causePhrases.markers,
  notCause: readonly string[] = causePhrases.notCause,
): Span | undefined {
  const excluded: Span[] = [];
  const neg = globalPhraseRegex(notCause);
  for (let m = neg.exec(text); m; m = neg.exec(text)) excluded.push({ start: m.index, end: m.index + m[0].length });
  const re = globalPhraseRegex(markers);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (!excluded.some((e) => span.start < e.end && span.end > e.start)) return span;
  }
  return undefined;
}

// Passive voice has its own module; re-exported for the rules that import it from here.
export { findPassives, isNegatedPassive, mayHavePassive, passiveSubject, PASSIVE_PHRASES, PARTICIPLE_ENDING, type PassiveMatch } from './passive.js';

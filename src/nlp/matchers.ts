// Shared matchers: cause (apology and passive voice live in apology.ts and passive.ts and are
// re-exported here). Rules call these so that they agree with each other ("is there a cause?"
// means the same to missing-cause and unfulfilled-promise).

import { globalPhraseRegex } from './phrases.js';
import causePhrases from './phrases/cause.json' with { type: 'json' };

export const CAUSE_PHRASES = causePhrases;

export interface Span {
  start: number;
  end: number;
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

// Apology and passive voice have their own modules; re-exported for the rules that import it from here.
export { APOLOGY_PHRASES, isApology, readApology, type Apology } from './apology.js';
export { findPassives, isNegatedPassive, mayHavePassive, passiveSubject, PASSIVE_PHRASES, PARTICIPLE_ENDING, type PassiveMatch } from './passive.js';

// Hedges: words that shrink a problem ("some users may see slight delays") or mark a claim as an
// estimate ("we expect it fixed within the hour"). minimizing counts the first kind and
// false-certainty lets the second kind pass, so both read hedges the same way.

import type { Analysis, Term } from './analysis.js';
import type { Span } from './matchers.js';
import { globalPhraseRegex, phraseRegex } from './phrases.js';
import hedgePhrases from './phrases/hedges.json' with { type: 'json' };

export const HEDGE_PHRASES = hedgePhrases;

export interface Hedge extends Span {
  text: string;
}

/** A unit of time after "some"/"a few" makes a duration ("a few minutes"), not a hedge on impact. */
const TIME_UNIT = /^(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|time|point|stage)$/i;
const MODALS = /^(?:may|might|could)$/i;

/** Cheap count of hedge words in a text, before any tagging. */
export function countHedgeWords(text: string, list: readonly string[] = hedgePhrases.impact): number {
  const re = globalPhraseRegex(list);
  let n = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) n++;
  return n;
}

function termAt(terms: readonly Term[], at: number): number {
  return terms.findIndex((t) => t.start <= at && at < t.end);
}

/**
 * Hedges on impact in a sentence, checked with the tagger: "may" must be a modal (not the month),
 * "some"/"a few" must not open a duration ("a few minutes"), and a negated hedge ("not a minor
 * issue") does not count.
 */
export function findImpactHedges(text: string, analysis: Analysis, list: readonly string[] = hedgePhrases.impact): Hedge[] {
  const re = globalPhraseRegex(list);
  const terms = analysis.terms;
  const found: Hedge[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const first = termAt(terms, start);
    if (first < 0) continue;
    const term = terms[first];
    const lastIndex = termAt(terms, end - 1);
    const next = terms[(lastIndex < 0 ? first : lastIndex) + 1];
    if (MODALS.test(m[0])) {
      if (!term.tags.has('Modal') || term.tags.has('Date')) continue;
      // "could not sign in" states a failure; it does not hedge one.
      if (next && (next.normal === 'not' || next.tags.has('Negative'))) continue;
    }
    if (/^(?:some|a few)$/i.test(m[0]) && next && (TIME_UNIT.test(next.normal) || next.tags.has('Duration'))) continue;
    const before = terms[first - 1];
    if (before && (before.normal === 'not' || before.tags.has('Negative'))) continue;
    found.push({ start, end, text: m[0] });
  }
  return found;
}

/** Is the claim marked as an estimate ("we expect", "should", "about 30 minutes")? */
export function isEstimate(text: string, list: readonly string[] = hedgePhrases.estimate): boolean {
  return phraseRegex(list).test(text);
}

// Does a text say what will stop the incident happening again? Shared by missing-prevention and
// any rule that asks what happens next after a resolution (hollow-resolution), so they agree.

import type { Span } from './matchers.js';
import { phraseRegex } from './phrases.js';
import preventionPhrases from './phrases/prevention.json' with { type: 'json' };

export const PREVENTION_PHRASES = preventionPhrases;

/**
 * The first span that talks about preventing a recurrence: a recurrence phrase ("to prevent
 * this", "going forward", "lessons learned") or a concrete preventive change ("we have added an
 * automated sign-in test", "added a review step").
 */
export function findPrevention(
  text: string,
  markers: readonly string[] = preventionPhrases.markers,
  changes: readonly string[] = preventionPhrases.changes,
): Span | undefined {
  for (const list of [markers, changes]) {
    const m = phraseRegex(list).exec(text);
    if (m) return { start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

/**
 * Follow-up work announced once the incident is over: "we are working to improve…", "we will
 * add…". Only meaningful in a resolution or post-mortem (mid-incident the same words describe the
 * fix), and not when the work is only updates, monitoring or recovery ("we will continue to
 * monitor", "we are processing the backlog").
 */
export function findFollowUp(
  text: string,
  followUps: readonly string[] = preventionPhrases.followUps,
  notFollowUp: readonly string[] = preventionPhrases.notFollowUp,
): Span | undefined {
  const m = phraseRegex(followUps).exec(text);
  if (!m) return undefined;
  const end = m.index + m[0].length;
  // What the work is: the next few words ("working with our provider to restore service").
  const next = text.slice(end).split(/[,;:.]/)[0].split(/\s+/).slice(0, 7).join(' ');
  if (phraseRegex(notFollowUp).test(next)) return undefined;
  return { start: m.index, end };
}

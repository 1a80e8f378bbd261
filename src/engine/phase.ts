// Phase inference for statements whose input does not say the phase. Patterns look for the
// completed forms ("has been resolved", "we deployed a fix"), not the words alone, so "until
// this is resolved" does not close an incident.

import type { Phase } from './model.js';

const PATTERNS: [Phase, RegExp][] = [
  ['completed', /\bmaintenance (?:has been|is|was) (?:now )?(?:completed?|finished|done)\b|\bcompleted (?:the|our) (?:scheduled |planned )?maintenance\b/i],
  ['in_progress', /\bmaintenance (?:is|has) (?:now |currently )?(?:in progress|underway|started|begun)\b/i],
  ['scheduled', /\b(?:scheduled|planned) maintenance\b|\bmaintenance window\b|\bwill (?:be )?(?:perform|carry out|conduct)(?:ing)? (?:\w+ ){0,2}maintenance\b/i],
  ['postmortem', /\b(?:this|our) (?:post-?mortem|incident report|retrospective|root cause analysis)\b|^\s*(?:post-?mortem|incident report)\b/i],
  // The lookahead names the first word of every alternative: at most places it fails at once, before
  // the costly lookbehind is tried (the same matches; the lookbehind ran at every position before).
  ['resolved', /(?=\b(?:has|have|had|is|are|was|were|we|back|operating|fully|no|incident)\b)(?<!\b(?:until|once|when|after|before|if|unless|as soon as)\b(?:\s+\w+){0,4}\s+)(?:\b(?:has|have|had) been (?:fully |now |completely )?(?:resolved|fixed|mitigated|restored)\b|\b(?:is|are|was|were) (?:now |fully )?resolved\b|\bwe (?:have )?(?:fully )?resolved\b|\bback to normal\b|\boperating normally\b|\bfully (?:restored|recovered|operational)\b|\bno longer (?:experiencing|seeing|impacted|affected)\b|\bincident is (?:now )?(?:closed|over)\b)/i],
  ['monitoring', /\bmonitoring\b|\b(?:fix|mitigation|change) (?:has been|was) (?:deployed|implemented|applied|rolled out)\b|\bwe (?:have )?(?:deployed|implemented|applied|rolled out|shipped) (?:a |the )?(?:fix|mitigation)\b|\bseeing (?:signs of )?recovery\b|\brecovering\b/i],
  ['identified', /\b(?:identified|found|determined|isolated) the (?:root )?(?:cause|issue|problem|source)\b|\b(?:has|have) been identified\b|\bwe (?:have )?identified\b|\b(?:cause|issue|problem) (?:has been|was|is) (?:identified|found|known)\b|\bworking on (?:a |the )?fix\b|\bcaused by\b/i],
];

const MAINTENANCE = /\b(?:scheduled|planned|routine|emergency)(?: [\w-]+){0,2} maintenance\b|\bmaintenance (?:window|notice)\b|^\s*maintenance\b/i;

export function isMaintenanceText(text: string): boolean {
  return MAINTENANCE.test(text);
}

/**
 * True when the text itself says the problem is over ("Git Operations is operating normally",
 * "we have resolved the issue"), whatever phase its heading carried over.
 */
export function readsAsResolved(text: string): boolean {
  return PATTERNS.some(([phase, pattern]) => (phase === 'resolved' || phase === 'completed') && pattern.test(text));
}

/** Infers a statement's phase from its text; the title helps for post-mortems. */
export function inferPhase(text: string, title: string | undefined, previous: Phase | undefined): Phase {
  if (title && /\b(?:post-?mortem|incident report|retrospective|root cause analysis)\b/i.test(title)) return 'postmortem';
  for (const [phase, pattern] of PATTERNS) if (pattern.test(text)) return phase;
  return previous ?? 'investigating';
}

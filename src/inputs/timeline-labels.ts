// Recognises the labels that open a statement in a timeline: a heading such as
// "## Investigating (2024-03-01T14:05:00Z)" or "## 2024-03-01 14:05 UTC — Update", or a pasted
// line holding only a date and/or time with an optional phase word ("12:10 pm PT:",
// "Resolved - Aug 21, 00:37 UTC", "Update: April 18, 2022").

import type { Phase } from '../engine/model.js';
import { findDateParts, resolveDate, type DateParts } from '../nlp/time.js';
import { parsePhase } from './frontmatter.js';

const PHASE_WORD = /\b(investigating|identified|monitoring|verifying|resolved|post[- ]?mortem|scheduled|in[ _]progress|completed|update[ds]?)\b/i;
// What may stand around the phase and the date without making the line prose.
const FILLER = /^[\s\-–—:|,.()[\]/*_#>·•]*(?:(?:at|on|of|update|updated)\b[\s\-–—:|,.()[\]/*_#>·•]*)*$/i;

export interface TimelineLabel {
  phase?: Phase | 'update';
  parts?: DateParts;
}

/**
 * Reads a heading or a line as a timeline label. Headings may carry only a phase word; plain
 * lines must carry a date or a time.
 */
export function parseTimelineLabel(raw: string, kind: 'heading' | 'line'): TimelineLabel | undefined {
  const text = raw.replace(/[*_`]/g, ' ');
  if (kind === 'line' && (text.length > 64 || !/\d/.test(text))) return undefined;
  const found = findDateParts(text);
  let rest = text;
  if (found) for (const [s, e] of found.spans) rest = rest.slice(0, s) + ' '.repeat(e - s) + rest.slice(e);
  const phaseMatch = PHASE_WORD.exec(rest);
  if (phaseMatch) rest = rest.slice(0, phaseMatch.index) + ' '.repeat(phaseMatch[0].length) + rest.slice(phaseMatch.index + phaseMatch[0].length);
  if (!FILLER.test(rest)) return undefined;
  if (!found && (kind === 'line' || !phaseMatch)) return undefined;
  return { phase: phaseMatch ? parsePhase(phaseMatch[1]) : undefined, parts: found?.parts };
}

/**
 * Resolves label times: a time without a date takes the date of the nearest dated label, else
 * the fallback (front matter); a month and day without a year take the nearest year.
 */
export function resolveLabelTimes(labels: (DateParts | undefined)[], fallback?: Date): (Date | undefined)[] {
  const nearest = (i: number, has: (p: DateParts) => boolean): DateParts | undefined => {
    for (let d = 1; d < labels.length; d++) {
      for (const j of [i - d, i + d]) {
        const p = labels[j];
        if (p && has(p)) return p;
      }
    }
    return undefined;
  };
  return labels.map((parts, i) => {
    if (!parts) return undefined;
    const year = parts.year ?? nearest(i, (p) => p.year !== undefined)?.year ?? fallback?.getUTCFullYear();
    if (parts.month !== undefined && parts.day !== undefined) return resolveDate({ ...parts, year });
    const dated = nearest(i, (p) => p.month !== undefined && p.day !== undefined);
    const date = dated ? resolveDate({ ...dated, year: dated.year ?? year, hour: 0, minute: 0, second: 0, offset: 0, usZone: undefined }) : fallback;
    return resolveDate(parts, { date, year });
  });
}

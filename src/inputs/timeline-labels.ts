// Recognises the labels that open a statement in a timeline: a heading such as
// "## Investigating (2024-03-01T14:05:00Z)" or "## 2024-03-01 14:05 UTC — Update", or a pasted
// line holding only a date and/or time with an optional phase word ("12:10 pm PT:",
// "Resolved - Aug 21, 00:37 UTC", "Update: April 18, 2022").

import type { Phase } from '../engine/model.js';
import { findDateParts, resolveDate, type DateParts } from '../nlp/time.js';
import { parsePhase } from './frontmatter.js';

const PHASE_WORD = /\b(investigating|identified|monitoring|verifying|resolved|post[- ]?mortem|scheduled|in[ _]progress|completed|update[ds]?|closing|closed|final|fixed)\b/i;
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
  // Every line of every paragraph comes here; most hold no digit, and normalising keeps that.
  if (kind === 'line' && !/\d/.test(raw)) return undefined;
  const text = normaliseZones(raw.replace(/[*_`]/g, ' '));
  if (kind === 'line' && (text.length > 64 || !/\d/.test(text))) return undefined;
  const found = findDateParts(text);
  let rest = text;
  if (found) for (const [s, e] of found.spans) rest = rest.slice(0, s) + ' '.repeat(e - s) + rest.slice(e);
  const phaseMatch = PHASE_WORD.exec(rest);
  if (phaseMatch) rest = rest.slice(0, phaseMatch.index) + ' '.repeat(phaseMatch[0].length) + rest.slice(phaseMatch.index + phaseMatch[0].length);
  if (!FILLER.test(rest)) return undefined;
  if (!found && (kind === 'line' || !phaseMatch)) return undefined;
  return { phase: phaseMatch ? labelPhase(phaseMatch[1]) : undefined, parts: found?.parts };
}

/** A label word's phase: the closing words pages use ("[Closing]", "Final", "Fixed") close the incident. */
function labelPhase(word: string): Phase | 'update' | undefined {
  if (/^(?:closing|closed|final|fixed)$/i.test(word)) return 'resolved';
  return parsePhase(word);
}

/** A free-worded label's phase: "[Final Message]", "*Closing note*" close; "[Initial report]" opens. */
function wordsPhase(words: string): TimelineLabel {
  if (/\b(?:final|closing|closed|resolved|fixed|all clear)\b/i.test(words)) return { phase: 'resolved' };
  if (/\b(?:initial|first report|investigating)\b/i.test(words)) return { phase: 'investigating' };
  return {};
}

/** "GMT+1", "UTC-05:00" as the numeric offsets the time reader knows ("+01:00"). */
function normaliseZones(text: string): string {
  return text.replace(/\b(?:GMT|UTC)\s*([+-])(\d{1,2})(?::?(\d{2}))?(?![\d:])/gi, (_, sign: string, h: string, m?: string) => `${sign}${h.padStart(2, '0')}:${m ?? '00'}`);
}

export interface LeadingLabel {
  /** Characters of the line the label takes, with the separator and spaces after it. */
  length: number;
  label: TimelineLabel;
  /** The label's words, without markup or separator ("Update 09:50"). */
  text: string;
}

const LEAD_MARKUP = /^[ \t]*(?:[*_]{1,3}(?=\S))?/;
/** What ends a label written before the update's text on the same line. */
const SEPARATOR_AFTER = /^[*_]{0,3}[ \t]*(?:[-–—:][ \t]*)?/;

/**
 * The label a line opens with, as status pages write them before an update's text:
 * `[Update]`, `[Closing] -`, `*Resolved* -`, `**Update 09:50:**`, `_Rebooting:_`, `Update on 10:15:00:`,
 * `Investigating -`, or a line holding only a time stamp or phase ("12:11 GMT+1", "Resolved").
 * A bracketed or emphasised label may be any few words; a plain one must read as a phase
 * and/or a time (parseTimelineLabel), so prose such as "At 6:48 GMT, all workloads restarted"
 * or "Note: ..." is never taken for one.
 */
export function findLeadingLabel(line: string): LeadingLabel | undefined {
  const lead = LEAD_MARKUP.exec(line)![0];
  const marked = /[*_]/.test(lead);
  const body = line.slice(lead.length);
  const bracket = /^\[([^\]\n]{1,48})\](?![([:])/.exec(body);
  if (bracket) {
    const words = bracket[1].trim();
    const after = SEPARATOR_AFTER.exec(body.slice(bracket[0].length))!;
    if (!words || /[.!?]$/.test(words) || !/[\p{L}\d]/u.test(words)) return undefined;
    const length = lead.length + bracket[0].length + after[0].length;
    return { length, label: parseTimelineLabel(words, 'heading') ?? wordsPhase(words), text: words };
  }
  // The label's end: the close of its emphasis, or a separator, within the first 64 characters.
  const ends: number[] = [];
  // Where a label may end: its closing emphasis, a dash between spaces, a colon, the line's end.
  const sep = marked ? /[*_]{1,3}(?=[ \t]|$)|[ \t]+[-–—][ \t]|:(?=[ \t*_]|$)|[ \t]*$/g : /[ \t]+[-–—][ \t]|:(?=[ \t]|$)|[ \t]*$/g;
  for (let m = sep.exec(body); m && m.index <= 64; m = sep.exec(body)) {
    ends.push(m.index);
    if (m[0] === '') sep.lastIndex++;
  }
  // The longest reading wins: "**January 17, 2024 - 23:45 UTC**" is one label, not a date and text.
  let best: LeadingLabel | undefined;
  for (const end of ends) {
    const raw = body.slice(0, end);
    const words = raw.replace(/[*_]+/g, '').replace(/:$/, '').trim();
    if (!words || words.length > 48) continue;
    const rest = body.slice(end);
    // What follows the label's words: its closing emphasis and separator, in either order.
    const after = /^[*_]{0,3}[ \t]*(?:[-–—:](?=[ \t*_]|$)[*_]{0,3})?[ \t]*/.exec(rest)![0];
    const closed = /[*_]/.test(after);
    const whole = rest.slice(after.length).trim() === '';
    const separated = /[-–—:]/.test(after) || raw.trim().endsWith(':') || whole || (marked && closed);
    if (!separated) continue;
    const label = parseTimelineLabel(words, 'heading');
    // An emphasised label may be any few words ("Just began", "Rebooting"), not a sentence.
    const emphasised = marked && closed && !/[.!?]$/.test(words) && words.length <= 40;
    if (!label && !emphasised) continue;
    best = { length: lead.length + end + after.length, label: label ?? wordsPhase(words), text: words };
  }
  return best;
}

type Day = { year: number; month: number; day: number };
const HOUR = 3_600_000;

function dayOf(date: Date): Day {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth(), day: date.getUTCDate() };
}

function nextDay(d: Day, by: number): Day {
  return dayOf(new Date(Date.UTC(d.year, d.month, d.day + by)));
}

/**
 * Which way the labels run: by their full dates when two differ, else by their times of day
 * (mostly falling down the page = newest first), else the format's habit (`newestFirstHint`).
 */
export function labelsRunNewestFirst(labels: (DateParts | undefined)[], full: (Date | undefined)[], newestFirstHint = false): boolean {
  const dated = full.filter((d): d is Date => !!d);
  if (dated.length >= 2 && dated[0].getTime() !== dated[dated.length - 1].getTime()) return dated[0].getTime() > dated[dated.length - 1].getTime();
  const minutes = labels.filter((p): p is DateParts => p?.hour !== undefined).map((p) => p.hour! * 60 + (p.minute ?? 0) - (p.offset ?? 0));
  let up = 0;
  let down = 0;
  for (let i = 1; i < minutes.length; i++) {
    if (minutes[i] > minutes[i - 1]) up++;
    else if (minutes[i] < minutes[i - 1]) down++;
  }
  return up === down ? newestFirstHint : down > up;
}

/**
 * Resolves label times. A month and day without a year take the nearest year (else the
 * fallback's). A time without a date is read in the order the updates happened: it takes the
 * day of the update before it, or the day after when the clock went back past midnight
 * ("23:45" then "00:10"); with no dated update before it, the fallback's day (front matter),
 * else the day of the next dated update.
 */
export function resolveLabelTimes(labels: (DateParts | undefined)[], fallback?: Date, newestFirstHint = false): (Date | undefined)[] {
  const nearestYear = (i: number): number | undefined => {
    for (let d = 1; d < labels.length; d++) {
      for (const j of [i - d, i + d]) if (labels[j]?.year !== undefined) return labels[j]!.year;
    }
    return fallback?.getUTCFullYear();
  };
  const hasDay = (p: DateParts | undefined): p is DateParts => p?.month !== undefined && p?.day !== undefined;
  const full = labels.map((p, i) => (hasDay(p) ? resolveDate({ ...p, year: p.year ?? nearestYear(i) }) : undefined));
  const newestFirst = labelsRunNewestFirst(labels, full, newestFirstHint);
  const order = labels.map((_, i) => i);
  if (newestFirst) order.reverse();

  const out: (Date | undefined)[] = [...full];
  let day: Day | undefined = fallback ? dayOf(fallback) : undefined;
  let previous: Date | undefined;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const parts = labels[i];
    if (!parts) continue;
    if (full[i]) {
      const year = parts.year ?? nearestYear(i);
      if (year !== undefined) day = { year, month: parts.month!, day: parts.day! };
      previous = full[i];
      continue;
    }
    if (parts.hour === undefined) continue;
    let base = day;
    let lookahead = false;
    if (!base) {
      const next = order.slice(k + 1).find((j) => full[j]);
      if (next === undefined) continue;
      base = dayOf(full[next]!);
      lookahead = true;
    }
    let date = resolveDate({ ...parts, ...base });
    if (!date) continue;
    if (previous && previous.getTime() - date.getTime() > 6 * HOUR) {
      base = nextDay(base, 1);
      date = resolveDate({ ...parts, ...base })!;
    } else if (lookahead) {
      const next = full[order.slice(k + 1).find((j) => full[j])!]!;
      if (date.getTime() - next.getTime() > 6 * HOUR) {
        base = nextDay(base, -1);
        date = resolveDate({ ...parts, ...base })!;
      }
    }
    out[i] = date;
    day = base;
    previous = date;
  }
  return out;
}

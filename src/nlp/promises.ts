// Promises made to readers: a next update at a time ("next update in 30 minutes", "within the
// hour", "by 14:30 UTC"), or more details, a root cause or a post-mortem later. Shared by
// unfulfilled-promise, vague-promise and missing-next-update so they agree.

import { phraseRegex } from './phrases.js';
import promisePhrases from './phrases/promises.json' with { type: 'json' };
import { durationMinutes, findDateParts, resolveDate } from './time.js';
import type { Span } from './matchers.js';

export const PROMISE_PHRASES = promisePhrases;

export interface UpdatePromise extends Span {
  /** When the next update is due, when it can be worked out. */
  due?: Date;
  /** The promised interval in minutes, for relative promises and cadences. */
  minutes?: number;
  /** The time as written ("30 minutes", "14:30 UTC"). */
  said: string;
  /** A standing cadence ("every 30 minutes", "hourly") rather than a one-off time. */
  cadence?: boolean;
}

const AMOUNT = '(\\d+(?:\\.\\d+)?|an?|one|two|three|four|five|six|ten|fifteen|twenty|thirty|forty-five|half an|a couple of|a few)';
const UNIT = '(minutes?|mins?|hours?|hrs?|h|days?)';
const APPROX = '(?:about |around |approximately |roughly |another |the next |~\\s?)?';
const RELATIVE = new RegExp(`\\b(?:in|within|after)\\s+${APPROX}${AMOUNT}\\s*${UNIT}\\b`, 'i');
const EVERY = new RegExp(`\\bevery\\s+${APPROX}${AMOUNT}?\\s*${UNIT}\\b`, 'i');
const THE_HOUR = /\b(?:within|in) (?:the )?(?:next )?(?:hour|half[- ]hour|half an hour|quarter(?:[- ]of[- ]an)?[- ]hour)\b|\bhourly\b/i;
// "Next update: 14:30 UTC" is common on status pages, so a colon after the cue introduces a time too.
const CLOCK = /\b(?:by|at|around|before|no later than|:)\s+((?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?|\d{1,2}:\d{2})(?:\s*\(?[A-Z]{1,5}\)?)?(?:\s+on\s+\w+)?)/i;

/** The update-promise cue: the sentence must be about an update, not about a fix's timing. */
export function hasUpdateCue(text: string, cues: readonly string[] = promisePhrases.updateCues): boolean {
  return phraseRegex(cues).test(text);
}

/**
 * Finds a promise of the next update with a time or cadence. `published` is the statement's
 * time, which relative promises count from.
 */
export function findUpdatePromise(text: string, published: Date | undefined, cues?: readonly string[]): UpdatePromise | undefined {
  const cue = phraseRegex(cues ?? promisePhrases.updateCues).exec(text);
  if (!cue) return undefined;
  const tail = text.slice(cue.index);
  const at = (m: RegExpExecArray) => ({ start: cue.index, end: cue.index + m.index + m[0].length });
  // "another update within an hour if we see improvements" promises nothing when nothing improves.
  const conditional = (m: RegExpExecArray) => /^\s*,?\s*(?:if|unless|should|once|when)\b/i.test(tail.slice(m.index + m[0].length));
  const relative = RELATIVE.exec(tail);
  let m = relative ?? EVERY.exec(tail);
  if (m && conditional(m)) return undefined;
  if (m) {
    const minutes = durationMinutes(m[1] ?? '1', m[2]);
    if (minutes !== undefined) {
      return { ...at(m), minutes, due: published ? new Date(published.getTime() + minutes * 60_000) : undefined, said: m[0], cadence: !relative };
    }
  }
  m = THE_HOUR.exec(tail);
  if (m && conditional(m)) return undefined;
  if (m) {
    const minutes = /half/i.test(m[0]) ? 30 : /quarter/i.test(m[0]) ? 15 : 60;
    return { ...at(m), minutes, due: published ? new Date(published.getTime() + minutes * 60_000) : undefined, said: m[0], cadence: /hourly/i.test(m[0]) };
  }
  m = CLOCK.exec(tail);
  if (m) {
    const parts = findDateParts(m[1]);
    if (parts && parts.parts.hour !== undefined) {
      let due = published ? resolveDate(parts.parts, { date: published }) : undefined;
      // "by 09:00" written at 23:30 means tomorrow morning.
      if (due && published && due.getTime() < published.getTime() - 60_000) due = new Date(due.getTime() + 86_400_000);
      const minutes = due && published ? Math.round((due.getTime() - published.getTime()) / 60_000) : undefined;
      return { ...at(m), due, minutes, said: m[1].trim() };
    }
  }
  return undefined;
}

export type DetailsKind = 'details' | 'cause' | 'postmortem';

export interface DetailsPromise extends Span {
  kind: DetailsKind;
}

/** Finds a promise of more details, a root cause or a post-mortem later. */
export function findDetailsPromise(text: string, phrases = promisePhrases): DetailsPromise | undefined {
  const promise = phraseRegex(phrases.detailsPromises).exec(text);
  if (!promise) return undefined;
  const said = promise[0];
  return { start: promise.index, end: promise.index + said.length, kind: reportKind(said, phrases) ?? 'details' };
}

/** A promise of a post-mortem or a root cause, by its words; undefined for anything else. */
function reportKind(said: string, phrases: typeof promisePhrases): 'postmortem' | 'cause' | undefined {
  if (phraseRegex(phrases.postmortemWords).test(said)) return 'postmortem';
  if (phraseRegex(phrases.causeWords).test(said)) return 'cause';
  return undefined;
}

/** A place or time that makes a promise of more information concrete. */
export function hasConcreteTimeOrChannel(
  text: string,
  channels: readonly string[] = promisePhrases.channels,
  concreteTimes: readonly string[] = promisePhrases.concreteTimes,
): boolean {
  return hasConcreteTime(text, concreteTimes) || phraseRegex(channels).test(text);
}

/** A time that says when: a clock time, a date, a duration, a cadence or a named day. */
export function hasConcreteTime(text: string, concreteTimes: readonly string[] = promisePhrases.concreteTimes): boolean {
  return (
    RELATIVE.test(text) ||
    EVERY.test(text) ||
    THE_HOUR.test(text) ||
    CLOCK.test(text) ||
    phraseRegex(concreteTimes).test(text) ||
    !!findDateParts(text)
  );
}

export type InfoPromiseKind = 'update' | DetailsKind;

export interface InfoPromise extends Span {
  /** 'update' for another status update; otherwise what kind of details were promised. */
  kind: InfoPromiseKind;
}

/**
 * Finds a promise of more information or another update, with or without a time ("updates to
 * follow", "we will share more details as they become available", "next update by 14:30 UTC").
 * Whether it says when or where is for the caller to judge.
 */
export function findInfoPromise(
  text: string,
  infoPromises: readonly string[] = promisePhrases.infoPromises,
  phrases = promisePhrases,
): InfoPromise | undefined {
  const details = findDetailsPromise(text, phrases);
  const info = phraseRegex(infoPromises).exec(text);
  if (details && (!info || details.start <= info.index)) return details;
  if (!info) return undefined;
  const said = info[0];
  // "we will share more details" is a details promise even when matched by the general list.
  const kind: InfoPromiseKind = reportKind(said, phrases) ?? (/\bupdat/i.test(said) ? 'update' : 'details');
  return { start: info.index, end: info.index + said.length, kind };
}

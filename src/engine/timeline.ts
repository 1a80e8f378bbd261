// Helpers over an incident timeline that several rules need, so that D/T rules report on the
// same statement: the first one, or the resolution (else the newest).

import { CLOSED_PHASES, type Incident, type ParsedFile, type Phase, type Statement } from './model.js';

/** Incident phases in which readers are still waiting for news. */
export const UNRESOLVED_PHASES: ReadonlySet<Phase> = new Set<Phase>(['investigating', 'identified', 'monitoring']);

/** Where a D/T rule reports: the first statement, or the last resolution (else the newest). */
export function reportTarget(incident: Incident, where: 'first' | 'resolution'): Statement {
  const statements = incident.statements;
  if (where === 'first') return statements[0];
  for (let i = statements.length - 1; i >= 0; i--) if (CLOSED_PHASES.has(statements[i].phase)) return statements[i];
  return statements[statements.length - 1];
}

/** Minutes between two dates. */
export function minutesBetween(a: Date, b: Date): number {
  return (b.getTime() - a.getTime()) / 60_000;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** The ISO date of a date in years 0-9999 ("2024-02-10"), as toISOString() writes it; undefined otherwise. */
function isoDay(date: Date): string | undefined {
  const year = date.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) return undefined;
  return `${String(year).padStart(4, '0')}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/** "14:30 UTC" for messages (with the date when it differs from the reference). */
export function formatTime(date: Date, reference?: Date): string {
  // The date parts without toISOString(), which costs about a microsecond a call; dates it writes
  // otherwise (six-digit years) or rejects (invalid) take the original path.
  const day = isoDay(date);
  const referenceDay = reference && isoDay(reference);
  if (day === undefined || (reference && referenceDay === undefined)) {
    const iso = date.toISOString();
    const time = `${iso.slice(11, 16)} UTC`;
    return reference && reference.toISOString().slice(0, 10) === iso.slice(0, 10) ? time : `${iso.slice(0, 10)} ${time}`;
  }
  const time = `${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())} UTC`;
  return reference && referenceDay === day ? time : `${day} ${time}`;
}

/** True when the incident is over: a closed phase, or resolved metadata. */
export function isClosed(incident: Incident): boolean {
  const last = incident.statements[incident.statements.length - 1];
  return (last && CLOSED_PHASES.has(last.phase)) || !!incident.meta.resolved;
}

/** "45 minutes", "2 hours 10 minutes", "2 days 3 hours" for messages. */
export function formatDuration(minutes: number): string {
  const total = Math.round(minutes);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (total < 60) return plural(total, 'minute');
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  // Past a week the hours are noise.
  if (days > 0) return hours && days < 7 ? `${plural(days, 'day')} ${plural(hours, 'hour')}` : plural(days, 'day');
  return mins ? `${plural(hours, 'hour')} ${plural(mins, 'minute')}` : plural(hours, 'hour');
}

/** When the incident started: the `started` metadata, else its first dated statement. */
export function incidentStart(incident: Incident): Date | undefined {
  return incident.meta.started ?? incident.statements.find((s) => s.time)?.time;
}

/** The newest statement time anywhere in the file: a staleness reference besides `--now`. */
export function newestStatementTime(file: ParsedFile): Date | undefined {
  let newest: Date | undefined;
  for (const incident of file.incidents)
    for (const s of incident.statements) if (s.time && (!newest || s.time.getTime() > newest.getTime())) newest = s.time;
  return newest;
}

/** A threshold option (minutes, hours, a count) must be a positive number; say so plainly if not. */
export function positiveOption(value: unknown, name: string): number {
  if (typeof value !== 'number' || !(value > 0)) throw new Error(`option "${name}" must be a positive number, not ${JSON.stringify(value)}`);
  return value;
}

/**
 * The statements readers saw as live updates, oldest first. When some statements are dated, an
 * undated one is a title or a summary written afterwards (pasted timelines), so it is left out.
 */
export function liveUpdates(incident: Incident): Statement[] {
  const dated = incident.statements.filter((s) => s.time);
  return dated.length > 0 ? dated : incident.statements;
}

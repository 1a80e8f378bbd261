// Helpers over an incident timeline that several rules need, so that D/T rules report on the
// same statement: the first one, or the resolution (else the newest).

import { CLOSED_PHASES, type Incident, type Statement } from './model.js';

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

/** "14:30 UTC" for messages (with the date when it differs from the reference). */
export function formatTime(date: Date, reference?: Date): string {
  const iso = date.toISOString();
  const time = `${iso.slice(11, 16)} UTC`;
  return reference && reference.toISOString().slice(0, 10) === iso.slice(0, 10) ? time : `${iso.slice(0, 10)} ${time}`;
}

/** True when the incident is over: a closed phase, or resolved metadata. */
export function isClosed(incident: Incident): boolean {
  const last = incident.statements[incident.statements.length - 1];
  return (last && CLOSED_PHASES.has(last.phase)) || !!incident.meta.resolved;
}

// incident.io status pages: the Status Page API's incidents (`{ "status_page_incidents": [...] }`
// from the list endpoint, `{ "status_page_incident": {...} }` from the show endpoint), each with
// `updates[]` of `message`, `incident_status` and `published_at`; and the Widget API's
// `ongoing_incidents`, `in_progress_maintenances` and `scheduled_maintenances`, which carry only
// the last update's message. The model orders updates by their times, whichever way they come.

import { assembleIncident, type RawStatement } from '../engine/document.js';
import type { Impact, Incident, IncidentMeta, SourceFile } from '../engine/model.js';
import { InputError } from './errors.js';
import { parsePhase } from './frontmatter.js';
import { ProseBuilder } from './prose.js';
import { addJsonBody, date, isObject, parseJsonSource, StringLocator, text } from './statuspage-json.js';
import type { InputFormat } from './types.js';

type Json = Record<string, unknown>;

/** incident.io's component statuses in Statuspage's impact words, worst last. */
const COMPONENT_IMPACT: [string, Impact][] = [
  ['under_maintenance', 'maintenance'],
  ['degraded_performance', 'minor'],
  ['partial_outage', 'major'],
  ['full_outage', 'critical'],
];

function worstImpact(statuses: unknown[]): Impact | undefined {
  let worst = -1;
  for (const s of statuses) {
    const status = isObject(s) ? (s.component_status ?? s.status) : s;
    const i = COMPONENT_IMPACT.findIndex(([name]) => name === status);
    if (i > worst) worst = i;
  }
  return worst === -1 ? undefined : COMPONENT_IMPACT[worst][1];
}

const WIDGET_LISTS = ['ongoing_incidents', 'in_progress_maintenances', 'scheduled_maintenances'] as const;

function incidentsOf(data: unknown): { incident: Json; path: string; widget?: (typeof WIDGET_LISTS)[number] }[] {
  if (!isObject(data)) throw new InputError('not an incident.io status page file: expected a JSON object');
  const out: { incident: Json; path: string; widget?: (typeof WIDGET_LISTS)[number] }[] = [];
  const take = (list: unknown, path: string, widget?: (typeof WIDGET_LISTS)[number]) => {
    if (!Array.isArray(list)) throw new InputError(`not an incident.io status page file: "${path}" is not a list`);
    list.forEach((incident, i) => {
      if (!isObject(incident)) throw new InputError(`${path}[${i}] is not an object`);
      out.push({ incident, path: `${path}[${i}]`, widget });
    });
  };
  if ('status_page_incidents' in data) take(data.status_page_incidents, 'status_page_incidents');
  else if (isObject(data.status_page_incident)) out.push({ incident: data.status_page_incident, path: 'status_page_incident' });
  else if (WIDGET_LISTS.some((k) => k in data)) for (const key of WIDGET_LISTS) if (key in data) take(data[key], key, key);
  else throw new InputError('not an incident.io status page file: expected "status_page_incidents", "status_page_incident" or the widget lists');
  return out;
}

function readIncident(incident: Json, path: string, index: number, locator: StringLocator, widget: string | undefined): Incident | undefined {
  const meta: IncidentMeta = { extra: {} };
  meta.title = text(incident.name, `${path}.name`);
  if (incident.id !== undefined) meta.extra.id = incident.id;
  const status = text(incident.status, `${path}.status`);
  if (status) meta.extra.status = status;
  const impacts = Array.isArray(incident.component_impacts) ? incident.component_impacts : [];
  meta.impact = worstImpact(impacts) ?? (typeof incident.current_worst_impact === 'string' ? worstImpact([incident.current_worst_impact]) : undefined);
  if (widget && widget !== 'ongoing_incidents') {
    meta.impact = 'maintenance';
    meta.plannedHint = true;
  }
  const components = Array.isArray(incident.affected_components) ? incident.affected_components : [];
  const names = components.flatMap((c) => (isObject(c) && typeof c.name === 'string' ? [c.name] : []));
  if (names.length) meta.affected = names;
  meta.started = date(incident.published_at, `${path}.published_at`) ?? date(incident.starts_at, `${path}.starts_at`);

  const raws: RawStatement[] = [];
  if (Array.isArray(incident.updates)) {
    incident.updates.forEach((update, i) => {
      const at = `${path}.updates[${i}]`;
      if (!isObject(update)) throw new InputError(`${at} is not an object`);
      const message = text(update.message, `${at}.message`) ?? '';
      const state = text(update.incident_status, `${at}.incident_status`)?.trim();
      const prose = new ProseBuilder();
      addJsonBody(prose, message, locator.find('message', message));
      raws.push({ label: state, phase: state ? parsePhase(state) : undefined, time: date(update.published_at, `${at}.published_at`), prose });
    });
  } else if (typeof incident.last_update_message === 'string') {
    // The widget carries only the newest update.
    const message = incident.last_update_message;
    const prose = new ProseBuilder();
    addJsonBody(prose, message, locator.find('last_update_message', message));
    const phase = status ? parsePhase(status) : undefined;
    raws.push({ label: status, phase, time: date(incident.last_update_at, `${path}.last_update_at`), prose });
  }
  if (raws.length === 0) return undefined;
  if (status === 'resolved') meta.resolved = raws.map((r) => r.time).filter((t): t is Date => !!t).sort((a, b) => b.getTime() - a.getTime())[0] ?? true;
  return assembleIncident(index, meta, raws, { isTimeline: true });
}

export function parseIncidentIo(source: SourceFile): { incidents: Incident[]; directives: [] } {
  const data = parseJsonSource(source);
  const locator = new StringLocator(source.text);
  const incidents: Incident[] = [];
  for (const { incident, path, widget } of incidentsOf(data)) {
    const read = readIncident(incident, path, incidents.length, locator, widget);
    if (read) incidents.push(read);
  }
  return { incidents, directives: [] };
}

/** Cheap content test: the keys only incident.io's status page APIs write. */
export function looksLikeIncidentIo(text: string): boolean {
  const head = text.slice(0, 65_536);
  return /^\s*\{/.test(head) && (/"status_page_incidents?"\s*:/.test(head) || (/"incident_status"\s*:/.test(head) && /"published_at"\s*:/.test(head)) || /"in_progress_maintenances"\s*:/.test(head));
}

export const incidentIoFormat: InputFormat = {
  name: 'incident-io',
  extensions: ['.json'],
  detect: (text) => looksLikeIncidentIo(text),
  parse: parseIncidentIo,
};

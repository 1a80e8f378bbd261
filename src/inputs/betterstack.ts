// Better Stack status pages: the public `index.json` of a status page, a JSON:API document whose
// `included` list holds the `status_report`s (title, report_type, starts_at, ends_at,
// aggregate_state), their `status_update`s (message, published_at, affected_resources with a
// status each) and the `status_page_resource`s they affect; or the Uptime API's status-report
// responses in the same JSON:API shape.

import { assembleIncident, type RawStatement } from '../engine/document.js';
import type { Impact, Incident, IncidentMeta, SourceFile } from '../engine/model.js';
import { InputError } from './errors.js';
import { ProseBuilder } from './prose.js';
import { addJsonBody, date, isObject, parseJsonSource, StringLocator, text } from './statuspage-json.js';
import type { InputFormat } from './types.js';

type Json = Record<string, unknown>;
type Resource = { id: string; type: string; attributes: Json; relationships: Json };

/** A report's aggregate state in Statuspage's impact words. */
const STATE_IMPACT: Record<string, Impact> = { downtime: 'critical', degraded: 'minor', maintenance: 'maintenance', operational: 'none' };

function resources(data: unknown): Resource[] {
  if (!isObject(data)) throw new InputError('not a Better Stack status page file: expected a JSON object');
  const all: unknown[] = [];
  if (Array.isArray(data.data)) all.push(...data.data);
  else if (data.data !== undefined) all.push(data.data);
  if (Array.isArray(data.included)) all.push(...data.included);
  return all.flatMap((r) =>
    isObject(r) && typeof r.type === 'string' && (typeof r.id === 'string' || typeof r.id === 'number')
      ? [{ id: String(r.id), type: r.type, attributes: isObject(r.attributes) ? r.attributes : {}, relationships: isObject(r.relationships) ? r.relationships : {} }]
      : [],
  );
}

const related = (r: Resource, name: string): string[] => {
  const rel = r.relationships[name];
  const data = isObject(rel) ? rel.data : undefined;
  return Array.isArray(data) ? data.flatMap((d) => (isObject(d) && d.id !== undefined ? [String(d.id)] : [])) : [];
};

/** "resolved" when every resource the update names is back; otherwise the update says no phase. */
function updatePhase(update: Resource): 'resolved' | undefined {
  const affected = update.attributes.affected_resources;
  if (!Array.isArray(affected) || affected.length === 0) return undefined;
  return affected.every((a) => isObject(a) && (a.status === 'resolved' || a.status === 'operational')) ? 'resolved' : undefined;
}

export function parseBetterStack(source: SourceFile): { incidents: Incident[]; directives: [] } {
  const data = parseJsonSource(source);
  const all = resources(data);
  const reports = all.filter((r) => r.type === 'status_report');
  if (reports.length === 0 && !all.some((r) => r.type === 'status_page')) {
    throw new InputError('not a Better Stack status page file: no "status_report" or "status_page" in "data" or "included"');
  }
  const updates = new Map(all.filter((r) => r.type === 'status_update').map((u) => [u.id, u]));
  const names = new Map(all.filter((r) => r.type === 'status_page_resource').map((r) => [r.id, text(r.attributes.public_name, 'public_name') ?? '']));
  const locator = new StringLocator(source.text);
  const incidents: Incident[] = [];
  for (const report of reports) {
    const path = `status_report ${report.id}`;
    const a = report.attributes;
    const meta: IncidentMeta = { extra: { id: report.id } };
    meta.title = text(a.title, `${path}: title`);
    const type = text(a.report_type, `${path}: report_type`);
    const state = text(a.aggregate_state, `${path}: aggregate_state`)?.toLowerCase();
    if (state && state in STATE_IMPACT) meta.impact = STATE_IMPACT[state];
    if (type === 'maintenance') {
      meta.impact = 'maintenance';
      meta.plannedHint = true;
    }
    meta.started = date(a.starts_at, `${path}: starts_at`);
    const ends = date(a.ends_at, `${path}: ends_at`);
    // Updates: those the report names, else those that name the report.
    let own = related(report, 'status_updates').flatMap((id) => updates.get(id) ?? []);
    if (own.length === 0) own = [...updates.values()].filter((u) => String(u.attributes.status_report_id) === report.id);
    const affected = new Set<string>();
    const raws: RawStatement[] = own.map((u) => {
      const message = text(u.attributes.message, `status_update ${u.id}: message`) ?? '';
      const prose = new ProseBuilder();
      addJsonBody(prose, message, locator.find('message', message));
      for (const r of Array.isArray(u.attributes.affected_resources) ? u.attributes.affected_resources : []) {
        const name = isObject(r) ? names.get(String(r.status_page_resource_id)) : undefined;
        if (name) affected.add(name);
      }
      const phase = updatePhase(u);
      return { label: phase, phase, time: date(u.attributes.published_at, `status_update ${u.id}: published_at`), prose };
    });
    if (affected.size) meta.affected = [...affected];
    if (raws.length === 0) continue;
    const closing = raws.filter((r) => r.phase === 'resolved' && r.time).map((r) => r.time!);
    if (closing.length) meta.resolved = closing.sort((x, y) => y.getTime() - x.getTime())[0];
    else if (ends && type !== 'maintenance') meta.resolved = ends;
    if (type === 'maintenance' && ends) meta.extra.ends_at = ends.toISOString();
    incidents.push(assembleIncident(incidents.length, meta, raws, { isTimeline: true }));
  }
  return { incidents, directives: [] };
}

/** Cheap content test: a JSON:API document with Better Stack's status-page resource types. */
export function looksLikeBetterStack(text: string): boolean {
  const head = text.slice(0, 65_536);
  return /^\s*\{/.test(head) && /"type"\s*:\s*"(?:status_page|status_report|status_update)"/.test(head);
}

export const betterStackFormat: InputFormat = {
  name: 'betterstack',
  extensions: ['.json'],
  detect: (text) => looksLikeBetterStack(text),
  parse: parseBetterStack,
};

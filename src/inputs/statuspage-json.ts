// Statuspage JSON (FORMATS.md item 3): `/api/v2/incidents.json`, `/api/v2/summary.json` or one
// `{ "incident": ... }`. Each incident is a timeline; its updates come newest first and become
// statements oldest first. Bodies are plain text, located in the file so findings point at them.

import { DomUtils, ElementType, parseDocument } from 'htmlparser2';
import { assembleIncident, type RawStatement } from '../engine/document.js';
import type { Impact, Incident, IncidentMeta, Phase, SourceFile } from '../engine/model.js';
import { positionOf } from '../engine/model.js';
import { toDate } from '../nlp/time.js';
import { InputError } from './errors.js';
import { parsePhase } from './frontmatter.js';
import { ProseBuilder } from './prose.js';
import type { InputFormat } from './types.js';

const IMPACTS: readonly Impact[] = ['none', 'minor', 'major', 'critical', 'maintenance'];
type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const endOfInput = (message: string) => /end of JSON input/.test(message);

/**
 * Where JSON.parse failed, when its message does not say (V8 quotes the text around an
 * unexpected token instead): a prefix that is fine so far fails only at its very end ("end of
 * input", "unterminated string at position <its length>"), so the shortest prefix that fails
 * before its end ends at the error. JSON.parse stays the judge.
 */
function errorOffset(text: string): number {
  const failsBeforeEnd = (length: number) => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const at = /at position (\d+)/.exec(message);
      return at ? Number(at[1]) < length : !endOfInput(message);
    }
  };
  let fine = 0;
  let failing = text.length;
  while (failing - fine > 1) {
    const mid = (fine + failing) >> 1;
    if (failsBeforeEnd(mid)) failing = mid;
    else fine = mid;
  }
  return failing - 1;
}

/** The file's JSON value; a parse error becomes one line naming where and what (malformedJson). */
export function parseJsonSource(source: SourceFile): unknown {
  try {
    return JSON.parse(source.text);
  } catch (error) {
    throw malformedJson(error, source);
  }
}

/** Turns V8's JSON.parse message into "line L, column C: what is wrong". */
export function malformedJson(error: unknown, source: SourceFile): InputError {
  const raw = error instanceof Error ? error.message : String(error);
  let where: string;
  if (endOfInput(raw)) where = ` at line ${source.lineStarts.length} (the file ends too early)`;
  else {
    const at = /at position (\d+)/.exec(raw);
    const { line, column } = positionOf(source, at ? Number(at[1]) : errorOffset(source.text));
    where = ` at line ${line}, column ${column}`;
  }
  const what = raw
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ after JSON at position \d+.*$/s, ' after the JSON value')
    .replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, '')
    .replace(/^Unexpected end of JSON input$/, 'unexpected end of input');
  return new InputError(`malformed JSON${where}: ${what}`);
}

/** The incidents of a Statuspage document, with the JSON path of each for error messages. */
function incidentsOf(data: unknown): { incident: unknown; path: string }[] {
  if (isObject(data)) {
    if (Array.isArray(data.incidents)) return data.incidents.map((incident, i) => ({ incident, path: `incidents[${i}]` }));
    if ('incidents' in data) throw new InputError('not a Statuspage incidents file: "incidents" is not a list');
    if (isObject(data.incident)) return [{ incident: data.incident, path: 'incident' }];
    if ('incident' in data) throw new InputError('not a Statuspage incidents file: "incident" is not an object');
    // The management API returns the incident object itself.
    if (Array.isArray(data.incident_updates)) return [{ incident: data, path: '(top level)' }];
  }
  throw new InputError('not a Statuspage incidents file: expected an object with "incidents" (a list) or "incident" (an object)');
}

export function text(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new InputError(`${path} is not text`);
  return value;
}

export function date(value: unknown, path: string): Date | undefined {
  const raw = text(value, path);
  if (raw === undefined || raw === '') return undefined;
  const parsed = toDate(raw);
  if (!parsed) throw new InputError(`${path} "${raw}" is not a date and time`);
  return parsed;
}

/**
 * Finds where each update body stands in the file. Bodies appear in file order, so a cursor walks
 * forward through the `"body": "..."` keys; a key whose string decodes to the body is the one.
 */
export class StringLocator {
  private cursor = 0;
  private readonly keyPatterns = new Map<string, RegExp>();
  constructor(private readonly fileText: string) {}

  /** Offset and raw text (with quotes) of the string value of `key` that decodes to `value`. */
  find(key: string, value: string): { start: number; raw: string } | undefined {
    return this.search(key, value, this.cursor) ?? this.search(key, value, 0);
  }

  private search(key: string, value: string, from: number): { start: number; raw: string } | undefined {
    let pattern = this.keyPatterns.get(key);
    if (!pattern) this.keyPatterns.set(key, (pattern = new RegExp(`"${key}"\\s*:\\s*"`, 'g')));
    pattern.lastIndex = from;
    for (let m = pattern.exec(this.fileText); m; m = pattern.exec(this.fileText)) {
      const start = m.index + m[0].length - 1;
      const end = this.stringEnd(start);
      if (end === -1) return undefined;
      const raw = this.fileText.slice(start, end);
      // Cheap check first: most bodies have no escapes, so the raw text is the value.
      if (raw.length === value.length + 2 ? raw.slice(1, -1) === value : JSON.parse(raw) === value) {
        this.cursor = end;
        return { start, raw };
      }
    }
    return undefined;
  }

  /** Offset just past the closing quote of the string that opens at `start`. */
  private stringEnd(start: number): number {
    const t = this.fileText;
    for (let i = start + 1; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) return i + 1;
    }
    return -1;
  }
}

/** Where a URL may stand in a body: an escape inside one (`\/`) would cut it in two. */
const URL_LIKE = /\b(?:https?:\/\/|www\.)\S+/g;

/**
 * Adds a body to the prose, each piece between escapes mapped exactly onto the file and each
 * escape onto its backslash. A body with an escape inside a URL is added whole, pointing at its
 * string, so the URL stays one link.
 */
export function addJsonString(prose: ProseBuilder, value: string, located: { start: number; raw: string } | undefined): void {
  if (!located) {
    prose.add(value, 0, false);
    return;
  }
  const { start, raw } = located;
  const pieces: { text: string; at: number }[] = [];
  const escapesAt: number[] = []; // offsets of the escapes in the decoded value
  let from = 1;
  let decoded = 0;
  for (const m of raw.matchAll(/\\(?:u[0-9a-fA-F]{4}|.)/g)) {
    if (m.index > from) pieces.push({ text: raw.slice(from, m.index), at: start + from });
    decoded += m.index - from;
    const char: string = JSON.parse(`"${m[0]}"`);
    escapesAt.push(decoded);
    pieces.push({ text: char === '\r' ? '' : char, at: start + m.index });
    decoded += char.length;
    from = m.index + m[0].length;
  }
  pieces.push({ text: raw.slice(from, raw.length - 1), at: start + from });
  const urls = [...value.matchAll(URL_LIKE)].map((m) => [m.index, m.index + m[0].length]);
  if (escapesAt.some((e) => urls.some(([s, t]) => e >= s && e < t))) {
    prose.add(value.replace(/\r/g, ''), start + 1, false);
    return;
  }
  for (const piece of pieces) prose.add(piece.text, piece.at);
}

const HTML_TAG = /<\/?(?:p|br|ul|ol|li|div|span|strong|em|b|i|a|h[1-6]|code|pre|blockquote|table|tr|td)\b[^>]*>/i;
const HTML_BLOCKS = new Set(['p', 'div', 'li', 'ul', 'ol', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'pre']);
const HTML_NOT_PROSE = new Set(['code', 'pre', 'script', 'style', 'img']);
type HtmlNode = ReturnType<typeof parseDocument>['children'][number];
type HtmlElement = ReturnType<typeof DomUtils.getElementsByTagName>[number];

/**
 * Adds an update body: plain text as it stands, or, when the body is HTML (some operators post
 * `<p>` paragraphs and `<ul>` lists), its text only, each block a paragraph of its own and each
 * list item a block, so no tag reaches the rules. Text found verbatim in the file keeps its
 * position; the rest points at the body.
 */
export function addJsonBody(prose: ProseBuilder, value: string, located: { start: number; raw: string } | undefined): void {
  if (!HTML_TAG.test(value)) {
    addJsonString(prose, value, located);
    return;
  }
  let cursor = 0;
  const add = (text: string) => {
    const at = located ? located.raw.indexOf(text, cursor) : -1;
    if (at !== -1) {
      prose.add(text, located!.start + at);
      cursor = at + text.length;
    } else prose.add(text, located ? located.start + 1 + cursor : 0, false);
  };
  const walk = (nodes: HtmlNode[]) => {
    for (const node of nodes) {
      if (node.type === ElementType.Text) {
        if (node.data.trim()) add(node.data);
        continue;
      }
      if (!ElementType.isTag(node)) continue;
      const element = node as HtmlElement;
      const name = element.name.toLowerCase();
      if (name === 'br') prose.addSeparator('\n');
      else if (HTML_NOT_PROSE.has(name)) prose.addSeparator(' ');
      else {
        const href = name === 'a' ? DomUtils.getAttributeValue(element, 'href') : undefined;
        if (href && DomUtils.textContent(element).trim() !== href) prose.addLink(href);
        walk(element.children as HtmlNode[]);
      }
      if (HTML_BLOCKS.has(name)) prose.endBlock();
    }
  };
  walk(parseDocument(value).children);
}

/** Statuspage's scheduled-maintenance fields: a maintenance, whatever its updates say. */
const SCHEDULED_KEYS = ['scheduled_for', 'scheduled_until'] as const;

function readIncident(incident: unknown, path: string, index: number, locator: StringLocator): Incident | undefined {
  if (!isObject(incident)) throw new InputError(`${path} is not an object`);
  const updates = incident.incident_updates;
  if (!Array.isArray(updates)) throw new InputError(`${path} has no "incident_updates" list`);
  const meta: IncidentMeta = { extra: {} };
  meta.title = text(incident.name, `${path}.name`);
  const impact = text(incident.impact, `${path}.impact`);
  if (impact && (IMPACTS as readonly string[]).includes(impact)) meta.impact = impact as Impact;
  else if (impact) meta.extra.impact = impact;
  meta.started = date(incident.started_at, `${path}.started_at`) ?? date(incident.created_at, `${path}.created_at`);
  meta.resolved = date(incident.resolved_at, `${path}.resolved_at`);
  if (Array.isArray(incident.components)) {
    const names = incident.components.flatMap((c) => (isObject(c) && typeof c.name === 'string' ? [c.name] : []));
    if (names.length) meta.affected = names;
  }
  for (const key of ['id', 'status', 'shortlink'] as const) if (incident[key] !== undefined && incident[key] !== null) meta.extra[key] = incident[key];
  const scheduled = SCHEDULED_KEYS.map((key) => date(incident[key], `${path}.${key}`));
  if (scheduled.some(Boolean)) {
    // A planned window: it starts when it was scheduled for, and its notices are maintenance.
    meta.impact = 'maintenance';
    meta.plannedHint = true;
    meta.extra.scheduled_for = scheduled[0]?.toISOString();
    meta.extra.scheduled_until = scheduled[1]?.toISOString();
  }

  // Bodies are located in file order (newest first), then statements are built oldest first.
  const located = updates.map((update, i) => {
    if (!isObject(update)) throw new InputError(`${path}.incident_updates[${i}] is not an object`);
    const body = text(update.body, `${path}.incident_updates[${i}].body`) ?? '';
    return { update, body, at: locator.find('body', body) };
  });
  const raws: RawStatement[] = [];
  let previous: string | undefined;
  for (let i = updates.length - 1; i >= 0; i--) {
    const { update, body, at: where } = located[i];
    const at = `${path}.incident_updates[${i}]`;
    const status = text(update.status, `${at}.status`)?.trim();
    let phase: Phase | 'update' | undefined = status ? parsePhase(status) : undefined;
    // Statuspage shows an update whose status did not change as "Update"; reading it the same
    // way gives the model its page, history feed and Markdown rendering give.
    if (phase && phase !== 'update' && status === previous) phase = 'update';
    previous = status;
    const prose = new ProseBuilder();
    addJsonBody(prose, body, where);
    raws.push({ label: status, phase, time: date(update.display_at, `${at}.display_at`) ?? date(update.created_at, `${at}.created_at`), prose });
  }
  // The management API also carries the post-mortem, published after the last update.
  const postmortem = text(incident.postmortem_body, `${path}.postmortem_body`);
  if (postmortem?.trim()) {
    const prose = new ProseBuilder();
    addJsonBody(prose, postmortem, locator.find('postmortem_body', postmortem));
    raws.push({ label: 'postmortem', phase: 'postmortem', time: date(incident.postmortem_published_at, `${path}.postmortem_published_at`), prose });
  }
  // An incident without updates has no words to lint.
  if (raws.length === 0) return undefined;
  return assembleIncident(index, meta, raws, { isTimeline: true });
}

export function parseStatuspageJson(source: SourceFile): { incidents: Incident[]; directives: [] } {
  const data = parseJsonSource(source);
  const locator = new StringLocator(source.text);
  const incidents: Incident[] = [];
  for (const { incident, path } of incidentsOf(data)) {
    const read = readIncident(incident, path, incidents.length, locator);
    if (read) incidents.push(read);
  }
  return { incidents, directives: [] };
}

/** Cheap content test: a JSON object that names Statuspage's incident keys near its start. */
export function looksLikeStatuspageJson(text: string): boolean {
  return /^\s*\{\s*("|\})/.test(text) && /"(?:incidents|incident|incident_updates)"\s*:/.test(text.slice(0, 65_536));
}

export const statuspageJsonFormat: InputFormat = {
  name: 'statuspage-json',
  extensions: ['.json'],
  // A .json file is read as Statuspage JSON whatever it holds, so a wrong one gets a clear error.
  detect: (text, path) => path.toLowerCase().endsWith('.json') || looksLikeStatuspageJson(text),
  parse: parseStatuspageJson,
};

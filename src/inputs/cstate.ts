// cState issues (FORMATS.md item 5): the Hugo status-page theme keeps each incident in
// content/issues/*.md, with front matter (title, date, resolved, resolvedWhen, severity,
// affected, section: issue, informational) and updates newest first as paragraphs such as
//   *Monitoring* - We believe the cause is an ISP issue. {{< track "2018-05-25 04:40:00" >}}
// The Markdown reader does the rest; this file says how cState differs from a plain draft.

import type { Paragraph } from 'mdast';
import type { Impact, IncidentMeta, SourceFile } from '../engine/model.js';
import { isMaintenanceText } from '../engine/phase.js';
import { findDateParts, toDate, type DateParts } from '../nlp/time.js';
import { didYouMean } from '../engine/did-you-mean.js';
import { InputError } from './errors.js';
import { parseMarkdown, type MarkdownDialect, type ParagraphLabel, type ParagraphReading } from './markdown.js';
import { findLeadingLabel } from './timeline-labels.js';
import type { InputFormat } from './types.js';

/**
 * cState's three severities (down, disrupted, notice) and the words people write instead, in
 * Statuspage's impact words. `disrupted` is a partial disruption (minor), not a major outage;
 * `notice` is cState's informational level, which also hints at planned work.
 */
const SEVERITY_IMPACT: Record<string, Impact> = {
  down: 'critical', outage: 'critical', 'major outage': 'critical', offline: 'critical', critical: 'critical', major: 'major',
  disrupted: 'minor', disruption: 'minor', degraded: 'minor', degradation: 'minor', 'partial outage': 'minor', partial: 'minor', minor: 'minor', performance: 'minor',
  notice: 'minor', info: 'minor', informational: 'minor',
  maintenance: 'maintenance', planned: 'maintenance', scheduled: 'maintenance',
};
const CSTATE_SEVERITIES = ['down', 'disrupted', 'notice'];
/** Words that say where an incident stands, not how bad it is: written in `severity` by mistake. */
const STATUS_WORDS = /^(?:operational|ok|up|normal|monitoring|observing|investigating|identified|resolved|fixed|closed|open|none)$/;

/** Hugo shortcodes (with the spaces before them) are template calls, not prose; `track` dates the update it ends. */
const SHORTCODE = /[ \t]*\{\{[<%]\s*([\w/-]+)([^]*?)\s*[>%]\}\}/g;

function frontMatterBlock(text: string): string | undefined {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return undefined;
  const close = /^---[ \t]*$/m.exec(text.slice(open[0].length));
  return close ? text.slice(open[0].length, open[0].length + close.index) : undefined;
}

/** content/issues/*.md, but not Hugo's list page (_index.md). */
function isIssuePath(path: string): boolean {
  return /(?:^|[\\/])content[\\/]issues[\\/](?!_index\.)[^\\/]+$/i.test(path);
}

/** Front-matter keys that only cState issues carry (Hugo keys are case-insensitive). */
export function looksLikeCstate(text: string): boolean {
  const block = frontMatterBlock(text);
  return !!block && (/^section\s*:\s*["']?issue["']?\s*$/im.test(block) || /^(?:resolvedWhen|severity)\s*:/im.test(block));
}

/** YAML 1.1 booleans people still write (`resolved: yes`); YAML 1.2 reads them as strings. */
function yamlBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const word = String(value ?? '').trim().toLowerCase();
  if (/^(?:true|yes|y|on)$/.test(word)) return true;
  if (/^(?:false|no|n|off)$/.test(word)) return false;
  return undefined;
}

/** Reads a `severity` value: cState's words, common synonyms, typos; a warning for the rest. */
function readSeverity(raw: unknown, meta: IncidentMeta, warn: (message: string) => void): void {
  const written = String(raw).trim();
  const severity = written.toLowerCase().replace(/[\s_-]+/g, ' ');
  if (!severity) return;
  meta.severity = written;
  let key: string | undefined = Object.hasOwn(SEVERITY_IMPACT, severity) ? severity : undefined;
  if (!key && !STATUS_WORDS.test(severity)) {
    const near = CSTATE_SEVERITIES.filter((c) => didYouMean(severity, [c]) !== '');
    if (near.length === 1) {
      key = near[0];
      warn(`front matter: severity "${written}" is not one of ${CSTATE_SEVERITIES.join(', ')}; read as "${key}"`);
    }
  }
  if (!key) {
    const why = STATUS_WORDS.test(severity) ? 'says where the incident stands, not how bad it is' : `is not one of ${CSTATE_SEVERITIES.join(', ')}`;
    warn(`front matter: severity "${written}" ${why}; the file is linted without a severity`);
    return;
  }
  meta.impact = SEVERITY_IMPACT[key];
  if (key === 'notice' || key === 'info' || key === 'informational') meta.plannedHint = true;
}

function cstateMeta(data: Record<string, unknown>, warn: (message: string) => void = () => {}): IncidentMeta {
  const meta: IncidentMeta = { extra: {} };
  const keys = new Map(Object.entries(data).map(([k, v]) => [k.toLowerCase(), v]));
  const known = new Set(['title', 'date', 'resolved', 'resolvedwhen', 'severity', 'affected']);
  for (const [key, value] of Object.entries(data)) if (!known.has(key.toLowerCase())) meta.extra[key] = value;
  const present = (key: string) => keys.get(key) !== undefined && keys.get(key) !== null && String(keys.get(key)).trim() !== '';
  const dateOf = (key: string): Date | undefined => {
    if (!present(key)) return undefined;
    const value = keys.get(key);
    const date = toDate(typeof value === 'string' ? value.trim() : value);
    if (!date) throw new InputError(`front matter: ${key === 'resolvedwhen' ? 'resolvedWhen' : key} "${String(value)}" is not a date and time (cState uses e.g. 2024-03-01 14:05:00)`);
    return date;
  };

  if (present('title')) meta.title = String(keys.get('title')).trim();
  // `date` is when the issue began, and the publication date undated text falls back on.
  meta.started = dateOf('date');
  meta.published = meta.started;
  const resolvedWhen = dateOf('resolvedwhen');
  const resolved = present('resolved') ? yamlBoolean(keys.get('resolved')) : undefined;
  if (resolved === true) meta.resolved = resolvedWhen ?? true;
  else if (resolved === false) meta.resolved = false;
  else if (present('resolved')) warn(`front matter: resolved "${String(keys.get('resolved'))}" is not true or false; the file is linted as not marked resolved`);

  if (present('severity')) readSeverity(keys.get('severity'), meta, warn);
  // An informational post is a notice, not an outage.
  if (yamlBoolean(keys.get('informational')) === true) {
    meta.impact = 'none';
    meta.plannedHint = true;
  }
  // cState has no maintenance flag: a notice says so in its title ("Maintenance Window",
  // "Database maintenance"); its text is checked when the incident is built.
  if (meta.title && (isMaintenanceText(meta.title) || (/\bmaintenance\b/i.test(meta.title) && !/\b(?:after|post|following)[\s-]+maintenance\b/i.test(meta.title)))) {
    meta.impact = 'maintenance';
  }
  const affected = keys.get('affected');
  if (Array.isArray(affected)) {
    const names = affected.filter((a) => a !== null && a !== undefined && String(a).trim() !== '').map((a) => String(a).trim());
    if (names.length) meta.affected = names;
  } else if (present('affected')) meta.affected = [String(affected).trim()];
  return meta;
}

/** A title or block reduced to its words, without a leading phase ("Resolved - vela down" -> "vela down"). */
function titleWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/^[\s*_#>[]*(?:resolved|investigating|identified|monitoring|update|closed|fixed)\b[\s\]*_]*[-–—:]?/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Reads a paragraph: the labels its lines open with ("*Resolved* -", "[Update]", "12:11 GMT+1"),
 * its `track` time stamp and other shortcodes, and whether it only repeats the page's title.
 */
function readParagraph(node: Paragraph, source: string, page: { title?: string }): ParagraphReading | undefined {
  const start = node.position!.start.offset!;
  const raw = source.slice(start, node.position!.end.offset!);
  if (page.title && titleWords(raw.replace(SHORTCODE, '')) === titleWords(page.title) && titleWords(page.title) !== '') {
    return { labels: [], skip: [], drop: true };
  }
  const skip: [number, number][] = [];
  let stamp: DateParts | undefined;
  for (const m of raw.matchAll(SHORTCODE)) {
    skip.push([start + m.index!, start + m.index! + m[0].length]);
    const time = m[1] === 'track' ? /"([^"]+)"/.exec(m[2])?.[1] : undefined;
    if (time && !stamp) stamp = findDateParts(time)?.parts;
  }
  const labels: ParagraphLabel[] = [];
  let lineStart = 0;
  for (const line of raw.split('\n')) {
    const found = findLeadingLabel(line);
    if (found) {
      // A label alone on its line takes the newline too, so the statement starts clean.
      const length = found.length >= line.length ? line.length + 1 : found.length;
      labels.push({ start: start + lineStart, end: start + lineStart + length, label: found.label, text: found.text });
    }
    lineStart += line.length + 1;
  }
  if (!labels.length && !stamp && skip.length === 0) return undefined;
  return { labels, stamp, skip };
}

const cstateDialect: MarkdownDialect = { meta: cstateMeta, paragraph: readParagraph, newestFirst: true, published: true };

export function parseCstate(source: SourceFile) {
  const head = source.text.trimStart();
  if (head.startsWith('+++')) throw new InputError('cState issue with TOML front matter (+++): crisislint reads YAML front matter (---)');
  if (frontMatterBlock(source.text) === undefined) {
    throw new InputError('cState issue without front matter: it must start with "---", then title, date, severity and section: issue');
  }
  return parseMarkdown(source, cstateDialect);
}

export const cstateFormat: InputFormat = {
  name: 'cstate',
  extensions: ['.md', '.markdown'],
  // By front matter, so plain Markdown drafts are not taken for it; or by where cState keeps issues.
  detect: (text, path) => looksLikeCstate(text) || isIssuePath(path),
  parse: parseCstate,
};

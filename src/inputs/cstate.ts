// cState issues (FORMATS.md item 5): the Hugo status-page theme keeps each incident in
// content/issues/*.md, with front matter (title, date, resolved, resolvedWhen, severity,
// affected, section: issue, informational) and updates newest first as paragraphs such as
//   *Monitoring* - We believe the cause is an ISP issue. {{< track "2018-05-25 04:40:00" >}}
// The Markdown reader does the rest; this file says how cState differs from a plain draft.

import type { Paragraph } from 'mdast';
import type { Impact, IncidentMeta, SourceFile } from '../engine/model.js';
import { isMaintenanceText } from '../engine/phase.js';
import { findDateParts, toDate, type DateParts } from '../nlp/time.js';
import { InputError } from './errors.js';
import { parseMarkdown, type MarkdownDialect } from './markdown.js';
import { parseTimelineLabel } from './timeline-labels.js';
import type { InputFormat } from './types.js';

/** cState's severities in Statuspage's impact words. */
const SEVERITY_IMPACT: Record<string, Impact> = { down: 'critical', disrupted: 'major', notice: 'minor' };

/** Hugo shortcodes (with the spaces before them) are template calls, not prose; `track` dates the update it ends. */
const SHORTCODE = /[ \t]*\{\{[<%]\s*([\w/-]+)([^]*?)\s*[>%]\}\}/g;
/** The text after an update's label: "*Resolved* - We ..." or "**Resolved**: We ...". */
const LABEL_SEPARATOR = /^\s*[-–—:]\s*/;

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

function cstateMeta(data: Record<string, unknown>): IncidentMeta {
  const meta: IncidentMeta = { extra: {} };
  const keys = new Map(Object.entries(data).map(([k, v]) => [k.toLowerCase(), v]));
  const known = new Set(['title', 'date', 'resolved', 'resolvedwhen', 'severity', 'affected']);
  for (const [key, value] of Object.entries(data)) if (!known.has(key.toLowerCase())) meta.extra[key] = value;
  const present = (key: string) => keys.get(key) !== undefined && keys.get(key) !== null && keys.get(key) !== '';
  const dateOf = (key: string): Date | undefined => {
    if (!present(key)) return undefined;
    const value = keys.get(key);
    const date = toDate(value);
    if (!date) throw new InputError(`front matter: ${key === 'resolvedwhen' ? 'resolvedWhen' : key} "${String(value)}" is not a date and time (cState uses e.g. 2024-03-01 14:05:00)`);
    return date;
  };

  if (present('title')) meta.title = String(keys.get('title')).trim();
  // `date` is when the issue began, and the publication date undated text falls back on.
  meta.started = dateOf('date');
  meta.published = meta.started;
  const resolvedWhen = dateOf('resolvedwhen');
  const resolved = keys.get('resolved');
  if (resolved === true || String(resolved).toLowerCase() === 'true') meta.resolved = resolvedWhen ?? true;
  else if (resolved === false || String(resolved).toLowerCase() === 'false') meta.resolved = false;

  if (present('severity')) {
    const severity = String(keys.get('severity')).trim().toLowerCase();
    if (!(severity in SEVERITY_IMPACT)) throw new InputError(`front matter: severity "${String(keys.get('severity'))}" is not one of down, disrupted, notice`);
    meta.impact = SEVERITY_IMPACT[severity];
  }
  // An informational post is a notice, not an outage.
  if (keys.get('informational') === true) meta.impact = 'none';
  // cState has no maintenance flag: a notice says so in its title ("Maintenance Window",
  // "Database maintenance"); its text is checked when the incident is built.
  if (meta.title && (isMaintenanceText(meta.title) || (/\bmaintenance\b/i.test(meta.title) && !/\b(?:after|post|following)[\s-]+maintenance\b/i.test(meta.title)))) {
    meta.impact = 'maintenance';
  }
  const affected = keys.get('affected');
  if (Array.isArray(affected)) {
    const names = affected.filter((a) => a !== null && a !== undefined && a !== '').map(String);
    if (names.length) meta.affected = names;
  } else if (present('affected')) meta.affected = [String(affected)];
  return meta;
}

/** Reads a paragraph's label ("*Resolved* -"), `track` time stamp and shortcodes. */
function readParagraph(node: Paragraph, source: string): ReturnType<NonNullable<MarkdownDialect['paragraph']>> {
  const start = node.position!.start.offset!;
  const raw = source.slice(start, node.position!.end.offset!);
  const skip: [number, number][] = [];
  let stamp: DateParts | undefined;
  for (const m of raw.matchAll(SHORTCODE)) {
    skip.push([start + m.index!, start + m.index! + m[0].length]);
    const time = m[1] === 'track' ? /"([^"]+)"/.exec(m[2])?.[1] : undefined;
    if (time && !stamp) stamp = findDateParts(time)?.parts;
  }

  let label: (ReturnType<typeof parseTimelineLabel> & { text: string }) | undefined;
  const [first, second] = node.children;
  if ((first?.type === 'emphasis' || first?.type === 'strong') && first.position) {
    const labelText = source.slice(first.position.start.offset!, first.position.end.offset!).replace(/^[*_]+|[*_]+$/g, '').trim();
    const ownsColon = labelText.endsWith(':');
    const separated = second?.type === 'text' && LABEL_SEPARATOR.test(second.value);
    const alone = !second || (second.type === 'text' && second.value.trim() === '' && node.children.length === 2);
    // A label is a few words ("Just began", "Resolved"), not an emphasised sentence.
    if ((separated || ownsColon || alone) && labelText.length <= 40 && !/[.!?]$/.test(labelText)) {
      const words = labelText.replace(/:$/, '').trim();
      label = { ...(parseTimelineLabel(words, 'heading') ?? {}), text: words };
      let end = first.position.end.offset!;
      if (separated) end += LABEL_SEPARATOR.exec(second.value)![0].length;
      skip.push([start, end]);
    }
  }
  if (!label && !stamp && skip.length === 0) return undefined;
  return { label, stamp, skip: skip.sort((a, b) => a[0] - b[0]) };
}

const cstateDialect: MarkdownDialect = { meta: cstateMeta, paragraph: readParagraph, newestFirst: true };

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

// Front-matter keys (FORMATS.md, item 1) read into incident metadata, with one clear error for
// a value that cannot be understood.

import { parse as parseYaml, YAMLParseError } from 'yaml';
import { PHASES, type Impact, type IncidentMeta, type Phase } from '../engine/model.js';
import { toDate } from '../nlp/time.js';
import { InputError } from './errors.js';

const IMPACTS: Impact[] = ['none', 'minor', 'major', 'critical', 'maintenance'];

export function parsePhase(value: string): Phase | 'update' | undefined {
  const v = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (v === 'update' || v === 'updated') return 'update';
  if (v === 'post_mortem' || v === 'postmortem') return 'postmortem';
  if (v === 'in_progress' || v === 'inprogress') return 'in_progress';
  if (v === 'verifying') return 'monitoring';
  return (PHASES as readonly string[]).includes(v) ? (v as Phase) : undefined;
}

// One front-matter line whose YAML reading needs no YAML parser: a lower-case key, one space,
// and a double-quoted string without escapes (or control characters), an ISO 8601 UTC time, or
// a lower-case word. The yaml package (YAML 1.2, core schema) reads each as the string it shows,
// except the words true, false and null, which plainFrontMatter leaves to it.
const PLAIN_LINE = /^([a-z][a-z_]*): (?:"([^"\\\x00-\x1f\x7f-\x9f]*)"|(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ|[a-z]+))$/;

/**
 * The data of a front matter made only of PLAIN_LINE lines with distinct keys (what status-page
 * exports write: title, started, resolved, impact), or undefined for anything else. yaml spends
 * most of its time warming up on such tiny blocks: about a third of a millisecond each, over
 * 40 % of a corpus run's parse phase. tests/frontmatter-plain.test.ts checks the result equals
 * yaml's on the corpus, the fixtures and edge cases.
 */
export function plainFrontMatter(yamlText: string): Record<string, unknown> | undefined {
  const data: Record<string, unknown> = {};
  for (const line of yamlText.split('\n')) {
    const m = PLAIN_LINE.exec(line);
    if (!m || Object.hasOwn(data, m[1])) return undefined; // a duplicate key is yaml's error to report
    const word = m[3];
    if (word === 'true' || word === 'false' || word === 'null') return undefined;
    data[m[1]] = m[2] ?? word;
  }
  return data;
}

/** Parses a YAML front-matter block; `line` is where the block starts, for error messages. */
export function parseFrontMatter(yamlText: string, line: number): Record<string, unknown> {
  const plain = plainFrontMatter(yamlText);
  if (plain) return plain;
  let data: unknown;
  try {
    data = parseYaml(yamlText, { prettyErrors: false });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const at = error.linePos?.[0];
      const where = at ? ` (line ${line + at.line})` : '';
      throw new InputError(`malformed front matter${where}: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    throw error;
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new InputError('malformed front matter: expected "key: value" lines');
  return data as Record<string, unknown>;
}

const KNOWN = new Set(['title', 'status', 'published', 'date', 'started', 'resolved', 'impact', 'affected', 'postmortem']);

/** Reads the keys crisislint understands; the rest is kept in `extra`. */
export function metaFromFrontMatter(data: Record<string, unknown>): IncidentMeta {
  const meta: IncidentMeta = { extra: {} };
  for (const [key, value] of Object.entries(data)) if (!KNOWN.has(key)) meta.extra[key] = value;
  if (data.title !== undefined && data.title !== null) meta.title = String(data.title);
  if (data.status !== undefined && data.status !== null) {
    const phase = parsePhase(String(data.status));
    if (!phase || phase === 'update') throw new InputError(`front matter: status "${String(data.status)}" is not a phase (${PHASES.join(', ')})`);
    meta.status = phase;
  }
  const dateKey = (key: string): Date | undefined => {
    const value = data[key];
    if (value === undefined || value === null || value === '') return undefined;
    const date = toDate(value);
    if (!date) throw new InputError(`front matter: ${key} "${String(value)}" is not a date and time (use ISO 8601, e.g. 2024-03-01T14:05:00Z)`);
    return date;
  };
  meta.published = dateKey('published') ?? dateKey('date');
  meta.started = dateKey('started');
  if (data.resolved === true || data.resolved === false) meta.resolved = data.resolved;
  else meta.resolved = dateKey('resolved');
  if (data.impact !== undefined && data.impact !== null) {
    const impact = String(data.impact).toLowerCase() as Impact;
    if (!IMPACTS.includes(impact)) throw new InputError(`front matter: impact "${String(data.impact)}" is not one of ${IMPACTS.join(', ')}`);
    meta.impact = impact;
  }
  if (data.affected !== undefined && data.affected !== null) {
    meta.affected = Array.isArray(data.affected) ? data.affected.map(String) : [String(data.affected)];
  }
  if (typeof data.postmortem === 'string' && data.postmortem.trim()) meta.postmortem = data.postmortem.trim();
  return meta;
}

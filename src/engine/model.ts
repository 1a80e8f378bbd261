// The document model: what every input format is turned into, and all that rules read.
// Data flows one way: input -> Incident -> findings -> scores -> formatter.

import type { Analysis } from '../nlp/analysis.js';

export const INCIDENT_PHASES = ['investigating', 'identified', 'monitoring', 'resolved', 'postmortem'] as const;
export const MAINTENANCE_PHASES = ['scheduled', 'in_progress', 'completed'] as const;
export type Phase = (typeof INCIDENT_PHASES)[number] | (typeof MAINTENANCE_PHASES)[number];
export const PHASES: readonly Phase[] = [...INCIDENT_PHASES, ...MAINTENANCE_PHASES];

/** Phases after which the incident counts as over. */
export const CLOSED_PHASES: ReadonlySet<Phase> = new Set<Phase>(['resolved', 'postmortem', 'completed']);

export type Impact = 'none' | 'minor' | 'major' | 'critical' | 'maintenance';

export interface Sentence {
  /** Index of the sentence within its statement. */
  index: number;
  /** The sentence's prose text (markup removed, URLs replaced by a placeholder). */
  text: string;
  /** Offsets of the sentence in its statement's prose text. */
  start: number;
  end: number;
  /**
   * The shared NLP analysis of this sentence, computed on first use and memoised: rules that
   * can decide from the text alone never pay for tagging.
   */
  readonly nlp: Analysis;
}

export interface Statement {
  /** Index in the incident's timeline, oldest first. */
  index: number;
  /** Phase given by the input (heading, status field, front matter) or inferred from the text. */
  phase: Phase;
  phaseSource: 'given' | 'inferred' | 'previous';
  /** When the statement was published, if known. */
  time?: Date;
  /** The heading or label that opened the statement in the source, if any. */
  label?: string;
  /** Prose with markup, code, comments and link URLs taken out. */
  text: string;
  sentences: Sentence[];
  /** Link targets found in the statement (Markdown links, bare URLs, feed anchors). */
  links: string[];
  /** Maps offsets in `text` back to offsets in the source file. */
  sourceMap: SourceMap;
}

export interface IncidentMeta {
  title?: string;
  /** Phase given for a single statement (front matter `status`). */
  status?: Phase;
  published?: Date;
  started?: Date;
  /** `resolved` metadata: a time, or true when only the flag is known. */
  resolved?: Date | boolean;
  impact?: Impact;
  affected?: string[];
  postmortem?: string;
  /** The page's own severity word as written (cState `severity: disrupted`), before mapping to `impact`. */
  severity?: string;
  /**
   * The page's structure suggests planned work (cState `severity: notice`, its informational
   * level). A signal for the understanding layer, not a verdict: operators use it for outages too.
   */
  plannedHint?: boolean;
  /** Text kept out of the published page (an update in an HTML comment): not read as an update. */
  hiddenText?: string[];
  /** Any other front-matter keys, for plugins. */
  extra: Record<string, unknown>;
}

export interface Incident {
  /** Index of the incident within its file (JSON and feed inputs hold many). */
  index: number;
  meta: IncidentMeta;
  statements: Statement[];
  /** True when the input is a timeline of dated statements rather than one statement. */
  isTimeline: boolean;
  /** Planned maintenance is not a crisis: apology, cause, remedy and prevention rules skip it. */
  isMaintenance: boolean;
}

export interface SourceFile {
  /** Path as given by the user (or the --stdin-filename). */
  path: string;
  text: string;
  /** Offsets of the start of every line, for offset -> line/column. */
  lineStarts: number[];
}

export interface InlineDirective {
  /** The comment's text, e.g. `crisislint-disable passive-voice`. */
  text: string;
  line: number;
}

export interface ParsedFile {
  source: SourceFile;
  format: string;
  incidents: Incident[];
  /** HTML comments in the source, kept for inline configuration. */
  directives: InlineDirective[];
  /** Problems in the input that did not stop it being read (an unknown severity), one line each. */
  warnings?: string[];
}

/** A piecewise-linear map from prose offsets to source offsets. */
export interface SourceMap {
  /** Sorted by `prose`; each run maps prose[prose, prose+length) to source[source, source+length). */
  runs: { prose: number; source: number; length: number }[];
}

export function sourceOffset(map: SourceMap, proseOffset: number): number {
  const runs = map.runs;
  if (runs.length === 0) return 0;
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid].prose <= proseOffset) lo = mid;
    else hi = mid - 1;
  }
  const run = runs[lo];
  const within = Math.max(0, Math.min(proseOffset - run.prose, run.length));
  return run.source + within;
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of a source offset. */
export function positionOf(source: SourceFile, offset: number): { line: number; column: number } {
  const starts = source.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

export function isMaintenancePhase(phase: Phase): boolean {
  return (MAINTENANCE_PHASES as readonly string[]).includes(phase);
}

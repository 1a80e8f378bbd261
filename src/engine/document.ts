// Turns what an input reader found (statements as prose with source maps, phases, times,
// metadata) into the document model: sentences, ordered timeline, phases, maintenance flag.
// Every input format ends here, so all formats give rules the same model.

import { analyse, noteAsked, type Analysis } from '../nlp/analysis.js';
import { splitSentences } from '../nlp/sentences.js';
import type { ProseBuilder } from '../inputs/prose.js';
import { inferPhase } from './phase.js';
import {
  isMaintenancePhase,
  type Incident,
  type IncidentMeta,
  type Phase,
  type Sentence,
  type Statement,
} from './model.js';

class LazySentence implements Sentence {
  private analysis?: Analysis;
  constructor(
    readonly index: number,
    readonly text: string,
    readonly start: number,
    readonly end: number,
  ) {}
  get nlp(): Analysis {
    if (!this.analysis) return (this.analysis = analyse(this.text));
    noteAsked(this.text);
    return this.analysis;
  }
}

export interface RawStatement {
  /** The heading or time line that opened it. */
  label?: string;
  /** Where that label stands in the source: a statement that is only a label ("_Resolved._") is reported there. */
  labelStart?: number;
  /** A phase given by the input; 'update' keeps the previous statement's phase. */
  phase?: Phase | 'update';
  time?: Date;
  prose: ProseBuilder;
}

export function sentencesOf(text: string): Sentence[] {
  return splitSentences(text).map((s, i) => new LazySentence(i, text.slice(s.start, s.end), s.start, s.end));
}

/**
 * Builds an incident. Statements are ordered oldest first by time (undated ones keep their place
 * relative to each other); phases not given are taken from the previous statement ('update') or
 * inferred from the text.
 */
export function assembleIncident(
  index: number,
  meta: IncidentMeta,
  raw: RawStatement[],
  options: { isTimeline: boolean; newestFirst?: boolean },
): Incident {
  let ordered = raw.filter((r) => r.prose.text.trim() !== '' || r.phase !== undefined);
  if (ordered.length === 0) ordered = raw.slice(0, 1);
  ordered = chronological(ordered, options.newestFirst);
  const statements: Statement[] = [];
  let previous: Phase | undefined;
  for (const r of ordered) {
    const text = r.prose.text;
    let phase: Phase;
    let phaseSource: Statement['phaseSource'];
    if (r.phase && r.phase !== 'update') {
      phase = r.phase;
      phaseSource = 'given';
    } else if (r.phase === 'update' && previous) {
      phase = previous;
      phaseSource = 'previous';
    } else if (!options.isTimeline && meta.status) {
      phase = meta.status;
      phaseSource = 'given';
    } else {
      phase = inferPhase(text, meta.title, previous);
      phaseSource = 'inferred';
    }
    previous = phase;
    statements.push({
      index: statements.length,
      phase,
      phaseSource,
      time: r.time ?? (!options.isTimeline ? meta.published : undefined),
      label: r.label,
      text,
      sentences: sentencesOf(text),
      links: r.prose.links,
      ...(r.prose.urls.length ? { urls: r.prose.urls } : {}),
      sourceMap: { runs: r.prose.runs.length || r.labelStart === undefined ? r.prose.runs : [{ prose: 0, source: r.labelStart, length: 0 }] },
    });
  }
  datedFromMetadata(statements, meta, options.isTimeline);
  // Maintenance by the input's structure only (its impact or phases). Planned work told in words
  // ("we will upgrade the database on Saturday") is read by the understanding layer
  // (src/nlp/understanding.ts), which can tell it from an incident that merely happened during a
  // maintenance window.
  const isMaintenance = meta.impact === 'maintenance' || statements.some((s) => s.phaseSource === 'given' && isMaintenancePhase(s.phase));
  if (isMaintenance) {
    // A maintenance notice's phases are the maintenance ones.
    for (const s of statements) {
      if (s.phaseSource === 'given' && isMaintenancePhase(s.phase)) continue;
      s.phase = s.phase === 'resolved' || s.phase === 'postmortem' ? 'completed' : s.phase === 'investigating' || s.phase === 'identified' ? (s.index === 0 ? 'scheduled' : 'in_progress') : s.phase === 'monitoring' ? 'in_progress' : s.phase;
    }
  }
  return { index, meta, statements, isTimeline: options.isTimeline, isMaintenance };
}

/**
 * A timeline's first update with no time of its own was posted when the incident began (front
 * matter `date`/`started`), and the undated final update of an incident marked resolved when it
 * was resolved (`resolvedWhen`), as long as that keeps the timeline in order.
 */
function datedFromMetadata(statements: Statement[], meta: IncidentMeta, isTimeline: boolean): void {
  if (!isTimeline || statements.length === 0) return;
  const first = statements[0];
  const start = meta.started ?? meta.published;
  const nextTime = statements.find((s) => s.time)?.time;
  if (!first.time && start && (!nextTime || start.getTime() <= nextTime.getTime())) first.time = start;
  const last = statements[statements.length - 1];
  const resolved = meta.resolved instanceof Date ? meta.resolved : undefined;
  const previousTime = [...statements].reverse().find((s) => s.time)?.time;
  // The final message of a page marked resolved is its closing one, whatever its words.
  if (statements.length > 1 && !last.time && resolved && (!previousTime || resolved.getTime() >= previousTime.getTime())) {
    last.time = resolved;
  }
}

const INCIDENT_RANK: Partial<Record<Phase, number>> = { investigating: 0, identified: 1 / 4, monitoring: 2 / 4, resolved: 3 / 4, postmortem: 1 };
const MAINTENANCE_RANK: Partial<Record<Phase, number>> = { scheduled: 0, in_progress: 1 / 2, completed: 1 };
/** Still looking: the first phase's words, for updates no phase pattern recognises. */
const STILL_LOOKING = /\b(?:investigating|looking into)\b/i;

function phaseOrder(phase: Phase): number {
  return INCIDENT_RANK[phase] ?? MAINTENANCE_RANK[phase] ?? 0;
}

/** The phase a text itself shows, or undefined: inferPhase falls back on `previous` otherwise. */
function phaseShown(text: string, title: string | undefined): Phase | undefined {
  const inferred = inferPhase(text, title, undefined);
  return inferred === inferPhase(text, title, 'postmortem') ? inferred : undefined;
}

/** Where an update stands among the phases (0 first, 1 last), when its label or wording says so. */
function phaseRank(r: RawStatement): number | undefined {
  if (r.phase && r.phase !== 'update') return phaseOrder(r.phase);
  const shown = phaseShown(r.prose.text, undefined);
  if (shown) return phaseOrder(shown);
  return STILL_LOOKING.test(r.prose.text) ? 0 : undefined;
}

/**
 * Which way updates without usable times run: late phases near the top (a resolution written
 * above the first report) mean newest first, late phases near the bottom mean oldest first.
 * Undefined when the phases say nothing either way.
 */
function newestFirstByPhases(raw: RawStatement[]): boolean | undefined {
  if (raw.length < 2) return undefined;
  let lean = 0;
  raw.forEach((r, i) => {
    const rank = phaseRank(r);
    if (rank !== undefined) lean += (rank - 0.5) * (i / (raw.length - 1) - 0.5);
  });
  // A page's first update is never labelled "Update": one at an end is not the oldest.
  const isUpdate = (r: RawStatement) => r.phase === 'update';
  const [first, last] = [raw[0], raw[raw.length - 1]];
  if (isUpdate(last) && !isUpdate(first)) lean += 0.25;
  else if (isUpdate(first) && !isUpdate(last)) lean -= 0.25;
  return Math.abs(lean) < 1e-9 ? undefined : lean < 0;
}

/**
 * Puts updates oldest first. The direction comes from the times where two differ, else from
 * the phases' natural order, else from the format's habit (`newestFirstHint`: cState writes
 * newest first). Undated updates keep their place; dated ones are sorted among their places, so
 * updates with equal times keep the order they were written in.
 */
function chronological(raw: RawStatement[], newestFirstHint = false): RawStatement[] {
  const dated = raw.filter((r) => r.time);
  const first = dated[0]?.time?.getTime();
  const last = dated[dated.length - 1]?.time?.getTime();
  const newestFirst = first !== undefined && last !== undefined && first !== last ? first > last : (newestFirstByPhases(raw) ?? newestFirstHint);
  const list = newestFirst ? [...raw].reverse() : [...raw];
  const sorted = list.filter((r) => r.time).sort((a, b) => a.time!.getTime() - b.time!.getTime());
  return list.map((r) => (r.time ? sorted.shift()! : r));
}

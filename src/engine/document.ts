// Turns what an input reader found (statements as prose with source maps, phases, times,
// metadata) into the document model: sentences, ordered timeline, phases, maintenance flag.
// Every input format ends here, so all formats give rules the same model.

import { analyse, type Analysis } from '../nlp/analysis.js';
import { splitSentences } from '../nlp/sentences.js';
import type { ProseBuilder } from '../inputs/prose.js';
import { inferPhase, isMaintenanceText } from './phase.js';
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
    return (this.analysis ??= analyse(this.text));
  }
}

export interface RawStatement {
  /** The heading or time line that opened it. */
  label?: string;
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
  ordered = orderByTime(ordered, options.newestFirst);
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
      sourceMap: { runs: r.prose.runs },
    });
  }
  const isMaintenance =
    meta.impact === 'maintenance' ||
    statements.some((s) => isMaintenancePhase(s.phase)) ||
    (statements.every((s) => s.phaseSource !== 'given') && isMaintenanceText(`${meta.title ?? ''} ${statements[0]?.text ?? ''}`));
  if (isMaintenance) {
    // A maintenance notice's phases are the maintenance ones.
    for (const s of statements) {
      if (s.phaseSource === 'given' && isMaintenancePhase(s.phase)) continue;
      s.phase = s.phase === 'resolved' || s.phase === 'postmortem' ? 'completed' : s.phase === 'investigating' || s.phase === 'identified' ? (s.index === 0 ? 'scheduled' : 'in_progress') : s.phase === 'monitoring' ? 'in_progress' : s.phase;
    }
  }
  return { index, meta, statements, isTimeline: options.isTimeline, isMaintenance };
}

/** `knownNewestFirst`: the input format lists statements newest first (cState), dated or not. */
function orderByTime(raw: RawStatement[], knownNewestFirst = false): RawStatement[] {
  if (knownNewestFirst) {
    // Undated updates keep their place in the reversed list; dated ones are sorted among theirs.
    const reversed = [...raw].reverse();
    const sorted = reversed.filter((r) => r.time).sort((a, b) => a.time!.getTime() - b.time!.getTime());
    return reversed.map((r) => (r.time ? sorted.shift()! : r));
  }
  const dated = raw.filter((r) => r.time);
  if (dated.length < 2) return raw;
  // Keep undated statements (a summary written last) where their neighbours put them: a
  // newest-first page gets its undated summary at the end once reversed.
  const newestFirst = dated[0].time!.getTime() > dated[dated.length - 1].time!.getTime();
  const sortedDated = (newestFirst ? [...dated].reverse() : [...dated]).sort((a, b) => a.time!.getTime() - b.time!.getTime());
  const undated = raw.filter((r) => !r.time);
  return newestFirst ? [...sortedDated, ...undated] : [...undated, ...sortedDated];
}

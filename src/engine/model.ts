// The document model: what every input format is turned into, and all that rules read.
// Data flows one way: input -> Incident -> findings -> scores -> formatter.

import type { Analysis } from '../nlp/analysis.js';

export const INCIDENT_PHASES = ['investigating', 'identified', 'monitoring', 'resolved', 'postmortem'] as const;
export const MAINTENANCE_PHASES = ['scheduled', 'in_progress', 'completed'] as const;
/**
 * `unknown`: the statement's own words do not say where the incident stands (a letter, a bare
 * notice), and nothing earlier does either. Never given by an input, only read.
 */
export type Phase = (typeof INCIDENT_PHASES)[number] | (typeof MAINTENANCE_PHASES)[number] | 'unknown';
/** The phases an input may give (front matter, headings, status fields). */
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
  /**
   * Phase given by the input (heading, status field, front matter), or read from the statement's
   * own words by the understanding step (src/nlp/understanding.ts) before any rule runs.
   */
  phase: Phase;
  /** 'previous': an "Update" label whose text did not say more, so the earlier phase holds. */
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
  /** Bare URLs that stand in `text` as the placeholder word "link", at these offsets. */
  urls?: { at: number; url: string }[];
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

// ---- what a statement is and what each clause says (src/nlp/understanding.ts, clauses.ts) -------
// Computed once per statement and sentence, on first use, and shared by every rule. Rules (and
// third-party plugins through RuleContext) read these facts; they never re-derive them.

/**
 * What kind of statement this is. `maintenance-overrun` is planned work that ran into an
 * unplanned outage: it is judged as an incident.
 */
export type StatementKind =
  | 'live-update'
  | 'resolution'
  | 'postmortem'
  | 'letter'
  | 'security-advisory'
  | 'maintenance'
  | 'maintenance-overrun';

/** A stretch of a sentence's text (offsets within `Sentence.text`). */
export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

/** Whether a clause states a fact, predicts (forecast), aims at something, or depends on a condition. */
export type ClauseModality = 'fact' | 'forecast' | 'aim' | 'conditional';
export type ClauseTense = 'past' | 'present' | 'future';
/** Who the subject of a clause is: we (the author), you (the reader), someone else, a thing, or none said. */
export type ClauseAgent = 'we' | 'you' | 'other' | 'thing' | 'none';

/** One clause of a sentence: a verb group with its subject, object and how it is said. */
export interface Clause {
  /** The clause's span in the sentence (from its subject or opening word to its last word). */
  start: number;
  end: number;
  subject?: TextSpan;
  agent: ClauseAgent;
  /** The verb group as written: "has not yet been restored", "will migrate", "knocked out". */
  verb: TextSpan;
  /** The main verb's infinitive ("restore", "knock out"); the copula is "be". */
  lemma: string;
  /** What follows the verb group up to the next clause (object or complement). */
  object?: TextSpan;
  /** "not", "never", "no longer", or a subject such as "nothing", "no data". */
  negated: boolean;
  tense: ClauseTense;
  /** "has been restored", "have fixed": done and still true. */
  perfect: boolean;
  progressive: boolean;
  passive: boolean;
  modality: ClauseModality;
  /** A to-infinitive clause ("to restore service"), governed by the clause before it. */
  infinitive: boolean;
  /** The word that opens a subordinate clause ("if", "once", "because", "while"), lower case. */
  subordinator?: string;
  /** A purpose clause this clause governs: "working to get back to normal" -> "to get back to normal". */
  purpose?: TextSpan;
}

export type HarmKind = 'outage' | 'degradation' | 'soft' | 'security' | 'data' | 'money' | 'repair';

/** Harm done to someone: what, to whom, and how it was said. */
export interface HarmFact extends TextSpan {
  kind: HarmKind;
  /** Who was hurt, when the sentence names them ("members", "customers in Europe"). */
  who?: TextSpan;
  /** What was affected, when named ("the payments platform", "booking classes"). */
  what?: TextSpan;
}

/** A cause given for something: what caused what. */
export interface CauseFact extends TextSpan {
  /** How the sentence gives it: a connective ("because", "caused by"), a cause that is the subject of an effect verb, or a stated theory ("we believe …"). */
  via: 'connective' | 'subject' | 'theory';
  cause?: TextSpan;
  effect?: TextSpan;
}

export type PromiseKind = 'update' | 'details' | 'cause' | 'postmortem' | 'action';

/** A promise made by the author: who promises what, by when, where. */
export interface PromiseFact extends TextSpan {
  kind: PromiseKind;
  who?: TextSpan;
  /** When, as written ("by 14:30 UTC", "by the end of next week"), and as a date when it can be worked out. */
  when?: TextSpan;
  due?: Date;
  /** A standing cadence ("every 30 minutes"). */
  cadence?: boolean;
  /** Where ("on our blog", "through the Help Centre"). */
  where?: TextSpan;
}

/** The problem is over, stated as a fact (not predicted, negated or aimed at). */
export interface ResolutionFact extends TextSpan {
  /** A bare closing ("Fixed.", "All good now, closing this.") rather than a sentence about a service. */
  informal: boolean;
}

export type RemedyKind = 'compensation' | 'help' | 'steps' | 'repair';
export interface RemedyFact extends TextSpan {
  kind: RemedyKind;
}

/** A step that stops a recurrence: a real change, a recurrence marker with substance, or follow-up work. */
export interface PreventionFact extends TextSpan {
  kind: 'change' | 'marker' | 'follow-up';
}

/** What one sentence says, read from its clauses. Every field is computed on first access. */
export interface SentenceFacts {
  readonly clauses: readonly Clause[];
  /** Harm done, stated as a fact (not forecast, conditional or denied). */
  readonly harm: HarmFact | undefined;
  /** Harm only forecast, hedged or conditional: "sessions may drop", "an interruption is possible if …". */
  readonly possibleHarm: HarmFact | undefined;
  readonly cause: CauseFact | undefined;
  readonly promise: PromiseFact | undefined;
  readonly resolution: ResolutionFact | undefined;
  readonly remedy: RemedyFact | undefined;
  readonly prevention: PreventionFact | undefined;
}

/** What a statement is, read once for every rule. */
export interface StatementUnderstanding {
  kind: StatementKind;
  /**
   * The phase the statement's own words give. The same as `Statement.phase`, except under an
   * "Update" label (the page's "no change of status"), where the model keeps the phase it
   * continues and this says what the words say ("every mailbox has been restored": resolved).
   */
  phase: Phase;
}

/**
 * Gives bare URLs back where a rule's words quote the incident: rules read a URL as the
 * placeholder word "link", but a message or suggestion must only show words the file holds.
 * Each "link" in `words` is matched to the placeholder whose surrounding text it shares (more
 * than seven characters either side together); a real word "link" shares none and stays.
 */
export function withUrls(words: string, statements: readonly Statement[]): string {
  if (!words.includes('link') || !statements.some((s) => s.urls?.length)) return words;
  const lower = words.toLowerCase();
  return words.replace(/\blink\b/g, (word, at: number) => {
    let best: string | undefined;
    let bestShared = 7;
    let tie = false;
    for (const statement of statements) {
      const text = statement.text.toLowerCase();
      for (const { at: p, url } of statement.urls ?? []) {
        let left = 0;
        while (left < 24 && left < at && left < p && lower[at - 1 - left] === text[p - 1 - left]) left++;
        let right = 0;
        while (right < 24 && lower[at + 4 + right] !== undefined && lower[at + 4 + right] === text[p + 4 + right]) right++;
        if (left + right > bestShared) [best, bestShared, tie] = [url, left + right, false];
        else if (left + right === bestShared && best && best !== url) tie = true;
      }
    }
    return best && !tie ? best : word;
  });
}

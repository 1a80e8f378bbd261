// The rule interface. Built-in rules (rules/*.ts) and third-party rule packages use exactly
// this: a rule is `{ meta, check }`, and `check` reads the document model through its context
// and reports findings. Nothing here parses text. Rules import this module, never src/api.ts
// (the package entry), so that linting text never pulls in the file-system half of the API.

import type { Incident, ParsedFile, Sentence, SentenceFacts, Statement, StatementUnderstanding } from './engine/model.js';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type Principle = 'P1' | 'P2' | 'P3' | 'P4' | 'P5' | 'P6' | 'P7' | 'P8';

/**
 * What a rule looks at: one sentence or span, a whole statement, an incident timeline, or a
 * whole statement for a single statement and the whole incident for a timeline.
 */
export type RuleScope = 'sentence' | 'statement' | 'timeline' | 'statement-or-timeline';

export interface RuleExample {
  /** A whole input document (Markdown, with optional front matter or a timeline). */
  text: string;
  /** Optional `--now` for timeline examples. */
  now?: string;
  /** Options for the rule, merged over its defaults. */
  options?: Record<string, unknown>;
}

export interface RuleDocs {
  /** Why the rule exists: the lesson from real crises, in two or three sentences. */
  why: string;
  /** How to fix a finding. */
  fix: string;
  /** Inputs on which the rule must report at least one finding. */
  fail: RuleExample[];
  /** Inputs on which the rule must report nothing. */
  pass: RuleExample[];
}

export interface RuleMeta<O extends object = Record<string, unknown>> {
  id: string;
  principle: Principle;
  scope: RuleScope;
  /** Default severity; a rule may report some findings at a lower one. */
  severity: Severity;
  /** One line, shown by --list-rules. */
  description: string;
  docs: RuleDocs;
  /** Whether the rule applies to planned maintenance (clarity rules do; apology, cause, remedy do not). */
  maintenance: boolean;
  /** Default options (thresholds, phrase lists). User arrays extend default arrays. */
  options?: O;
}

export interface Suggestion {
  /** What the change does, e.g. `Say who acted: "we identified the issue"`. */
  desc: string;
  /** The replacement text. */
  text: string;
  /** The span it replaces, as offsets in the sentence's text. */
  start: number;
  end: number;
}

export interface Report {
  statement: Statement;
  /** The sentence the finding is about; without it the finding points at the statement's start. */
  sentence?: Sentence;
  /** A span inside the sentence's text; without it, the whole sentence. */
  start?: number;
  end?: number;
  message: string;
  /** Only to report at a lower severity than the rule's configured one. */
  severity?: Severity;
  suggestions?: Suggestion[];
}

export interface RuleContext<O extends object = Record<string, unknown>> {
  file: ParsedFile;
  incident: Incident;
  /** The rule's options: its defaults merged with the user's. */
  options: O;
  /** The reference time for pending promises and staleness (`--now`, default the current time). */
  now: Date;
  report(report: Report): void;
  /** Says the rule had nothing to judge here, so its principle may show as not applicable. */
  notApplicable(): void;
  /** What a sentence says (clauses; harm, cause, promise, resolution, remedy, prevention), computed once and shared. */
  facts(sentence: Sentence): SentenceFacts;
  /** What a statement is (its kind and the phase its words give), read once before any rule runs. */
  understanding(statement: Statement): StatementUnderstanding;
}

export interface Rule<O extends object = Record<string, unknown>> {
  meta: RuleMeta<O>;
  check(context: RuleContext<O>): void;
}

/** Identity helper that gives rule authors type checking. */
export function defineRule<O extends object = Record<string, unknown>>(rule: Rule<O>): Rule<O> {
  return rule;
}

export type { Incident, ParsedFile, Sentence, Statement };
export type { Phase, IncidentMeta, Impact } from './engine/model.js';
export type {
  CauseFact,
  Clause,
  ClauseAgent,
  ClauseModality,
  ClauseTense,
  HarmFact,
  HarmKind,
  PreventionFact,
  PromiseFact,
  PromiseKind,
  RemedyFact,
  RemedyKind,
  ResolutionFact,
  SentenceFacts,
  StatementKind,
  StatementUnderstanding,
  TextSpan,
} from './engine/model.js';

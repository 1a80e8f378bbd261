// What linting produces: findings with positions and penalties, per-incident scores and the
// per-principle checklist. Formatters read only these types.

import type { Principle, Severity } from '../api.js';

export interface SuggestionResult {
  desc: string;
  text: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** The rule's principle; null for notes about the input itself (an unused disable comment). */
  principle: Principle | null;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  excerpt: string;
  /** The penalty this finding took from its statement's score, after the per-rule caps. */
  penalty: number;
  /** Index of the statement in its incident's timeline, oldest first. */
  statement: number;
  /** Index of the incident in its file. */
  incident: number;
  suggestions: SuggestionResult[];
}

export type ChecklistState = 'satisfied' | 'failed' | 'not-applicable';

export interface StatementResult {
  index: number;
  phase: string;
  time?: string;
  label?: string;
  line: number;
  score: number;
  /** Only with LintSettings.detail (--format html, the playground). */
  detail?: StatementDetail;
}

/** Report-page facts about a statement: its prose's extent in the file and its timeline facts. */
export interface StatementDetail {
  /** The statement's prose runs from (line, column) to (endLine, endColumn) in the file. */
  column: number;
  endLine: number;
  endColumn: number;
  /** The first next-update promise with a time: when it is due, as said, and where it is. */
  nextUpdate?: { due: string; said: string; line: number; column: number };
  /** The statement apologises (not "we are not sorry"). */
  apology?: boolean;
}

export interface IncidentResult {
  index: number;
  title?: string;
  isTimeline: boolean;
  isMaintenance: boolean;
  score: number;
  grade: string;
  statements: StatementResult[];
  checklist: Record<Principle, ChecklistState>;
  /** The incident's `started` time; only with LintSettings.detail. */
  started?: string;
}

export interface FileResult {
  filePath: string;
  format?: string;
  score: number | null;
  grade: string | null;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  incidents: IncidentResult[];
  findings: Finding[];
  /** The file's decoded text; only with LintSettings.detail, for pages that show it. */
  source?: string;
  /** Set when the file could not be read or parsed: the one-line reason. */
  fatal?: string;
  /** Input problems that did not stop the file being linted (an unknown front-matter value), one line each. */
  warnings?: string[];
}

// Runs the active rules over a parsed file's incidents, turns their reports into findings with
// file positions, and scores statements and incidents.

import type { Principle, Report, RuleContext, Severity } from '../api.js';
import { positionOf, sourceOffset, withUrls, type Incident, type ParsedFile, type Statement } from './model.js';
import type { ActiveRule } from './ruleset.js';
import { factVocabulary, statementDetail } from './statement-facts.js';
import { Suppressor } from './suppressions.js';
import { factsOf, isNotice, understandIncident, understandingOf } from '../nlp/understanding.js';
import type { ChecklistState, FileResult, Finding, IncidentResult, SuggestionResult } from './results.js';
import { DEFAULT_GRADES, DEFAULT_WEIGHTS, grade, scoreStatements, type GradeThresholds, type ScoreWeights } from './score.js';

export interface LintSettings {
  now: Date;
  weights?: ScoreWeights;
  grades?: GradeThresholds;
  /** Report crisislint-disable comments that suppressed nothing, as warnings. */
  reportUnusedDisables?: boolean;
  /** Add what a report page shows besides findings: the source text and statement facts. */
  detail?: boolean;
}

export const PRINCIPLES: Principle[] = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8'];
const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
const EXCERPT_MAX = 200;

/** Maps an offset range in a statement's prose to 1-based file positions. */
function locate(parsed: ParsedFile, statement: Statement, from: number, to: number) {
  const startOffset = sourceOffset(statement.sourceMap, from);
  // An empty range (a suggestion that inserts text) stays empty rather than covering a character.
  const endOffset = to <= from ? startOffset : Math.max(startOffset, sourceOffset(statement.sourceMap, Math.max(from, to - 1)) + 1);
  const start = positionOf(parsed.source, startOffset);
  const end = positionOf(parsed.source, endOffset);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

// Rule ids break ties in the report order by localeCompare, whose first call loads ICU's collator
// (20 to 60 ms, more than linting a small file). Ids of lower-case ASCII letters, digits and
// hyphens (every built-in id) sort the same by code unit under the English and root collations
// ("-" before digits before letters, no accents or case), so those skip it.
const PLAIN_ID = /^[a-z0-9-]*$/;
let englishCollation: boolean | undefined;

export function compareRuleIds(a: string, b: string): number {
  if (a === b) return 0;
  // PluralRules resolves the default locale without loading collation data.
  englishCollation ??= /^en(?:-|$)/.test(new Intl.PluralRules().resolvedOptions().locale);
  if (englishCollation && PLAIN_ID.test(a) && PLAIN_ID.test(b)) return a < b ? -1 : 1;
  return a.localeCompare(b);
}

function toFinding(parsed: ParsedFile, incident: Incident, active: ActiveRule, report: Report): Finding {
  const { statement, sentence } = report;
  const base = sentence ? sentence.start : 0;
  const from = base + (report.start ?? 0);
  const to = sentence ? base + (report.end ?? sentence.text.length) : Math.min(statement.text.length, statement.sentences[0]?.end ?? statement.text.length);
  const severity =
    report.severity && SEVERITY_RANK[report.severity] < SEVERITY_RANK[active.severity] ? report.severity : active.severity;
  const excerptText = sentence ? sentence.text : statement.sentences[0]?.text ?? statement.text;
  // The positions are written out rather than spread in: one object shape for every finding.
  const suggestions: SuggestionResult[] = (report.suggestions ?? []).map((s) => {
    const at = locate(parsed, statement, base + s.start, base + s.end);
    return { desc: s.desc, text: withUrls(s.text, [statement]), line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn };
  });
  const at = locate(parsed, statement, from, to);
  return {
    ruleId: active.rule.meta.id,
    severity,
    principle: active.rule.meta.principle,
    message: withUrls(report.message, incident.statements),
    line: at.line,
    column: at.column,
    endLine: at.endLine,
    endColumn: at.endColumn,
    excerpt: withUrls(excerptText.length > EXCERPT_MAX ? `${excerptText.slice(0, EXCERPT_MAX - 1)}…` : excerptText, [statement]),
    penalty: 0,
    statement: statement.index,
    incident: incident.index,
    suggestions,
  };
}

export class RuleCrashError extends Error {}

export function lintParsed(parsed: ParsedFile, rules: ActiveRule[], settings: LintSettings): FileResult {
  const weights = settings.weights ?? DEFAULT_WEIGHTS;
  const grades = settings.grades ?? DEFAULT_GRADES;
  const findings: Finding[] = [];
  const incidents: IncidentResult[] = [];
  // Inline disable comments drop findings before scoring, so scores match the report.
  const suppressor = new Suppressor(parsed);
  const vocabulary = settings.detail ? factVocabulary(rules) : undefined;
  for (const incident of parsed.incidents) {
    // Understand once (kind, phases read from the words, planned work), then judge.
    understandIncident(incident);
    let own: Finding[] = [];
    const applied = new Set<Principle>();
    for (const active of rules) {
      const { meta } = active.rule;
      if (!meta.maintenance && isNotice(incident)) continue;
      let applies = true;
      const context: RuleContext<Record<string, unknown>> = {
        file: parsed,
        incident,
        options: active.options,
        now: settings.now,
        report: (report) => own.push(toFinding(parsed, incident, active, report)),
        notApplicable: () => {
          applies = false;
        },
        facts: factsOf,
        understanding: understandingOf,
      };
      try {
        active.rule.check(context);
      } catch (error) {
        throw new RuleCrashError(`rule "${meta.id}" crashed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (applies) applied.add(meta.principle);
    }
    own = suppressor.keep(own);
    own.sort((a, b) => a.line - b.line || a.column - b.column || compareRuleIds(a.ruleId, b.ruleId));
    const statementScores = scoreStatements(own, incident.statements.length, weights);
    // An info finding is advice, not a failure: one unexplained word must not fail "Be human".
    const failed = new Set<Principle>();
    for (const f of own) if (f.severity !== 'info' && f.principle !== null) failed.add(f.principle);
    const checklist = {} as Record<Principle, ChecklistState>;
    for (const p of PRINCIPLES) checklist[p] = failed.has(p) ? 'failed' : applied.has(p) ? 'satisfied' : 'not-applicable';
    const score = Math.min(100, ...statementScores);
    incidents.push({
      index: incident.index,
      title: incident.meta.title,
      isTimeline: incident.isTimeline,
      isMaintenance: incident.isMaintenance,
      score,
      grade: grade(score, grades),
      statements: incident.statements.map((s, i) => ({
        index: s.index,
        phase: s.phase,
        time: s.time?.toISOString(),
        label: s.label,
        line: locate(parsed, s, 0, 1).line,
        score: statementScores[i],
        ...(vocabulary ? { detail: statementDetail(s, (st, from, to) => locate(parsed, st, from, to), vocabulary) } : {}),
      })),
      checklist,
      ...(vocabulary && incident.meta.started ? { started: incident.meta.started.toISOString() } : {}),
    });
    findings.push(...own);
  }
  if (settings.reportUnusedDisables && !suppressor.isEmpty) {
    const ruleIds = rules.map((r) => r.rule.meta.id);
    const statementAt = (line: number) => {
      // The statement that starts nearest above the line (timelines may run newest first).
      let at = { incident: incidents[0]?.index ?? 0, statement: 0, line: 0 };
      for (const i of incidents) for (const s of i.statements) if (s.line <= line && s.line >= at.line) at = { incident: i.index, statement: s.index, line: s.line };
      return { incident: at.incident, statement: at.statement };
    };
    findings.push(...suppressor.unusedFindings(statementAt, ruleIds));
    findings.sort((a, b) => a.incident - b.incident || a.line - b.line || a.column - b.column);
  }
  const score = incidents.length ? Math.min(...incidents.map((i) => i.score)) : 100;
  return {
    filePath: parsed.source.path,
    format: parsed.format,
    score,
    grade: grade(score, grades),
    errorCount: findings.filter((f) => f.severity === 'error').length,
    warningCount: findings.filter((f) => f.severity === 'warning').length,
    infoCount: findings.filter((f) => f.severity === 'info').length,
    incidents,
    findings,
    ...(settings.detail ? { source: parsed.source.text } : {}),
    ...(parsed.warnings?.length ? { warnings: parsed.warnings } : {}),
  };
}

// The JSON report (FORMATS.md): an array with one element per input file, ESLint-compatible
// field names plus crisislint's own fields.

import type { FileResult } from '../engine/results.js';
import type { FileByFileFormatter, Formatter } from './types.js';

const SEVERITY_NUMBER = { error: 2, warning: 1, info: 0 } as const;

export function toJsonReport(results: FileResult[]) {
  return results.map(toJsonFile);
}

function toJsonFile(r: FileResult) {
  return {
    filePath: r.filePath,
    ...(r.format ? { format: r.format } : {}),
    score: r.score,
    grade: r.grade,
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    infoCount: r.infoCount,
    fatalErrorCount: r.fatal ? 1 : 0,
    ...(r.warnings?.length ? { inputWarnings: r.warnings } : {}),
    incidents: r.incidents.map((i) => ({
      title: i.title ?? null,
      score: i.score,
      grade: i.grade,
      statements: i.statements.length,
      maintenance: i.isMaintenance,
      timeline: i.statements.map((s) => ({ statement: s.index, phase: s.phase, time: s.time ?? null, line: s.line, score: s.score })),
      checklist: i.checklist,
    })),
    messages: r.fatal
      ? [{ ruleId: null, fatal: true, severity: 2, level: 'error', message: r.fatal, line: 1, column: 1 }]
      : r.findings.map((f) => ({
          ruleId: f.ruleId,
          severity: SEVERITY_NUMBER[f.severity],
          level: f.severity,
          principle: f.principle,
          message: f.message,
          line: f.line,
          column: f.column,
          endLine: f.endLine,
          endColumn: f.endColumn,
          excerpt: f.excerpt,
          penalty: f.penalty,
          statement: f.statement,
          incident: f.incident,
          ...(f.suggestions.length ? { suggestions: f.suggestions } : {}),
        })),
  };
}

/**
 * The report file by file: each file's element as JSON.stringify(report, null, 2) indents it,
 * one level in (stringified inside a one-element array, whose brackets are cut off).
 */
export const jsonByFile: FileByFileFormatter = {
  file: (result) => JSON.stringify([toJsonFile(result)], null, 2).slice(4, -2),
  open: '[\n  ',
  separator: ',\n  ',
  close: '\n]\n',
  empty: '[]\n',
};

export const json: Formatter = (results) => `${JSON.stringify(toJsonReport(results), null, 2)}\n`;

// crisislint's results in LSP terms: findings as diagnostics, suggestions and inline disable
// comments as code actions, the score and principle checklist as a code lens and a hover.
// crisislint's lines and columns are 1-based and count UTF-16 code units (JavaScript string
// offsets), which is what LSP positions count by default, so they map one to one.

import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type CodeLens,
  type Diagnostic,
  type Hover,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import type { Principle } from '../api.js';
import { PRINCIPLE_INFO } from '../engine/principles.js';
import type { FileResult, Finding, SuggestionResult } from '../engine/results.js';
import { UNUSED_DISABLE_ID } from '../engine/suppressions.js';
import { ruleHelpUri } from '../formatters/sarif.js';

export const SOURCE = 'crisislint';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function rangeOf(span: Span): Range {
  return {
    start: { line: span.line - 1, character: span.column - 1 },
    end: { line: span.endLine - 1, character: span.endColumn - 1 },
  };
}

export function diagnosticOf(finding: Finding): Diagnostic {
  const href = ruleHelpUri(finding.ruleId);
  return {
    range: rangeOf(finding),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: SOURCE,
    message: finding.message,
  };
}

/** A file crisislint could not read (or a config it could not use): one diagnostic on the first line. */
export function problemDiagnostic(message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Error, source: SOURCE, message };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);

/** Whether two ranges share a character (touching ends do not), or are the same insertion point. */
function overlaps(a: Range, b: Range): boolean {
  if (sameRange(a, b)) return true;
  return before(a.start, b.end) && before(b.start, a.end);
}

/** Whether a range touches a position range at all, ends included (for code-action requests). */
function touches(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/**
 * The findings a code-action request is about: those the client names in its context, matched
 * by rule and range to the server's own latest results. Some clients send back ranges in other
 * units (Neovim 0.7 sends byte columns): a named rule then matches on the diagnostic's line.
 * Without named diagnostics, the findings touching the range.
 */
export function findingsFor(findings: Finding[], range: Range, contextDiagnostics: Diagnostic[]): Finding[] {
  const ours = contextDiagnostics.filter((d) => d.source === SOURCE && typeof d.code === 'string');
  if (ours.length === 0) return findings.filter((f) => touches(rangeOf(f), range));
  const exact = findings.filter((f) => ours.some((d) => d.code === f.ruleId && sameRange(d.range, rangeOf(f))));
  if (exact.length) return exact;
  return findings.filter((f) => ours.some((d) => d.code === f.ruleId && d.range.start.line === f.line - 1));
}

const suggestionEdit = (s: SuggestionResult): TextEdit => ({ range: rangeOf(s), newText: s.text });

/** The first suggestion of each finding, leaving out any that would overlap an earlier one. */
export function nonOverlappingEdits(findings: Finding[]): TextEdit[] {
  const edits = findings
    .filter((f) => f.suggestions.length)
    .map((f) => suggestionEdit(f.suggestions[0]))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const kept: TextEdit[] = [];
  for (const edit of edits) if (!kept.some((k) => overlaps(k.range, edit.range))) kept.push(edit);
  return kept;
}

/** The last line (0-based) of YAML front matter, where an HTML comment would change a value; -1 without one. */
function frontMatterLines(lines: string[]): number {
  if (lines[0]?.replace(/\r$/, '') !== '---') return -1;
  for (let i = 1; i < lines.length; i++) if (/^(---|\.\.\.)\s*$/.test(lines[i])) return i;
  return -1;
}

/**
 * The edit that adds `<!-- crisislint-disable-line RULE -->` at the end of the finding's first
 * line (suppressions match a finding by the line it starts on), or extends such a comment
 * already there. Undefined where a comment cannot go (front matter).
 */
export function disableLineEdit(text: string, finding: Finding): TextEdit | undefined {
  const lines = text.split('\n');
  const index = finding.line - 1;
  const line = lines[index];
  if (line === undefined || index <= frontMatterLines(lines)) return undefined;
  const body = line.replace(/\r$/, '');
  const existing = /<!--\s*crisislint-disable-line\s+([\w-]+(?:[\s,]+[\w-]+)*)\s*-->\s*$/.exec(body);
  if (existing) {
    const idsEnd = existing.index + existing[0].indexOf(existing[1]) + existing[1].length;
    return { range: { start: { line: index, character: idsEnd }, end: { line: index, character: idsEnd } }, newText: `, ${finding.ruleId}` };
  }
  // Before any trailing spaces, which may be a Markdown line break.
  const end = body.replace(/\s+$/, '').length;
  return { range: { start: { line: index, character: end }, end: { line: index, character: end } }, newText: ` <!-- crisislint-disable-line ${finding.ruleId} -->` };
}

/**
 * Code actions for the findings at a range: each suggestion as a quick fix, "disable RULE for
 * this line", and "fix all RULE suggestions in this file" when the rule has more than one.
 */
export function codeActionsFor(uri: string, text: string, all: Finding[], selected: Finding[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const fixAllOffered = new Set<string>();
  for (const finding of selected) {
    const diagnostic = diagnosticOf(finding);
    finding.suggestions.forEach((s, i) =>
      actions.push({
        title: s.desc,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: i === 0,
        edit: { changes: { [uri]: [suggestionEdit(s)] } },
      }),
    );
    const fixable = all.filter((f) => f.ruleId === finding.ruleId && f.suggestions.length);
    if (fixable.length > 1 && !fixAllOffered.has(finding.ruleId)) {
      fixAllOffered.add(finding.ruleId);
      actions.push({
        title: `Fix all ${finding.ruleId} suggestions in this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: fixable.map(diagnosticOf),
        edit: { changes: { [uri]: nonOverlappingEdits(fixable) } },
      });
    }
    if (finding.ruleId === UNUSED_DISABLE_ID) continue;
    const disable = disableLineEdit(text, finding);
    if (disable) {
      actions.push({
        title: `Disable ${finding.ruleId} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: [disable] } },
      });
    }
  }
  return actions;
}

const MARK = { satisfied: '✓', failed: '✗', 'not-applicable': '–' } as const;

function checklistLine(checklist: FileResult['incidents'][number]['checklist']): string {
  return (Object.keys(PRINCIPLE_INFO) as Principle[]).map((p) => `${MARK[checklist[p]]} ${PRINCIPLE_INFO[p].name}`).join('  ');
}

/** One lens per incident: its score, grade and principle checklist, at the top of the file (or of the incident). */
export function codeLensesFor(result: FileResult): CodeLens[] {
  const single = result.incidents.length === 1;
  return result.incidents.map((incident) => {
    const line = single ? 0 : Math.max(0, (incident.statements[0]?.line ?? 1) - 1);
    const name = single || !incident.title ? '' : ` "${incident.title}"`;
    return {
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      // A lens with an empty command is shown as text and does nothing when clicked.
      command: { title: `crisislint${name}: ${incident.score}/100 ${incident.grade}  ${checklistLine(incident.checklist)}`, command: '' },
    };
  });
}

/** The hover on the first line: the file's score and each incident's checklist with what each principle asks. */
export function summaryHover(result: FileResult): Hover {
  const parts = [`**crisislint** score **${result.score}/100 ${result.grade}** (${countText(result)})`];
  for (const incident of result.incidents) {
    if (result.incidents.length > 1) parts.push(`**${incident.title ?? `Incident ${incident.index + 1}`}**: ${incident.score}/100 ${incident.grade}`);
    parts.push(
      (Object.keys(PRINCIPLE_INFO) as Principle[])
        .map((p) => `- ${MARK[incident.checklist[p]]} **${p} ${PRINCIPLE_INFO[p].name}**: ${PRINCIPLE_INFO[p].line}`)
        .join('\n'),
    );
  }
  return { contents: { kind: 'markdown', value: parts.join('\n\n') }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

function countText(result: FileResult): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${n(result.errorCount, 'error')}, ${n(result.warningCount, 'warning')}, ${result.infoCount} info`;
}

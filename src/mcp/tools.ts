// What the MCP server's tools do, apart from the protocol: lint a draft (with an optional input
// format and phase), explain a rule, list the rules. The config is the one found from the folder
// the server runs in, as the CLI finds it there.

import { builtinRuleMeta, type InputFormatName, type Principle, type RuleMeta } from '../api.js';
import { ruleDocText } from '../cli/rule-docs.js';
import { didYouMean } from '../engine/did-you-mean.js';
import { PHASES, lineStartsOf, type Phase } from '../engine/model.js';
import { PRINCIPLE_INFO } from '../engine/principles.js';
import type { ChecklistState, Finding } from '../engine/results.js';
import { ruleHelpUri } from '../formatters/sarif.js';
import { detectFormat } from '../inputs/index.js';
import { DocumentLinter } from '../lsp/linter.js';

export class ToolError extends Error {}

export interface LintStatementInput {
  text: string;
  format?: InputFormatName;
  phase?: Phase;
  now?: string;
}

export interface ChecklistItem {
  principle: Principle;
  name: string;
  state: ChecklistState;
}

const PRINCIPLES = Object.keys(PRINCIPLE_INFO) as Principle[];

function checklistOf(checklist: Record<Principle, ChecklistState>): ChecklistItem[] {
  return PRINCIPLES.map((p) => ({ principle: p, name: PRINCIPLE_INFO[p].name, state: checklist[p] }));
}

/**
 * Gives a Markdown statement its phase the way a writer would: the front matter's `status`.
 * Returns the text to lint and how many lines were added before each original line.
 */
export function withPhase(text: string, phase: Phase): { text: string; addedBefore: (line: number) => number } {
  const lines = text.split('\n');
  if (lines[0].replace(/\r$/, '') === '---') {
    const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (close > 0) {
      if (lines.slice(1, close).some((l) => /^status\s*:/.test(l))) throw new ToolError('the front matter already sets status; leave out phase or remove status from the text');
      return { text: [lines[0], `status: ${phase}`, ...lines.slice(1)].join('\n'), addedBefore: (line) => (line > 1 ? 1 : 0) };
    }
  }
  return { text: `---\nstatus: ${phase}\n---\n${text}`, addedBefore: () => 3 };
}

/** Applies the first suggestion of each finding (skipping any that overlaps an earlier one). */
export function applySuggestions(text: string, findings: Finding[]): string {
  const starts = lineStartsOf(text);
  const offset = (line: number, column: number) => (starts[line - 1] ?? text.length) + column - 1;
  const edits = findings
    .filter((f) => f.suggestions.length)
    .map((f) => ({ start: offset(f.suggestions[0].line, f.suggestions[0].column), end: offset(f.suggestions[0].endLine, f.suggestions[0].endColumn), text: f.suggestions[0].text }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) continue;
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

export class Tools {
  private readonly linter: DocumentLinter;

  constructor(private readonly cwd: string) {
    this.linter = new DocumentLinter(cwd);
  }

  async lintStatement(input: LintStatementInput) {
    const now = input.now === undefined ? new Date() : new Date(input.now);
    if (Number.isNaN(now.getTime())) throw new ToolError(`now: "${input.now}" is not an ISO 8601 time, e.g. 2024-03-01T15:00:00Z`);
    if (input.text.trim() === '') throw new ToolError('text is empty: give the statement to check');
    let text = input.text;
    let addedBefore = (_line: number) => 0;
    if (input.phase) {
      const format = input.format ?? detectFormat(text, 'statement.md').name;
      if (format !== 'markdown') throw new ToolError(`phase applies to a Markdown statement; a ${format} input carries its own phases`);
      ({ text, addedBefore } = withPhase(text, input.phase));
    }
    const outcome = await this.linter.lint(text, undefined, 'statement.md', { now, inputFormat: input.format });
    if (outcome.kind === 'config-error') throw new ToolError(`invalid config: ${outcome.message}`);
    if (outcome.kind !== 'linted') throw new ToolError('text is empty: give the statement to check');
    const result = outcome.result;
    if (result.fatal) throw new ToolError(`could not read the text: ${result.fatal}`);
    // Positions back in the caller's text, without the front matter added for the phase.
    const back = <T extends { line: number; endLine: number }>(p: T): T => ({ ...p, line: p.line - addedBefore(p.line), endLine: p.endLine - addedBefore(p.endLine) });
    const findings = result.findings.map((f) => ({ ...back(f), suggestions: f.suggestions.map(back) }));
    const worst = [...result.incidents].sort((a, b) => a.score - b.score)[0];
    return {
      score: result.score ?? 0,
      grade: result.grade ?? 'F',
      errorCount: result.errorCount,
      warningCount: result.warningCount,
      infoCount: result.infoCount,
      checklist: worst ? checklistOf(worst.checklist) : [],
      incidents: result.incidents.map((incident) => ({
        ...(incident.title ? { title: incident.title } : {}),
        score: incident.score,
        grade: incident.grade,
        checklist: checklistOf(incident.checklist),
        statements: incident.statements.map((s) => ({ phase: s.phase, line: s.line - addedBefore(s.line), score: s.score })),
      })),
      findings: findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        principle: f.principle ?? undefined,
        message: f.message,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        excerpt: f.excerpt,
        suggestions: f.suggestions,
      })),
      ...(findings.some((f) => f.suggestions.length) ? { textWithSuggestions: applySuggestions(input.text, findings) } : {}),
    };
  }

  /** Every rule available here (built-in and the config's plugins) with its configured severity. */
  async listRules() {
    const { metas, severity } = await this.rules();
    return { rules: metas.map((m) => ({ id: m.id, principle: m.principle, principleName: PRINCIPLE_INFO[m.principle].name, severity: severity(m), description: m.description })) };
  }

  async explainRule(ruleId: string) {
    const { metas, severity } = await this.rules();
    const meta = metas.find((m) => m.id === ruleId);
    if (!meta) throw new ToolError(`unknown rule "${ruleId}"${didYouMean(ruleId, metas.map((m) => m.id))}; list_rules lists them`);
    const docsUrl = ruleHelpUri(meta.id);
    const body = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '').trim();
    const plain = (s: string) => s;
    return {
      text: ruleDocText(meta, { bold: plain, dim: plain, red: plain, green: plain }),
      rule: {
        id: meta.id,
        principle: meta.principle,
        principleName: PRINCIPLE_INFO[meta.principle].name,
        severity: severity(meta),
        description: meta.description,
        why: meta.docs.why,
        fix: meta.docs.fix,
        failExamples: meta.docs.fail.map((e) => body(e.text)),
        passExamples: meta.docs.pass.map((e) => body(e.text)),
        ...(docsUrl ? { docsUrl } : {}),
      },
    };
  }

  private async rules(): Promise<{ metas: RuleMeta<object>[]; severity: (meta: RuleMeta<object>) => string }> {
    const settings = await this.linter.settingsFor(this.cwd);
    if (settings.error !== undefined) throw new ToolError(`invalid config: ${settings.error}`);
    const metas = [...builtinRuleMeta(), ...settings.plugins!.map((r) => r.meta as RuleMeta<object>)];
    const configured = (m: RuleMeta<object>) => {
      const setting = settings.config!.rules[m.id];
      return setting === undefined ? m.severity : Array.isArray(setting) ? setting[0] : setting;
    };
    return { metas, severity: (m) => configured(m) };
  }
}

export const PHASE_NAMES = PHASES;

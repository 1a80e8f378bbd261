// Inline suppressions, as HTML comments in Markdown (ESLint's syntax):
//   <!-- crisislint-disable [rule-id, ...] -->            until the end of the file or an enable
//   <!-- crisislint-enable [rule-id, ...] -->
//   <!-- crisislint-disable-next-line [rule-id, ...] -->  the line after the comment
//   <!-- crisislint-disable-line [rule-id, ...] -->       the comment's own line(s)
// Without rule ids they apply to every rule. Text after " -- " is a reason and is ignored.
// A finding is matched by the line it starts on. Suppressed findings are dropped before
// scoring, so the score matches the report.

import { positionOf, type InlineDirective, type ParsedFile } from './model.js';
import type { Finding } from './results.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface Directive {
  kind: DirectiveKind;
  /** The rule ids named, or null for all rules. */
  rules: string[] | null;
  /** Position of the comment in the file (1-based; end exclusive). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The comment's text, for messages. */
  text: string;
}

/** The rule id of the findings that report a suppression comment that suppressed nothing. */
export const UNUSED_DISABLE_ID = 'unused-disable';

const DIRECTIVE = /^crisislint-(disable-next-line|disable-line|disable|enable)(?=\s|$)([\s\S]*)$/;

/** Reads the crisislint comments among a file's HTML comments; others are ignored. */
export function parseDirectives(parsed: Pick<ParsedFile, 'directives' | 'source'>): Directive[] {
  const out: Directive[] = [];
  const { source } = parsed;
  for (const comment of parsed.directives) {
    const m = DIRECTIVE.exec(comment.text.trim());
    if (!m) continue;
    const ids = m[2].replace(/\s--(?:\s[\s\S]*)?$/, '').split(/[\s,]+/).filter(Boolean);
    out.push({ kind: m[1] as DirectiveKind, rules: ids.length ? ids : null, text: comment.text.trim(), ...commentSpan(source, comment) });
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Where the comment starts and ends: found from its start line, since it may span lines. */
function commentSpan(source: ParsedFile['source'], comment: InlineDirective) {
  const lineStart = source.lineStarts[comment.line - 1] ?? 0;
  const body = source.text.indexOf(comment.text, lineStart);
  const open = body === -1 ? -1 : source.text.lastIndexOf('<!--', body);
  const close = body === -1 ? -1 : source.text.indexOf('-->', body + comment.text.length);
  if (open === -1 || close === -1) return { line: comment.line, column: 1, endLine: comment.line, endColumn: 1 };
  const start = positionOf(source, open);
  const end = positionOf(source, close + 3);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

const names = (d: Directive, r: string) => d.rules === null || d.rules.includes(r);

/**
 * Decides which findings are suppressed and remembers which comments did the suppressing, so
 * comments that suppressed nothing can be reported (--report-unused-disables).
 */
export class Suppressor {
  readonly directives: Directive[];
  /** Rule ids each comment suppressed at least one finding of. */
  private readonly used = new Map<Directive, Set<string>>();

  constructor(parsed: Pick<ParsedFile, 'directives' | 'source'>) {
    this.directives = parseDirectives(parsed);
    for (const d of this.directives) this.used.set(d, new Set());
  }

  get isEmpty(): boolean {
    return this.directives.length === 0;
  }

  /** The comment that suppresses a finding of `ruleId` starting on `line`, if any. */
  private suppressorOf(ruleId: string, line: number): Directive | undefined {
    for (const d of this.directives) {
      if (d.kind === 'disable-next-line' && line === d.endLine + 1 && names(d, ruleId)) return d;
      if (d.kind === 'disable-line' && line >= d.line && line <= d.endLine && names(d, ruleId)) return d;
    }
    let responsible: Directive | undefined;
    for (const d of this.directives) {
      if (d.line > line) break;
      if (d.kind === 'disable' && names(d, ruleId)) responsible = d;
      else if (d.kind === 'enable' && names(d, ruleId)) responsible = undefined;
    }
    return responsible;
  }

  /** The findings that are not suppressed. */
  keep(findings: Finding[]): Finding[] {
    if (this.isEmpty) return findings;
    return findings.filter((f) => {
      const d = this.suppressorOf(f.ruleId, f.line);
      if (d) this.used.get(d)!.add(f.ruleId);
      return !d;
    });
  }

  /**
   * Comments that suppressed nothing: a disable with no finding to suppress (per rule id
   * named), or an enable with nothing disabled before it. Call after keep() has seen every
   * finding of the file.
   */
  unused(): { directive: Directive; rules: string[] | null; reason: string }[] {
    const out: { directive: Directive; rules: string[] | null; reason: string }[] = [];
    // The disable state just before each enable: per rule, or for all rules.
    let blanket: Directive | undefined;
    const perRule = new Map<string, Directive | undefined>();
    const disabled = (r: string) => (perRule.has(r) ? perRule.get(r) : blanket);
    for (const d of this.directives) {
      if (d.kind === 'enable') {
        if (d.rules === null) {
          if (!blanket && ![...perRule.values()].some(Boolean)) out.push({ directive: d, rules: null, reason: 'nothing was disabled before it' });
          blanket = undefined;
          perRule.clear();
        } else {
          const idle = d.rules.filter((r) => !disabled(r));
          if (idle.length) out.push({ directive: d, rules: idle, reason: `${listIds(idle, 'and')} ${idle.length === 1 ? 'was' : 'were'} not disabled before it` });
          for (const r of d.rules) perRule.set(r, undefined);
        }
        continue;
      }
      if (d.kind === 'disable') {
        if (d.rules === null) {
          blanket = d;
          perRule.clear();
        } else for (const r of d.rules) perRule.set(r, d);
      }
      const used = this.used.get(d)!;
      if (d.rules === null) {
        if (used.size === 0) out.push({ directive: d, rules: null, reason: 'no finding to suppress' });
      } else {
        const idle = d.rules.filter((r) => !used.has(r));
        if (idle.length) out.push({ directive: d, rules: idle, reason: `no ${listIds(idle)} finding to suppress` });
      }
    }
    return out;
  }

  /**
   * The unused comments as warning findings (penalty 0: they do not change scores).
   * `locate` gives the incident and statement a line belongs to.
   */
  unusedFindings(
    locate: (line: number) => { incident: number; statement: number },
    knownIds: Iterable<string>,
  ): Finding[] {
    const known = [...knownIds];
    return this.unused().map(({ directive: d, rules, reason }) => {
      const unknown = (rules ?? []).filter((r) => !known.includes(r));
      const hint = unknown.length ? ` (${listIds(unknown)} did not run: ${unknown.length === 1 ? 'not a rule, or turned off' : 'not rules, or turned off'})` : '';
      const excerpt = `<!-- ${d.text} -->`;
      return {
        ruleId: UNUSED_DISABLE_ID,
        severity: 'warning' as const,
        // A note about the comment, not about the writing: no principle of its own.
        principle: null,
        message: `Unused crisislint-${d.kind} comment: ${reason}${hint}. Remove it, or fix the rule ids.`,
        line: d.line,
        column: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
        excerpt: excerpt.length > 200 ? `${excerpt.slice(0, 199)}…` : excerpt,
        penalty: 0,
        ...locate(d.line),
        suggestions: [],
      };
    });
  }
}

function listIds(ids: string[], conjunction: 'or' | 'and' = 'or'): string {
  const quoted = ids.map((r) => `"${r}"`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}

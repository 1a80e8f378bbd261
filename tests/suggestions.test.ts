// Every suggestion passes the linter: apply each suggestion crisislint makes, lint again, and the
// finding it answers must be gone with no new warning or error in its place. Run on the fixtures,
// the rules' docs examples and, when ../shared is present, the labelled statements (written and
// real status pages).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { defaultRules, lintText } from '../src/engine/index.js';
import type { FileResult, Finding, SuggestionResult } from '../src/engine/results.js';
import { CORPUS } from './helpers.js';

interface Source {
  name: string;
  text: string;
  now: string;
  inputFormat?: string;
}

const ROOT = resolve(import.meta.dirname, '..');

function lint(source: Source): FileResult {
  return lintText(source.text, { now: new Date(source.now), rules: defaultRules(), inputFormat: source.inputFormat, path: source.name });
}

/** Offset of a 1-based line and column in the text. */
function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) at = text.indexOf('\n', at) + 1;
  return at + column - 1;
}

function apply(text: string, s: SuggestionResult): string {
  return text.slice(0, offsetOf(text, s.line, s.column)) + s.text + text.slice(offsetOf(text, s.endLine, s.endColumn));
}

/** Warning and error findings per rule. */
function serious(result: FileResult): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of result.findings) if (f.severity !== 'info') counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return counts;
}

function count(result: FileResult, rule: string): number {
  return result.findings.filter((f) => f.ruleId === rule).length;
}

/**
 * Rules whose suggestions are known to bring a new finding, with why; owned by other work. Their
 * check below is expected to fail, so it starts failing (and must be moved back) once fixed.
 */
const KNOWN_BROKEN: Record<string, string> = {};

/** What is wrong with each suggestion of a source; empty when every suggestion passes. */
function problems(source: Source, only: (rule: string) => boolean = (rule) => !(rule in KNOWN_BROKEN)): string[] {
  const before = lint(source);
  if (before.fatal) return [];
  const wrong: string[] = [];
  const beforeSerious = serious(before);
  for (const finding of before.findings) {
    if (!only(finding.ruleId)) continue;
    for (const suggestion of finding.suggestions) {
      const fixed = apply(source.text, suggestion);
      const after = lint({ ...source, text: fixed });
      const where = `${source.name}:${finding.line} ${finding.ruleId} -> "${suggestion.text}"`;
      if (after.fatal) {
        // Cutting the only sentence of a one-sentence example leaves nothing to lint: the finding is gone.
        if (!/[\p{L}\p{N}]/u.test(fixed.replace(/^---\n[^]*?\n---\n/, ''))) continue;
        wrong.push(`${where}: no longer parses (${after.fatal})`);
        continue;
      }
      if (count(after, finding.ruleId) >= count(before, finding.ruleId) && stillThere(after, finding)) wrong.push(`${where}: the finding stays`);
      for (const [rule, n] of serious(after)) {
        if (n > (beforeSerious.get(rule) ?? 0)) wrong.push(`${where}: brings a new ${rule} finding`);
      }
    }
  }
  return wrong;
}

/** The same rule still reports on the same line with the same message. */
function stillThere(after: FileResult, finding: Finding): boolean {
  return after.findings.some((f) => f.ruleId === finding.ruleId && f.line === finding.line && f.message === finding.message);
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.md')).map((n) => join(dir, n));
}

const fixtures: Source[] = markdownFiles(join(ROOT, 'fixtures')).map((path) => ({
  name: path,
  text: readFileSync(path, 'utf8'),
  now: '2030-01-01T00:00:00Z',
}));

const examples: Source[] = builtinRules.flatMap((rule) =>
  [...rule.meta.docs.fail, ...rule.meta.docs.pass].map((example, i) => ({
    name: `${rule.meta.id} example ${i}`,
    text: example.text,
    now: example.now ?? '2030-01-01T00:00:00Z',
  })),
);

describe('every suggestion passes the linter', () => {
  it('on the fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(2);
    expect(fixtures.flatMap((source) => problems(source))).toEqual([]);
  });

  it('on the rules\' docs examples', () => {
    expect(examples.flatMap((source) => problems(source))).toEqual([]);
  });

  // Needs ../shared/corpus (the labelled statements); skipped when it is absent.
  it.skipIf(!existsSync(join(CORPUS, 'labeled')))('on the labelled statements', () => {
    const labeled: Source[] = markdownFiles(join(CORPUS, 'labeled')).map((path) => ({ name: path, text: readFileSync(path, 'utf8'), now: '2030-01-01T00:00:00Z' }));
    expect(labeled.flatMap((source) => problems(source))).toEqual([]);
  }, 60_000);

  it.skipIf(!existsSync(join(CORPUS, 'status-labeled')))('on the labelled real status pages', () => {
    const pages: Source[] = markdownFiles(join(CORPUS, 'status-labeled'))
      .filter((path) => !path.endsWith('label-notes.md'))
      .map((path) => ({ name: path, text: readFileSync(path, 'utf8'), now: '2026-12-01T00:00:00Z', inputFormat: 'cstate' }));
    expect(pages.flatMap((source) => problems(source))).toEqual([]);
  }, 60_000);

  for (const [rule, why] of Object.entries(KNOWN_BROKEN)) {
    it.fails(`${rule}: known to fail (${why})`, () => {
      expect(examples.flatMap((source) => problems(source, (id) => id === rule))).toEqual([]);
    });
  }

  it('counts a suggestion that brings a new finding as a failure', () => {
    // The check itself must be able to fail: a rewrite that swaps one passive for another.
    const source: Source = { name: 'probe.md', text: '---\nstatus: resolved\n---\nThe fix was deployed at 14:00 UTC.\n', now: '2030-01-01T00:00:00Z' };
    const before = lint(source);
    const [finding] = before.findings.filter((f) => f.ruleId === 'passive-voice');
    expect(finding.suggestions.length).toBe(1);
    const worse = { ...finding.suggestions[0], text: 'The change was rolled out' };
    const after = lint({ ...source, text: apply(source.text, worse) });
    expect(count(after, 'passive-voice')).toBeGreaterThan(0);
  });
});

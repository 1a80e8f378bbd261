// Scores exactly as RULES.md "Scores" defines them.
import { describe, expect, it } from 'vitest';
import { grade, scoreStatements } from '../src/engine/score.js';
import type { Finding } from '../src/engine/results.js';
import type { Severity } from '../src/api.js';

let line = 0;
const finding = (ruleId: string, severity: Severity, statement = 0): Finding => ({
  ruleId, severity, statement, principle: 'P2', message: '', line: ++line, column: 1, endLine: line, endColumn: 2,
  excerpt: '', penalty: -1, incident: 0, suggestions: [],
});

describe('scores', () => {
  it('charges 20 / 8 / 2 for error / warning / info', () => {
    const findings = [finding('a', 'error'), finding('b', 'warning'), finding('c', 'info')];
    expect(scoreStatements(findings, 1)).toEqual([70]);
    expect(findings.map((f) => f.penalty)).toEqual([20, 8, 2]);
  });

  it("adds half the penalty for a rule's further findings, capped at twice its first", () => {
    const findings = [finding('a', 'warning'), finding('a', 'warning'), finding('a', 'warning'), finding('a', 'warning')];
    // 8 + 4 + 4 = 16 = the cap; the fourth adds nothing.
    expect(scoreStatements(findings, 1)).toEqual([84]);
    expect(findings.map((f) => f.penalty)).toEqual([8, 4, 4, 0]);
  });

  it("counts the heaviest finding of a rule as its first, whatever the order", () => {
    const findings = [finding('a', 'info'), finding('a', 'warning')];
    expect(scoreStatements(findings, 1)).toEqual([91]); // 8 + 2/2
  });

  it('scores each statement separately and floors at 0', () => {
    const many = ['a', 'b', 'c', 'd', 'e', 'f'].map((r) => finding(r, 'error', 1));
    expect(scoreStatements([finding('a', 'warning', 0), ...many], 2)).toEqual([92, 0]);
  });

  it('honours custom weights', () => {
    expect(scoreStatements([finding('a', 'error')], 1, { error: 50, warning: 8, info: 2 })).toEqual([50]);
  });

  it('grades A 90+, B 80+, C 70+, D 60+, F below', () => {
    expect([100, 90, 89.5, 80, 79, 70, 69, 60, 59.9, 0].map((s) => grade(s))).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D', 'F', 'F']);
  });
});

// Scores as RULES.md "Scores" defines them: a penalty per finding by severity; a rule's further
// findings in one statement add half their penalty; one rule takes at most twice its first
// penalty from one statement; a statement scores 100 minus its penalties, floored at 0; an
// incident scores the minimum of its statements.

import type { Severity } from '../api.js';
import type { Finding } from './results.js';

export interface ScoreWeights {
  error: number;
  warning: number;
  info: number;
}

export const DEFAULT_WEIGHTS: ScoreWeights = { error: 20, warning: 8, info: 2 };

export interface GradeThresholds {
  A: number;
  B: number;
  C: number;
  D: number;
}

export const DEFAULT_GRADES: GradeThresholds = { A: 90, B: 80, C: 70, D: 60 };

export function grade(score: number, thresholds: GradeThresholds = DEFAULT_GRADES): string {
  if (score >= thresholds.A) return 'A';
  if (score >= thresholds.B) return 'B';
  if (score >= thresholds.C) return 'C';
  if (score >= thresholds.D) return 'D';
  return 'F';
}

/**
 * Sets each finding's `penalty` and returns the score of each statement (by index). Within a
 * rule and statement the heaviest finding counts as the first, so the order of sentences does
 * not change the score.
 */
export function scoreStatements(findings: Finding[], statementCount: number, weights: ScoreWeights = DEFAULT_WEIGHTS): number[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.statement}\u0000${f.ruleId}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(f);
  }
  const penalties = new Array<number>(statementCount).fill(0);
  const weight = (s: Severity) => weights[s];
  for (const group of groups.values()) {
    group.sort((a, b) => weight(b.severity) - weight(a.severity) || a.line - b.line || a.column - b.column);
    const first = weight(group[0].severity);
    const cap = 2 * first;
    let taken = 0;
    group.forEach((f, i) => {
      const full = i === 0 ? first : weight(f.severity) / 2;
      const applied = Math.max(0, Math.min(full, cap - taken));
      f.penalty = applied;
      taken += applied;
    });
    penalties[group[0].statement] += taken;
  }
  return penalties.map((p) => Math.max(0, Math.round((100 - p) * 10) / 10));
}

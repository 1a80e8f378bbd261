// Inline suppressions in Markdown (HTML comments), as ESLint's disable comments work: by rule
// id or for all rules, per line, per next line or per block; unused ones reported on request;
// suppressed findings never count in scores.
import { describe, expect, it } from 'vitest';
import { defaultRules, lintText } from '../src/engine/index.js';
import type { FileResult } from '../src/engine/results.js';
import { parseDirectives } from '../src/engine/suppressions.js';
import { lineStartsOf } from '../src/engine/model.js';

const NOW = new Date('2030-01-01T00:00:00Z');
const HEAD = '---\nstatus: identified\n---\n';
// Each of these lines draws a finding of its own rule on its own line.
const PASSIVE = 'The issue has now been identified.';
const EMOTION = 'We apologize for any inconvenience this may have caused.';

/** Only the two sentence rules, so each test reads exactly the findings it sets up. */
function lint(body: string, options: { reportUnusedDisables?: boolean; extraRules?: Record<string, 'off' | 'warning'> } = {}): FileResult {
  const settings: Record<string, 'off' | 'warning' | 'error'> = {};
  for (const r of defaultRules()) if (!['passive-voice', 'emotion-apology'].includes(r.rule.meta.id)) settings[r.rule.meta.id] = 'off';
  return lintText(HEAD + body, { rules: defaultRules({ ...settings, ...options.extraRules }), now: NOW, reportUnusedDisables: options.reportUnusedDisables });
}

const found = (r: FileResult) => r.findings.map((f) => `${f.line} ${f.ruleId}`);

describe('the sentences draw findings without comments', () => {
  it('one per line', () => {
    expect(found(lint(`${PASSIVE}\n${EMOTION}\n`))).toEqual(['4 passive-voice', '5 emotion-apology']);
  });
});

describe('disable comments', () => {
  it('disable-next-line RULE suppresses that rule on the next line only', () => {
    const r = lint(`<!-- crisislint-disable-next-line passive-voice -->\n${PASSIVE}\n${PASSIVE}\n`);
    expect(found(r)).toEqual(['6 passive-voice']);
  });

  it('disable-next-line leaves other rules on that line alone', () => {
    const r = lint(`<!-- crisislint-disable-next-line emotion-apology -->\n${PASSIVE} ${EMOTION}\n`);
    expect(found(r)).toEqual(['5 passive-voice']);
  });

  it('disable-next-line without ids suppresses every rule on the next line', () => {
    expect(found(lint(`<!-- crisislint-disable-next-line -->\n${PASSIVE} ${EMOTION}\n${EMOTION}\n`))).toEqual(['6 emotion-apology']);
  });

  it('disable-line works inline, at the end of the line', () => {
    expect(found(lint(`${EMOTION} <!-- crisislint-disable-line emotion-apology -->\n${EMOTION}\n`))).toEqual(['5 emotion-apology']);
  });

  it('disable ... enable covers the lines between, for the named rule', () => {
    const r = lint(`<!-- crisislint-disable passive-voice -->\n${PASSIVE}\n${EMOTION}\n\n<!-- crisislint-enable passive-voice -->\n${PASSIVE}\n`);
    expect(found(r)).toEqual(['6 emotion-apology', '9 passive-voice']);
  });

  it('a disable without an enable lasts to the end of the file', () => {
    expect(found(lint(`${PASSIVE}\n\n<!-- crisislint-disable -->\n${PASSIVE}\n\n${EMOTION}\n`))).toEqual(['4 passive-voice']);
  });

  it('a blanket disable can be narrowed by enabling one rule', () => {
    const r = lint(`<!-- crisislint-disable -->\n<!-- crisislint-enable emotion-apology -->\n${PASSIVE}\n${EMOTION}\n`);
    expect(found(r)).toEqual(['7 emotion-apology']);
  });

  it('takes several ids, comma- or space-separated, and ignores a reason after " -- "', () => {
    const r = lint(`<!-- crisislint-disable passive-voice,emotion-apology -- quoting the customer's email -->\n${PASSIVE}\n${EMOTION}\n`);
    expect(found(r)).toEqual([]);
    const spaced = lint(`<!-- crisislint-disable passive-voice emotion-apology -->\n${PASSIVE}\n${EMOTION}\n`);
    expect(found(spaced)).toEqual([]);
  });

  it('a comment over several lines applies to the line after its end', () => {
    const r = lint(`<!--\n  crisislint-disable-next-line passive-voice\n-->\n${PASSIVE}\n`);
    expect(found(r)).toEqual([]);
  });

  it('ignores other HTML comments and look-alikes', () => {
    const r = lint(`<!-- TODO: crisislint-disable passive-voice -->\n<!-- crisislint-disabled passive-voice -->\n${PASSIVE}\n`);
    expect(found(r)).toEqual(['6 passive-voice']);
  });

  it('parses kinds, ids and positions', () => {
    const text = `${HEAD}<!-- crisislint-disable a, b -- why -->\nx <!-- crisislint-enable -->\n`;
    const directives = parseDirectives({
      source: { path: 'x.md', text, lineStarts: lineStartsOf(text) },
      directives: [
        { text: 'crisislint-disable a, b -- why', line: 4 },
        { text: 'crisislint-enable', line: 5 },
      ],
    });
    expect(directives.map(({ kind, rules, line, column, endLine, endColumn }) => ({ kind, rules, line, column, endLine, endColumn }))).toEqual([
      { kind: 'disable', rules: ['a', 'b'], line: 4, column: 1, endLine: 4, endColumn: 40 },
      { kind: 'enable', rules: null, line: 5, column: 3, endLine: 5, endColumn: 29 },
    ]);
  });
});

describe('scores count only what the report shows', () => {
  it('a suppressed finding takes no points, so the score equals the unsuppressed rest', () => {
    const suppressed = lint(`<!-- crisislint-disable-next-line emotion-apology -->\n${EMOTION}\n${PASSIVE}\n`);
    const without = lint(`${PASSIVE}\n`);
    expect(found(suppressed)).toEqual(['6 passive-voice']);
    expect(suppressed.score).toBe(without.score);
    expect(suppressed.errorCount).toBe(0);
    const all = lint(`${EMOTION}\n${PASSIVE}\n`);
    expect(all.score).toBeLessThan(suppressed.score!);
  });

  it('a principle whose only finding is suppressed is not shown as failed', () => {
    const r = lint(`<!-- crisislint-disable -->\n${EMOTION}\n`);
    expect(r.incidents[0].checklist.P2).not.toBe('failed');
    expect(r.score).toBe(100);
  });
});

describe('--report-unused-disables', () => {
  it('reports nothing when every comment suppressed something', () => {
    const r = lint(`<!-- crisislint-disable-next-line passive-voice -->\n${PASSIVE}\n`, { reportUnusedDisables: true });
    expect(r.findings).toEqual([]);
  });

  it('reports a comment that suppresses nothing, as a warning that costs no points', () => {
    const r = lint(`<!-- crisislint-disable-next-line emotion-apology -->\n${PASSIVE}\n`, { reportUnusedDisables: true });
    const unused = r.findings.filter((f) => f.ruleId === 'unused-disable');
    expect(unused).toHaveLength(1);
    expect(unused[0]).toMatchObject({
      severity: 'warning',
      line: 4,
      column: 1,
      penalty: 0,
      message: 'Unused crisislint-disable-next-line comment: no "emotion-apology" finding to suppress. Remove it, or fix the rule ids.',
      excerpt: '<!-- crisislint-disable-next-line emotion-apology -->',
    });
    expect(r.warningCount).toBe(2);
    expect(r.score).toBe(lint(`${PASSIVE}\n`).score);
    // Off by default.
    expect(lint(`<!-- crisislint-disable-next-line emotion-apology -->\n${PASSIVE}\n`).findings.map((f) => f.ruleId)).toEqual(['passive-voice']);
  });

  it('names only the ids that were unused, and says when an id is not a rule that ran', () => {
    const r = lint(`<!-- crisislint-disable passive-voice, pasive-voice -->\n${PASSIVE}\n`, { reportUnusedDisables: true });
    expect(r.findings.map((f) => f.message)).toEqual([
      'Unused crisislint-disable comment: no "pasive-voice" finding to suppress ("pasive-voice" did not run: not a rule, or turned off). Remove it, or fix the rule ids.',
    ]);
  });

  it('reports a blanket disable with nothing under it and an enable with nothing to enable', () => {
    const r = lint(`${PASSIVE}\n\n<!-- crisislint-disable -->\nAll systems are operating normally.\n<!-- crisislint-enable -->\n<!-- crisislint-enable passive-voice -->\n`, {
      reportUnusedDisables: true,
    });
    expect(found(r)).toEqual(['4 passive-voice', '6 unused-disable', '9 unused-disable']);
    expect(r.findings[1].message).toBe('Unused crisislint-disable comment: no finding to suppress. Remove it, or fix the rule ids.');
    expect(r.findings[2].message).toBe('Unused crisislint-enable comment: "passive-voice" was not disabled before it. Remove it, or fix the rule ids.');
  });
});

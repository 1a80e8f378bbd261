// The language server's conversions on their own: where the disable comment goes, which
// suggestions a fix-all applies, which findings a code-action request is about.

import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/api.js';
import type { Finding } from '../src/engine/results.js';
import { disableLineEdit, findingsFor, nonOverlappingEdits, rangeOf } from '../src/lsp/convert.js';

const lint = (text: string) => lintText(text, { filePath: 'draft.md', now: new Date('2030-01-01T00:00:00Z') });
const apply = (text: string, edits: Parameters<typeof TextDocument.applyEdits>[1]) => TextDocument.applyEdits(TextDocument.create('file:///d.md', 'markdown', 1, text), edits);

describe('disable for this line', () => {
  it('appends the comment to the line, keeping a CRLF line ending', () => {
    const text = 'The issue has been identified.\r\nWe are sorry.\r\n';
    const finding = lint(text).findings.find((f) => f.ruleId === 'passive-voice')!;
    const edited = apply(text, [disableLineEdit(text, finding)!]);
    expect(edited).toBe('The issue has been identified. <!-- crisislint-disable-line passive-voice -->\r\nWe are sorry.\r\n');
    expect(lint(edited).findings.map((f) => f.ruleId)).not.toContain('passive-voice');
  });

  it('goes before trailing spaces, which may be a Markdown line break', () => {
    const text = 'The issue has been identified.  \nWe are sorry.\n';
    const finding = lint(text).findings.find((f) => f.ruleId === 'passive-voice')!;
    expect(apply(text, [disableLineEdit(text, finding)!])).toBe('The issue has been identified. <!-- crisislint-disable-line passive-voice -->  \nWe are sorry.\n');
  });

  it("adds the rule to a disable-line comment already on the line", () => {
    const text = 'We apologize for any inconvenience. The issue has been identified. <!-- crisislint-disable-line emotion-apology -->\n';
    const finding = lint(text).findings.find((f) => f.ruleId === 'passive-voice')!;
    const edited = apply(text, [disableLineEdit(text, finding)!]);
    expect(edited).toContain('<!-- crisislint-disable-line emotion-apology, passive-voice -->');
    expect(lint(edited).findings.map((f) => f.ruleId)).not.toContain('passive-voice');
  });

  it('offers nothing for a finding inside front matter, where a comment would change a value', () => {
    const text = '---\ntitle: Outage\n---\nThe issue has been identified.\n';
    const inFrontMatter = { ...lint(text).findings[0], line: 2 } as Finding;
    expect(disableLineEdit(text, inFrontMatter)).toBeUndefined();
  });
});

describe('fix all of a rule', () => {
  it('applies the first suggestion of each finding, leaving out one that overlaps an earlier edit', () => {
    const text = 'The issue has been identified and a fix has been implemented.\n';
    const passive = lint(text).findings.filter((f) => f.ruleId === 'passive-voice');
    expect(passive).toHaveLength(2);
    const edits = nonOverlappingEdits(passive);
    expect(edits).toHaveLength(2);
    expect(apply(text, edits)).toMatch(/^We have identified the issue and we have implemented a fix\./i);
    const overlapping = { ...passive[1], suggestions: [{ ...passive[0].suggestions[0], text: 'x' }] };
    expect(nonOverlappingEdits([passive[0], overlapping])).toHaveLength(1);
  });
});

describe('the findings of a code-action request', () => {
  const text = 'The issue has been identified.\n\nWe apologize for any inconvenience this may have caused.\n';
  const { findings } = lint(text);
  const apology = findings.find((f) => f.ruleId === 'emotion-apology')!;

  it('are those the client names, matched by rule and range', () => {
    const named = findingsFor(findings, rangeOf(apology), [{ range: rangeOf(apology), message: 'stale text', code: 'emotion-apology', source: 'crisislint' }]);
    expect(named).toEqual([apology]);
  });

  it("match a named rule on the diagnostic's line when the client sends its range in other units", () => {
    const inBytes = { ...rangeOf(apology), end: { line: 2, character: rangeOf(apology).end.character + 7 } };
    expect(findingsFor(findings, inBytes, [{ range: inBytes, message: '', code: 'emotion-apology', source: 'crisislint' }])).toEqual([apology]);
  });

  it('are those touching the range when the client names none', () => {
    const onLine3 = findingsFor(findings, { start: { line: 2, character: 3 }, end: { line: 2, character: 3 } }, []);
    expect(onLine3.map((f) => f.ruleId)).toContain('emotion-apology');
    expect(onLine3.map((f) => f.ruleId)).not.toContain('passive-voice');
  });
});

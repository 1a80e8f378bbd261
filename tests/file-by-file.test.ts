// The JSON report made file by file (src/cli/file-by-file.ts), as the CLI formats it during a
// run, must be byte for byte the report the json formatter gives for the same results.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import type { RuleMeta } from '../src/api.js';
import { FileByFileReport } from '../src/cli/file-by-file.js';
import { defaultRules, fatalResult, lintBytes } from '../src/engine/index.js';
import type { FileResult } from '../src/engine/results.js';
import { json, jsonByFile } from '../src/formatters/json.js';
import type { FormatterContext } from '../src/formatters/types.js';

const ROOT = resolve(import.meta.dirname, '..');
const context: FormatterContext = { color: false, cwd: ROOT, rules: new Map<string, RuleMeta<object>>(builtinRules.map((r) => [r.meta.id, r.meta])) };
const engine = { rules: defaultRules(), now: new Date('2026-12-01T00:00:00Z') };

function results(): FileResult[] {
  const files = ['fixtures/poor-statement.md', 'fixtures/timeline.md', 'fixtures/good-statement.md', 'fixtures/pasted-timeline.txt', 'fixtures/inputs/incidents.json'];
  const linted = files.map((file) => lintBytes(file, readFileSync(join(ROOT, file)), engine));
  // Text beyond ASCII (curly quotes, an accent, an emoji: UTF-8 of two to four bytes), and a file that could not be read.
  const wide = 'Résumé of the outage 🚨\n\nWe’re sorry: “payments” were down because a change was made and mistakes were made.\n';
  return [...linted, lintBytes('notes/über.md', new TextEncoder().encode(wide), engine), fatalResult('missing.md', 'no such file')];
}

describe('the JSON report, file by file', () => {
  it('is the json formatter’s report, whichever results were added during the run and in whatever order', () => {
    const all = results();
    expect(all.some((r) => r.findings.length > 0)).toBe(true);
    const whole = json(all, context);
    expect(new FileByFileReport(jsonByFile, context, (r) => r).bytes(all).toString('utf8')).toBe(whole);
    const report = new FileByFileReport(jsonByFile, context, (r) => r);
    // Results arrive in any order (workers finish when they do); some not at all (stdin, unreadable files).
    for (const i of [3, 0, 5, 2]) report.add(all[i]);
    expect(report.bytes(all).toString('utf8')).toBe(whole);
    expect(report.bytes(all).equals(Buffer.from(whole, 'utf8'))).toBe(true);
  });

  it('shows what the run shows of each result (--quiet leaves out all but errors)', () => {
    const all = results();
    const errorsOnly = (r: FileResult): FileResult => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error'), warningCount: 0, infoCount: 0 });
    const report = new FileByFileReport(jsonByFile, context, errorsOnly);
    report.add(all[0]);
    expect(report.bytes(all).toString('utf8')).toBe(json(all.map(errorsOnly), context));
    expect(report.bytes(all).toString('utf8')).not.toBe(json(all, context));
  });

  it('of one file and of none', () => {
    const [one] = results();
    expect(new FileByFileReport(jsonByFile, context, (r) => r).bytes([one]).toString('utf8')).toBe(json([one], context));
    expect(new FileByFileReport(jsonByFile, context, (r) => r).bytes([]).toString('utf8')).toBe(json([], context));
    expect(json([], context)).toBe('[]\n');
  });
});

// The CI formatters: sarif (GitHub code scanning), github (workflow annotations), compact and
// rdjsonl (reviewdog). Shapes, escaping, one annotation per finding, unreadable files.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import type { RuleMeta } from '../src/api.js';
import type { FileResult, Finding } from '../src/engine/results.js';
import { compact } from '../src/formatters/compact.js';
import { escapeData, escapeProperty, github } from '../src/formatters/github.js';
import { rdjsonl } from '../src/formatters/rdjsonl.js';
import { sarif, toSarif } from '../src/formatters/sarif.js';
import type { FormatterContext } from '../src/formatters/types.js';
import { CORPUS as SHARED_CORPUS, describeWithCorpus, HAS_CORPUS } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'crisislint.cjs');

/** A repository (a folder with .git) with the lint run in its `status/` subfolder. */
function repo() {
  const root = mkdtempSync(join(tmpdir(), 'crisislint-fmt-'));
  mkdirSync(join(root, '.git'));
  mkdirSync(join(root, 'status', 'my incidents'), { recursive: true });
  return { root, cwd: join(root, 'status') };
}

const rules = new Map<string, RuleMeta<object>>(builtinRules.map((r) => [r.meta.id, r.meta]));
const context = (cwd: string): FormatterContext => ({ color: false, cwd, rules });

function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: 'passive-voice',
    severity: 'warning',
    principle: 'P2',
    message: '"has been identified" hides who acted.',
    line: 3,
    column: 5,
    endLine: 3,
    endColumn: 25,
    excerpt: 'The issue has been identified.',
    penalty: 8,
    statement: 0,
    incident: 0,
    suggestions: [],
    ...over,
  };
}

function result(filePath: string, findings: Finding[], over: Partial<FileResult> = {}): FileResult {
  return {
    filePath,
    score: 72,
    grade: 'C',
    errorCount: findings.filter((f) => f.severity === 'error').length,
    warningCount: findings.filter((f) => f.severity === 'warning').length,
    infoCount: findings.filter((f) => f.severity === 'info').length,
    incidents: [],
    findings,
    ...over,
  };
}

const FINDINGS = [
  finding({ suggestions: [{ desc: 'Say who acted: "we identified the issue"', text: 'we identified the issue', line: 3, column: 5, endLine: 3, endColumn: 25 }] }),
  finding({ ruleId: 'emotion-apology', severity: 'error', principle: 'P2', message: 'Apologise for what you did, not for how the reader feels.', line: 4, column: 1, endLine: 5, endColumn: 10 }),
  finding({ ruleId: 'missing-cause', severity: 'info', principle: 'P3', message: 'No cause yet: say what you are checking, e.g. "the 14:00 deploy".', line: 1, column: 1, endLine: 1, endColumn: 12 }),
];

describe('sarif', () => {
  it('has the SARIF 2.1.0 envelope and a driver with every rule that ran', () => {
    const { cwd } = repo();
    const log = JSON.parse(sarif([result('my incidents/a.md', FINDINGS)], context(cwd)));
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.version).toBe('2.1.0');
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'crisislint', version: expect.stringMatching(/^\d+\.\d+\.\d+/), informationUri: expect.stringMatching(/^https:\/\//) });
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(builtinRules.map((r) => r.meta.id));
    for (const rule of driver.rules) {
      expect(rule.shortDescription.text).toBeTruthy();
      expect(rule.fullDescription.text).toBeTruthy();
      expect(rule.helpUri).toBe(`https://github.com/crisislint/crisislint/blob/main/docs/rules/${rule.id}.md`);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
    expect(driver.rules.find((r: { id: string }) => r.id === 'emotion-apology').defaultConfiguration.level).toBe('error');
  });

  it('one result per finding: rule, level, message and a repository-relative region', () => {
    const { root, cwd } = repo();
    const run = toSarif([result('my incidents/a.md', FINDINGS)], context(cwd)).runs[0];
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${root}/`);
    expect(run.results).toHaveLength(3);
    const [passive, emotion, cause] = run.results;
    expect(passive).toMatchObject({
      ruleId: 'passive-voice',
      level: 'warning',
      message: { text: '"has been identified" hides who acted.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'status/my%20incidents/a.md', uriBaseId: '%SRCROOT%' },
            region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 25 },
          },
        },
      ],
    });
    expect(emotion).toMatchObject({ ruleId: 'emotion-apology', level: 'error' });
    expect(cause).toMatchObject({ ruleId: 'missing-cause', level: 'note' });
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(passive.fixes?.[0].artifactChanges[0].replacements[0].insertedContent.text).toBe('we identified the issue');
  });

  it('fingerprints stay put when a finding moves down the file', () => {
    const { cwd } = repo();
    const at = (line: number) => toSarif([result('a.md', [finding({ line, endLine: line })])], context(cwd)).runs[0].results[0].partialFingerprints;
    expect(at(3)).toEqual(at(30));
  });

  it('an unreadable file is a tool notification, and the run still has its results', () => {
    const { cwd } = repo();
    const run = toSarif([result('gone.md', [], { fatal: 'not UTF-8 text (save the file as UTF-8)', score: null, grade: null }), result('a.md', FINDINGS)], context(cwd)).runs[0];
    expect(run.results).toHaveLength(3);
    expect(run.invocations[0].toolExecutionNotifications).toEqual([
      expect.objectContaining({ level: 'error', message: { text: 'status/gone.md: not UTF-8 text (save the file as UTF-8)' } }),
    ]);
  });

  it('outside any git repository, paths are relative to the working directory', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'crisislint-nogit-'));
    const run = toSarif([result('a.md', FINDINGS)], context(cwd)).runs[0];
    // tmpdir() may itself sit in a repository on a developer machine; then the path is deeper.
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/(^|\/)a\.md$/);
  });
});

describe('github', () => {
  it('escapes data and properties as the actions toolkit does', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
  });

  it('one annotation per finding, info as notice, columns only on one-line spans', () => {
    const { cwd } = repo();
    const out = github([result('my incidents/a.md', FINDINGS)], context(cwd)).trimEnd().split('\n');
    const annotations = out.filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(FINDINGS.length);
    expect(annotations[0]).toBe(
      '::warning file=status/my incidents/a.md,line=3,col=5,endLine=3,endColumn=25,title=crisislint passive-voice (P2 Own it)::"has been identified" hides who acted.%0ASuggestion: Say who acted: "we identified the issue"',
    );
    expect(annotations[1]).toBe(
      '::error file=status/my incidents/a.md,line=4,endLine=5,title=crisislint emotion-apology (P2 Own it)::Apologise for what you did, not for how the reader feels.',
    );
    expect(annotations[2]).toMatch(/^::notice file=status\/my incidents\/a\.md,line=1,col=1,endLine=1,endColumn=12,title=crisislint missing-cause \(P3 Explain\)::/);
    expect(out.at(-1)).toBe('crisislint: 1 error, 1 warning, 1 info in 1 file; lowest score 72');
  });

  it('escapes commas and colons in file names and percent signs and newlines in messages', () => {
    const { cwd } = repo();
    const out = github([result('q1, 2024: outage.md', [finding({ message: '50% of logins failed\nsay so' })])], context(cwd));
    expect(out).toContain('::warning file=status/q1%2C 2024%3A outage.md,line=3,');
    expect(out).toContain('::50%25 of logins failed%0Asay so\n');
  });

  it('an unreadable file is an error annotation', () => {
    const { cwd } = repo();
    const out = github([result('bad.md', [], { fatal: 'binary file, not a text statement', score: null, grade: null })], context(cwd));
    expect(out.split('\n')[0]).toBe('::error file=status/bad.md,line=1,title=crisislint%3A unreadable input::binary file, not a text statement');
  });
});

describe('compact', () => {
  it('one line per finding: path:line:col: level message [rule-id]', () => {
    const { cwd } = repo();
    const out = compact([result(join(cwd, 'my incidents/a.md'), FINDINGS), result('b.md', [], { fatal: 'file is empty', score: null, grade: null })], context(cwd));
    expect(out).toBe(
      [
        'my incidents/a.md:3:5: warning "has been identified" hides who acted. [passive-voice]',
        'my incidents/a.md:4:1: error Apologise for what you did, not for how the reader feels. [emotion-apology]',
        'my incidents/a.md:1:1: info No cause yet: say what you are checking, e.g. "the 14:00 deploy". [missing-cause]',
        'b.md:1:1: error file is empty',
        '',
      ].join('\n'),
    );
    expect(compact([result('c.md', [])], context(cwd))).toBe('');
  });
});

describe('rdjsonl', () => {
  it('one reviewdog diagnostic per line, with code, docs link and suggestions', () => {
    const { cwd } = repo();
    const lines = rdjsonl([result('my incidents/a.md', FINDINGS)], context(cwd)).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({
      message: '"has been identified" hides who acted.',
      location: { path: 'my incidents/a.md', range: { start: { line: 3, column: 5 }, end: { line: 3, column: 25 } } },
      severity: 'WARNING',
      source: { name: 'crisislint', url: 'https://github.com/crisislint/crisislint' },
      code: { value: 'passive-voice', url: 'https://github.com/crisislint/crisislint/blob/main/docs/rules/passive-voice.md' },
      suggestions: [{ range: { start: { line: 3, column: 5 }, end: { line: 3, column: 25 } }, text: 'we identified the issue' }],
    });
    expect(lines.map((l) => l.severity)).toEqual(['WARNING', 'ERROR', 'INFO']);
    expect(lines[1].suggestions).toBeUndefined();
  });

  it('counts columns in UTF-8 bytes, as reviewdog does', () => {
    const { cwd } = repo();
    writeFileSync(join(cwd, 'u.md'), 'x\nCafé ☕ users: the issue has been identified.\n');
    // "the" starts at UTF-16 column 15; "é" is 2 bytes and "☕" 3, so byte column 18.
    const [line] = rdjsonl([result('u.md', [finding({ line: 2, column: 15, endLine: 2, endColumn: 44 })])], context(cwd)).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(line.location.range).toEqual({ start: { line: 2, column: 18 }, end: { line: 2, column: 47 } });
  });

  it('an unreadable file is an ERROR diagnostic on the file', () => {
    const { cwd } = repo();
    expect(JSON.parse(rdjsonl([result('gone.md', [], { fatal: 'file is empty', score: null, grade: null })], context(cwd)))).toMatchObject({
      message: 'file is empty',
      location: { path: 'gone.md' },
      severity: 'ERROR',
    });
  });
});

describeWithCorpus('the built command on real statements', () => {
  // A copy of some corpus files in a folder that is its own repository root (a .git folder), so
  // that the repository-relative paths do not depend on where the shared corpus sits.
  const dir = mkdtempSync(join(tmpdir(), 'crisislint-real-'));
  if (HAS_CORPUS) {
    mkdirSync(join(dir, '.git'));
    cpSync(join(SHARED_CORPUS, 'labeled'), join(dir, 'labeled'), { recursive: true });
    mkdirSync(join(dir, 'github-md'));
    for (const name of readdirSync(join(SHARED_CORPUS, 'github-md')).filter((n) => /^(1001|102)/.test(n))) cpSync(join(SHARED_CORPUS, 'github-md', name), join(dir, 'github-md', name));
  }
  const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });
  const CORPUS = ['github-md/1001*.md', 'github-md/102*.md', 'labeled'];

  it('sarif: valid JSON with every field GitHub code scanning reads, on every result', () => {
    const r = run([...CORPUS, '--format', 'sarif', '--now', '2026-01-01T00:00:00Z']);
    expect(r.status).toBeLessThan(2);
    const log = JSON.parse(r.stdout);
    const [only] = log.runs;
    expect(only.results.length).toBeGreaterThan(20);
    for (const res of only.results) {
      expect(only.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
      expect(['error', 'warning', 'note']).toContain(res.level);
      expect(res.message.text).toBeTruthy();
      const { artifactLocation, region } = res.locations[0].physicalLocation;
      expect(artifactLocation.uri).toMatch(/^(github-md|labeled)\/[\w.-]+\.md$/);
      for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) expect(region[key]).toBeGreaterThan(0);
    }
  });

  it('github: exactly one annotation per finding of the JSON report', () => {
    const json = JSON.parse(run([...CORPUS, '--format', 'json', '--now', '2026-01-01T00:00:00Z']).stdout);
    const annotations = run([...CORPUS, '--format', 'github', '--now', '2026-01-01T00:00:00Z']).stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l));
    const messages = json.flatMap((f: { messages: unknown[] }) => f.messages);
    expect(annotations).toHaveLength(messages.length);
    const counts = (level: string) => messages.filter((m: { level: string }) => m.level === level).length;
    expect(annotations.filter((a) => a.startsWith('::error')).length).toBe(counts('error'));
    expect(annotations.filter((a) => a.startsWith('::notice')).length).toBe(counts('info'));
  });
});

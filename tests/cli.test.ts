// End-to-end runs of the built command (npm test builds it first): fixtures, stdin, output
// formats, exit codes and bad input.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'crisislint.cjs');
const NOW = ['--now', '2025-03-10T00:00:00Z'];

function run(args: string[], options: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {}) {
  const env = { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...options.env };
  delete (env as Record<string, string | undefined>).FORCE_COLOR;
  if (options.env?.FORCE_COLOR) env.FORCE_COLOR = options.env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, input: options.input ?? '', env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const json = (args: string[], options?: Parameters<typeof run>[1]) => {
  const r = run(['--format', 'json', ...NOW, ...args], options);
  return { ...r, report: JSON.parse(r.stdout) as any[] };
};

describe('crisislint on the example statements', () => {
  it('scores the good statement 90 or more with no error', () => {
    const { code, report } = json(['fixtures/good-statement.md']);
    expect(code).toBe(0);
    expect(report[0].score).toBeGreaterThanOrEqual(90);
    expect(report[0].grade).toBe('A');
    expect(report[0].errorCount).toBe(0);
  });

  it('scores the poor statement low, with the headline rules firing, and exits 1', () => {
    const { code, report } = json(['fixtures/poor-statement.md']);
    expect(code).toBe(1);
    expect(report[0].score).toBeLessThan(70);
    const ids = new Set(report[0].messages.map((m: any) => m.ruleId));
    for (const id of ['passive-voice', 'emotion-apology', 'missing-cause']) expect(ids).toContain(id);
  });

  it('finds the broken promises in the timeline', () => {
    const { report } = json(['fixtures/timeline.md']);
    const broken = report[0].messages.filter((m: any) => m.ruleId === 'unfulfilled-promise');
    expect(broken.map((m: any) => [m.statement, m.line])).toEqual([[0, 11], [2, 19]]);
  });

  it('writes the JSON report as FORMATS.md shows it', () => {
    const { report } = json(['fixtures/poor-statement.md']);
    const [file] = report;
    expect(Object.keys(file)).toEqual(expect.arrayContaining(['filePath', 'score', 'grade', 'errorCount', 'warningCount', 'infoCount', 'incidents', 'messages']));
    expect(file.filePath).toBe('fixtures/poor-statement.md');
    expect(file.incidents[0]).toMatchObject({ title: 'Service disruption', statements: 1 });
    expect(file.incidents[0].score).toBe(file.score);
    const apology = file.messages.find((m: any) => m.ruleId === 'emotion-apology');
    expect(apology).toMatchObject({
      severity: 2, level: 'error', principle: 'P2', line: 9, column: 27, endLine: 9,
      excerpt: 'We apologize for any inconvenience this may have caused.', penalty: 20, statement: 0,
    });
    expect(apology.endColumn).toBe(27 + apology.excerpt.length);
    for (const m of file.messages) {
      expect(typeof m.message).toBe('string');
      expect([0, 1, 2]).toContain(m.severity);
      expect(['info', 'warning', 'error'][m.severity]).toBe(m.level);
    }
    const counts = ['error', 'warning', 'info'].map((l) => file.messages.filter((m: any) => m.level === l).length);
    expect(counts).toEqual([file.errorCount, file.warningCount, file.infoCount]);
  });

  it('lints a directory recursively, one report entry per file', () => {
    const { report } = json(['fixtures']);
    expect(report.map((r) => r.filePath)).toEqual(expect.arrayContaining(['fixtures/good-statement.md', 'fixtures/poor-statement.md', 'fixtures/timeline.md', 'fixtures/pasted-timeline.txt']));
  });

  it('prints a grouped stylish report with score, grade and checklist, without colour when piped', () => {
    const { stdout } = run(['fixtures/poor-statement.md', ...NOW]);
    expect(stdout).toContain('fixtures/poor-statement.md');
    expect(stdout).toMatch(/9:27 +error +An apology for "any inconvenience/);
    expect(stdout).toMatch(/score \d+\/100 [CDF]/);
    expect(stdout).toMatch(/✗ P2 Own it/);
    expect(stdout).toMatch(/✖ \d+ problems \(\d+ errors?, \d+ warnings?, \d+ info\) in 1 file/);
    expect(stdout).not.toContain('\u001b[');
  });

  it('honours FORCE_COLOR and NO_COLOR', () => {
    expect(run(['fixtures/poor-statement.md'], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
    expect(run(['fixtures/poor-statement.md'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });
});

describe('stdin', () => {
  const draft = "We're sorry for any inconvenience. The issue has been identified.";
  it('reads piped input with no path, named by --stdin-filename', () => {
    const { code, report } = json(['--stdin-filename', 'draft.md'], { input: draft });
    expect(code).toBe(1);
    expect(report[0].filePath).toBe('draft.md');
    expect(report[0].messages.map((m: any) => m.ruleId)).toContain('emotion-apology');
  });
  it('reads "-" as stdin alongside files', () => {
    const { report } = json(['-', 'fixtures/good-statement.md'], { input: draft });
    expect(report.map((r) => r.filePath)).toEqual(['<stdin>', 'fixtures/good-statement.md']);
  });
});

describe('flags', () => {
  it('--rule turns a rule off or changes its severity', () => {
    const off = json(['--rule', 'emotion-apology=off', 'fixtures/poor-statement.md']);
    expect(off.report[0].messages.map((m: any) => m.ruleId)).not.toContain('emotion-apology');
    expect(off.code).toBe(0);
    const up = json(['--rule', 'missing-cause=error', 'fixtures/poor-statement.md']);
    expect(up.report[0].messages.find((m: any) => m.ruleId === 'missing-cause').level).toBe('error');
  });
  it('rejects an unknown rule or severity with one line and exit 2', () => {
    const unknown = run(['--rule', 'pasive-voice=off', 'fixtures/good-statement.md']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toMatch(/unknown rule "pasive-voice" \(did you mean "passive-voice"\?\)/);
    expect(run(['--rule', 'passive-voice=loud', 'fixtures/good-statement.md']).code).toBe(2);
  });
  it('--quiet shows errors only', () => {
    const { report } = json(['--quiet', 'fixtures/poor-statement.md']);
    expect(report[0].messages.every((m: any) => m.level === 'error')).toBe(true);
    expect(report[0].messages.length).toBeGreaterThan(0);
  });
  it('--output writes the report to a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crisislint-'));
    const out = join(dir, 'report.json');
    const r = run(['--format', 'json', '--output', out, 'fixtures/good-statement.md']);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))[0].filePath).toBe('fixtures/good-statement.md');
  });
  it('--now must be an ISO time', () => {
    const r = run(['--now', 'yesterday', 'fixtures/good-statement.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ISO 8601/);
  });
  it('--list-rules lists every rule with principle, severity and description', () => {
    const r = run(['--list-rules', '--rule', 'jargon=off']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(lines.find((l) => l.startsWith('emotion-apology'))).toMatch(/^emotion-apology +P2 +error +The apology is for/);
    if (lines.some((l) => l.startsWith('jargon'))) expect(lines.find((l) => l.startsWith('jargon'))).toMatch(/ off /);
  });
  it('explain prints a rule\'s docs; an unknown rule is a usage error', () => {
    const r = run(['explain', 'passive-voice']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^passive-voice +P2 Own it/);
    expect(r.stdout).toMatch(/Why\n/);
    expect(r.stdout).toMatch(/Fails 1 of \d+\n( {4}.*\n|\n)*? {4}.*been identified/);
    const bad = run(['explain', 'no-such-rule']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('crisislint: unknown rule "no-such-rule"; crisislint --list-rules shows them all');
  });
  it('--version and --help', () => {
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Examples:/);
    expect(help.stdout).toMatch(/Exit codes:/);
  });
});

describe('bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crisislint-bad-'));
  const file = (name: string, content: string | Buffer) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  const good = join(ROOT, 'fixtures', 'good-statement.md');

  it.each([
    ['an empty file', () => file('empty.md', ''), /empty\.md: file is empty/],
    ['a binary file', () => file('image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02])), /image\.md: binary file/],
    ['a file that is not UTF-8', () => file('latin1.md', Buffer.from('Caf\xe9 is down.', 'latin1')), /latin1\.md: not UTF-8 text/],
    ['malformed front matter', () => file('broken.md', '---\ntitle: [unclosed\n---\nWe are sorry.\n'), /broken\.md: malformed front matter/],
    ['an unknown phase in front matter', () => file('phase.md', '---\nstatus: fixed\n---\nAll good.\n'), /phase\.md: front matter: status "fixed" is not a phase/],
  ])('%s: one line naming the file, exit 1, other files still linted', (_name, make, message) => {
    const path = make();
    const r = json([path, good]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.report.find((x) => x.filePath === good).score).toBeGreaterThanOrEqual(90);
    expect(r.report.find((x) => x.filePath === path).messages[0]).toMatchObject({ fatal: true, severity: 2 });
  });

  it('a missing path is a usage error (exit 2) but the other inputs are linted', () => {
    const r = json(['no/such/file.md', good]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('crisislint: no/such/file.md: no such file or directory');
    expect(r.report).toHaveLength(1);
  });

  it('a glob that matches nothing is a usage error', () => {
    const r = run(['nothing/**/*.md', good]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('crisislint: nothing/**/*.md: no files match the pattern');
  });

  it('empty piped input is reported as an empty file', () => {
    const r = run([], { input: '' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('crisislint: <stdin>: file is empty');
  });

  it('an unknown flag is a usage error', () => {
    expect(run(['--frobnicate', good]).code).toBe(2);
  });

  it('never writes to the files it lints', () => {
    const path = file('draft.md', 'The issue has been identified.');
    const before = readFileSync(path, 'utf8');
    run([path]);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });
});

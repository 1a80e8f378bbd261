// CI gates and flags of the built command: --max-warnings, --min-score, --report-unused-disables,
// --config/--no-config, the init subcommand in --help, and the status-page example repository.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'crisislint.cjs');
const NOW = ['--now', '2030-01-01T00:00:00Z'];

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'crisislint-gates-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

// Two warnings (passive voice, no next-update time) and no error.
const WARNINGS = '---\nstatus: identified\n---\nThe issue has now been identified: a bad configuration change caused login failures for all customers. We are sorry.\n';
// No finding at all.
const CLEAN = '---\nstatus: resolved\n---\nWe restored logins at 14:40 UTC. A bad configuration change we made at 14:05 UTC caused the outage: it locked out all customers for 35 minutes. We are sorry. We have added a check that blocks such changes, and we will publish a post-mortem at status.example.com by Friday.\n';

function counts(dir: string, file: string) {
  const [r] = JSON.parse(run([file, '-f', 'json', ...NOW], dir).stdout);
  return { warnings: r.warningCount as number, errors: r.errorCount as number, score: r.score as number };
}

describe('--max-warnings', () => {
  const dir = tempDir({ 'warn.md': WARNINGS });
  const { warnings, errors } = counts(dir, 'warn.md');

  it('the fixture has warnings and no error', () => {
    expect(warnings).toBeGreaterThanOrEqual(1);
    expect(errors).toBe(0);
    expect(run(['warn.md', ...NOW], dir).code).toBe(0);
  });

  it('exits 1 with a one-line reason when there are more warnings than allowed', () => {
    const r = run(['warn.md', ...NOW, '--max-warnings', String(warnings - 1)], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`crisislint: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${warnings - 1}\n`);
  });

  it('passes at exactly the limit', () => {
    expect(run(['warn.md', ...NOW, '--max-warnings', String(warnings)], dir)).toMatchObject({ code: 0, stderr: '' });
  });

  it('counts warnings that --quiet hides', () => {
    const r = run(['warn.md', ...NOW, '--quiet', '--max-warnings', '0'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('warning  ');
  });

  it('rejects a value that is not a whole number (exit 2)', () => {
    const r = run(['warn.md', '--max-warnings', 'many'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-warnings <n>.*expected a whole number of warnings/);
  });
});

describe('--min-score', () => {
  const dir = tempDir({ 'warn.md': WARNINGS, 'clean.md': CLEAN });
  const low = counts(dir, 'warn.md').score;

  it('exits 1 and names the files below the score', () => {
    const r = run(['clean.md', 'warn.md', ...NOW, '--min-score', String(low + 1)], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`crisislint: 1 file below --min-score ${low + 1}: warn.md (${low})\n`);
  });

  it('passes when every file reaches the score', () => {
    expect(run(['clean.md', 'warn.md', ...NOW, '--min-score', String(low)], dir).code).toBe(0);
  });

  it('works with machine formats: the report stays on stdout, the reason on stderr', () => {
    const r = run(['warn.md', ...NOW, '--min-score', '100', '-f', 'sarif'], dir);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).version).toBe('2.1.0');
    expect(r.stderr).toMatch(/below --min-score 100/);
  });

  it('rejects a score outside 0-100 (exit 2)', () => {
    expect(run(['warn.md', '--min-score', '101'], dir).code).toBe(2);
  });
});

describe('config and suppression flags', () => {
  it('--report-unused-disables turns a stale comment into a warning that --max-warnings 0 catches', () => {
    const dir = tempDir({ 'clean.md': CLEAN.replace('---\nWe restored', '---\n<!-- crisislint-disable-next-line passive-voice -->\nWe restored') });
    expect(run(['clean.md', ...NOW, '--max-warnings', '0'], dir).code).toBe(0);
    const r = run(['clean.md', ...NOW, '--max-warnings', '0', '--report-unused-disables', '-f', 'compact'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('clean.md:4:1: warning Unused crisislint-disable-next-line comment: no "passive-voice" finding to suppress. Remove it, or fix the rule ids. [unused-disable]\n');
  });

  it('--config uses the named file; --no-config ignores the one found', () => {
    const dir = tempDir({ 'warn.md': WARNINGS, '.crisislintrc.yaml': 'rules:\n  passive-voice: error\n', 'quiet.json': '{"rules":{"passive-voice":"off"}}' });
    expect(run(['warn.md', ...NOW], dir).code).toBe(1);
    expect(run(['warn.md', ...NOW, '--config', 'quiet.json', '-f', 'compact'], dir).stdout).not.toContain('[passive-voice]');
    expect(run(['warn.md', ...NOW, '--no-config'], dir).code).toBe(0);
  });

  it('--help lists the gates, the config flags and the init command, with examples', () => {
    const r = run(['--help'], ROOT);
    expect(r.code).toBe(0);
    for (const text of ['--max-warnings <n>', '--min-score <n>', '--config <path>', '--no-config', '--report-unused-disables', 'init ', 'Examples:', 'Exit codes:']) {
      expect(r.stdout).toContain(text);
    }
    expect(run(['init', '--help'], ROOT).stdout).toContain('write a commented starting config');
  });

  it('a file named "help" is linted, not taken for a command', () => {
    const dir = tempDir({ help: CLEAN });
    expect(run(['help', ...NOW, '-f', 'compact'], dir)).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('the status-page example repository (fixtures/status-repo)', () => {
  const repo = join(ROOT, 'fixtures', 'status-repo');
  const API_ERRORS = join('content', 'issues', '2024-05-20-api-errors.md');
  const snapshot = (dir: string) => readdirSync(join(dir, 'content', 'issues')).sort().map((f) => `${f}:${readFileSync(join(dir, 'content', 'issues', f), 'utf8')}`);

  it('passes the CI gate of its workflow, skipping what its config and .crisislintignore ignore', () => {
    const copy = mkdtempSync(join(tmpdir(), 'crisislint-status-repo-'));
    cpSync(repo, copy, { recursive: true });
    const before = snapshot(copy);
    const r = run(['content/issues', '-f', 'json', '--now', '2024-06-01T00:00:00Z', '--min-score', '80', '--max-warnings', '0', '--report-unused-disables'], copy);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(report.map((f) => f.filePath).sort()).toEqual([
      'content/issues/2024-03-01-login-failures.md',
      'content/issues/2024-04-12-database-maintenance.md',
      'content/issues/2024-05-20-api-errors.md',
    ]);
    // The one disable comment is in use.
    expect(report.flatMap((f) => f.messages.map((m) => m.ruleId))).not.toContain('unused-disable');
    expect(snapshot(copy)).toEqual(before);
  });

  it('without its config the draft is linted; without the disable comment its wording is reported', () => {
    const copy = mkdtempSync(join(tmpdir(), 'crisislint-status-repo-'));
    cpSync(repo, copy, { recursive: true });
    const files = JSON.parse(run(['content/issues', '-f', 'json', '--now', '2024-06-01T00:00:00Z', '--no-config'], copy).stdout).map((f: { filePath: string }) => f.filePath);
    expect(files).toContain('content/issues/draft-2024-06-01-cdn.md');
    const text = readFileSync(join(copy, API_ERRORS), 'utf8');
    writeFileSync(join(copy, API_ERRORS), text.replace(/<!-- crisislint-disable-next-line[^\n]*\n/, ''));
    const out = run([API_ERRORS, '-f', 'compact', '--now', '2024-06-01T00:00:00Z'], copy).stdout;
    expect(out).toMatch(/2024-05-20-api-errors\.md:\d+:\d+: warning "have been detected" hides who acted.* \[passive-voice\]/);
  });
});

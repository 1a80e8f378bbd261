// Every command the README and docs/integrations.md show is run here (or by the test named next
// to it), so the docs cannot promise what does not work. The test first collects the commands
// from the docs' shell blocks and workflow `run:` lines and fails on any it does not run: a new
// command in the docs needs a line here.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'crisislint.cjs');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const INTEGRATIONS = readFileSync(join(ROOT, 'docs', 'integrations.md'), 'utf8');
const GIT_ENV = { GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.com' };

/** Command lines in ```sh blocks (comments stripped, continuations joined) and workflow `run:` lines. */
function documentedCommands(markdown: string): string[] {
  const commands: string[] = [];
  for (const [, body] of markdown.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const line of body.replace(/\\\n\s*/g, '').split('\n')) {
      const command = line.replace(/\s+#.*$/, '').trim();
      if (command) commands.push(command);
    }
  }
  for (const [, body] of markdown.matchAll(/```yaml\n([\s\S]*?)```/g)) {
    for (const m of body.matchAll(/run: (?!\|)(.+)/g)) commands.push(m[1].trim());
    for (const m of body.matchAll(/run: \|\n((?:\s{10,}.+\n)+)/g)) commands.push(m[1].replace(/\\\n\s*/g, '').trim());
  }
  return commands;
}

/** A project folder with a `crisislint` on PATH that runs this build, and some statements. */
function sandbox(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'crisislint-docs-'));
  mkdirSync(join(dir, '.git'));
  const bin = join(dir, '.bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'crisislint'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'crisislint'), 0o755);
  const files: Record<string, string> = {
    'draft.md': 'fixtures/poor-statement.md',
    'timeline.md': 'fixtures/timeline.md',
    'status/a.md': 'fixtures/good-statement.md',
    'incidents/b.md': 'fixtures/poor-statement.md',
    'content/issues/c.md': 'fixtures/good-statement.md',
    'incidents.json': 'fixtures/inputs/incidents.json',
  };
  for (const [to, from] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, to)), { recursive: true });
    cpSync(join(ROOT, from), join(dir, to));
  }
  return { dir, env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1', ...GIT_ENV } };
}

const sh = (command: string, cwd: string, env: NodeJS.ProcessEnv, timeout = 300_000) => spawnSync('sh', ['-c', command], { cwd, env, encoding: 'utf8', timeout });

/** Commands another test runs, and why they are not run here. */
const RUN_ELSEWHERE: Record<string, string> = {
  'crisislint --daemon start': 'tests/daemon.test.ts starts, queries and stops the warm server',
  'export CRISISLINT_DAEMON=1': 'tests/daemon.test.ts and tests/performance-equivalence.test.ts run commands with it set',
  'crisislint --daemon status': 'tests/daemon.test.ts',
  'npm test': '.ci/run runs it in the clone CI makes (the README\'s second set-up command)',
  'npm ci': 'the workflow step before `npx crisislint`; the fresh-clone test below runs npm ci',
};

// Commands run by the tests below, as the docs write them (a substitute only for what cannot run
// here: the clipboard, a status page on the network, reviewdog's upload).
const CLI_COMMANDS = [
  'crisislint draft.md',
  'crisislint status/ incidents/*.md',
  'pbpaste | crisislint --stdin-filename draft.md',
  'crisislint timeline.md --now 2024-03-01T15:00:00Z',
  'crisislint status/ --format json > report.json',
  'crisislint draft.md --rule passive-voice=off --rule jargon=error',
  'crisislint status/ --format github --report sarif=crisislint.sarif',
  'crisislint --print-config draft.md',
  'crisislint content/issues --report-unused-disables --max-warnings 0',
];
const FRESH_CLONE = 'npm ci && node bin/crisislint.cjs fixtures/poor-statement.md';
const LINT_STAGED = ['npm install --save-dev crisislint husky lint-staged', 'npx husky init', 'echo "npx lint-staged" > .husky/pre-commit'];
const NPX_COMMANDS = ['npx crisislint content/issues --format github --min-score 80 --report sarif=crisislint.sarif'];
const REVIEWDOG = 'npx crisislint content/issues --format rdjsonl | reviewdog -f=rdjsonl -name=crisislint -reporter=github-pr-review -filter-mode=added -fail-level=error';

describe('the docs\' commands', () => {
  it('are all run by a test', () => {
    const documented = [...documentedCommands(README), ...documentedCommands(INTEGRATIONS)];
    const covered = new Set([...CLI_COMMANDS, FRESH_CLONE, ...LINT_STAGED, ...NPX_COMMANDS, REVIEWDOG, ...Object.keys(RUN_ELSEWHERE)]);
    expect(documented.filter((c) => !covered.has(c))).toEqual([]);
    expect(documented.length).toBeGreaterThan(12);
  });

  it.each(CLI_COMMANDS)('%s', (command) => {
    const { dir, env } = sandbox();
    // The clipboard becomes a file; everything else runs as written.
    const r = sh(command.replace(/^pbpaste \|/, 'cat draft.md |'), dir, env);
    expect(r.stderr).toBe('');
    expect(r.status === 0 || r.status === 1, r.stdout).toBe(true);
    if (command.includes('> report.json')) expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).length).toBe(1);
    if (command.includes('--report sarif=')) expect(JSON.parse(readFileSync(join(dir, 'crisislint.sarif'), 'utf8')).runs[0].results.length).toBe(r.stdout.split('\n').filter((l) => l.startsWith('::')).length);
    if (command.includes('--print-config')) expect(JSON.parse(r.stdout).rules['passive-voice'][0]).toBe('warning');
  });

  it('the README\'s Statuspage example: a page\'s incidents.json piped in', () => {
    const example = /`(curl -s https:\/\/status\.example\.com\/api\/v2\/incidents\.json \|\s+crisislint --stdin-filename incidents\.json)`/.exec(README);
    expect(example).not.toBeNull();
    const { dir, env } = sandbox();
    const r = sh(example![1].replace(/\s+/g, ' ').replace(/^curl -s \S+/, 'cat incidents.json'), dir, env);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('incidents.json');
  });
});

describe('in a fresh clone and a fresh project (needs the npm registry)', () => {
  it('the README\'s first set-up command works and prints what the README shows', () => {
    const clone = mkdtempSync(join(tmpdir(), 'crisislint-fresh-'));
    const files = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
    for (const file of files) {
      if (!existsSync(join(ROOT, file))) continue;
      mkdirSync(dirname(join(clone, file)), { recursive: true });
      cpSync(join(ROOT, file), join(clone, file));
    }
    const r = sh(`${FRESH_CLONE.replace('npm ci', 'npm ci --no-audit --no-fund --loglevel=error')}`, clone, { ...process.env, NO_COLOR: '1' }, 900_000);
    expect(r.status, r.stderr).toBe(1); // the example has an error-level finding
    const shown = /```console\n\$ crisislint fixtures\/poor-statement\.md\n([\s\S]*?)```/.exec(README)![1];
    expect(r.stdout.slice(r.stdout.indexOf('fixtures/poor-statement.md\n'))).toBe(shown);
  }, 900_000);

  it('lint-staged and husky, as docs/integrations.md sets them up, stop a commit with an error', () => {
    const { dir, env } = sandbox();
    sh('rmdir .git && git init -q', dir, env);
    writeFileSync(join(dir, 'package.json'), '{ "name": "status-site", "private": true }\n');
    // crisislint from this clone instead of the registry; husky and lint-staged from the registry.
    const install = sh(LINT_STAGED[0].replace(' crisislint ', ` ${ROOT} `) + ' --no-audit --no-fund --loglevel=error', dir, env, 900_000);
    expect(install.status, install.stderr).toBe(0);
    for (const command of LINT_STAGED.slice(1)) expect(sh(command, dir, env).status).toBe(0);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const documented = JSON.parse(/```json\n(\{\n {2}"lint-staged"[\s\S]*?)```/.exec(INTEGRATIONS)![1]);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...pkg, ...documented }, null, 2));
    sh('git add package.json .husky && git commit -qm setup --no-verify', dir, env);
    // A poor statement in content/issues: the hook stops the commit.
    cpSync(join(ROOT, 'fixtures', 'poor-statement.md'), join(dir, 'content', 'issues', 'poor.md'));
    const blocked = sh('git add content/issues/poor.md && git commit -qm poor', dir, env);
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain('emotion-apology');
    // npx crisislint, as the workflow without the Action runs it, in the same project.
    const npx = sh(NPX_COMMANDS[0], dir, env);
    expect(npx.status).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'crisislint.sarif'), 'utf8')).runs[0].results.length).toBeGreaterThan(0);
    // The reviewdog recipe: crisislint's half (reviewdog itself posts to GitHub).
    const rdjsonl = sh(REVIEWDOG.slice(0, REVIEWDOG.indexOf(' | reviewdog')), dir, env);
    const lines = rdjsonl.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(JSON.parse(line).location.path).toMatch(/^content\/issues\//);
    // A good statement passes.
    sh('git rm -q --cached content/issues/poor.md && rm content/issues/poor.md', dir, env);
    const ok = sh('git add content/issues/c.md && git commit -qm good', dir, env);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
  }, 900_000);
});

// The pre-commit hook (.pre-commit-hooks.yaml) installed and run by real pre-commit, from a local
// clone, with the configuration docs/integrations.md gives users (its repo and rev swapped for
// the clone and its commit). Which pre-commit: CRISISLINT_PRE_COMMIT (executables separated by
// ":"; .ci/run sets the current one from pip and Debian's 3.0.4 when installed), else the
// pre-commit on PATH; skipped, saying so, when there is none. Needs the npm registry.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const GIT_ENV = { GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.com' };

function found(): string[] {
  const listed = process.env.CRISISLINT_PRE_COMMIT?.split(':').filter(Boolean);
  if (listed?.length) return listed;
  const which = spawnSync('sh', ['-c', 'command -v pre-commit'], { encoding: 'utf8' });
  return which.status === 0 ? [which.stdout.trim()] : [];
}
const PRE_COMMITS = found();

/** The pre-commit configuration block of docs/integrations.md. */
export function documentedConfig(): string {
  const docs = readFileSync(join(ROOT, 'docs', 'integrations.md'), 'utf8');
  const block = /```yaml\n(# \.pre-commit-config\.yaml\n[\s\S]*?)```/.exec(docs);
  if (!block) throw new Error('docs/integrations.md has no .pre-commit-config.yaml block');
  return block[1];
}

function git(cwd: string, ...args: string[]) {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

/** A clone of the working tree as it is (committed or not): the hook repository. */
function hookRepository(): { dir: string; rev: string } {
  const dir = mkdtempSync(join(tmpdir(), 'crisislint-hook-repo-'));
  const files = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(ROOT, file))) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(ROOT, file), join(dir, file));
  }
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'hook repository');
  return { dir, rev: git(dir, 'rev-parse', 'HEAD') };
}

describe('the documented configuration', () => {
  it('pins the version package.json holds, and names the hook', () => {
    const config = documentedConfig();
    expect(config).toContain('repo: https://github.com/crisislint/crisislint');
    expect(config).toMatch(new RegExp(`rev: v${pkg.version.replace(/\./g, '\\.')}\\b`));
    expect(config).toContain('- id: crisislint');
  });
});

const note = PRE_COMMITS.length ? '' : ' [skipped: no pre-commit found; set CRISISLINT_PRE_COMMIT or put pre-commit on PATH]';
describe.skipIf(!PRE_COMMITS.length)(`pre-commit installs and runs the hook from a local clone${note}`, () => {
  const hooks = PRE_COMMITS.length ? hookRepository() : { dir: '', rev: '' };

  it.each(PRE_COMMITS)('with %s', (preCommit) => {
    const version = spawnSync(preCommit, ['--version'], { encoding: 'utf8' }).stdout.trim();
    const project = mkdtempSync(join(tmpdir(), 'crisislint-pre-commit-'));
    git(project, 'init', '-q');
    const config = documentedConfig().replace('https://github.com/crisislint/crisislint', hooks.dir).replace(/rev: \S+/, `rev: ${hooks.rev}`);
    writeFileSync(join(project, '.pre-commit-config.yaml'), config);
    mkdirSync(join(project, 'content', 'issues'), { recursive: true });
    writeFileSync(join(project, 'content', 'issues', 'outage.md'), readFileSync(join(ROOT, 'fixtures', 'poor-statement.md')));
    // Markdown outside content/issues/ is not an incident: the documented `files:` leaves it out.
    writeFileSync(join(project, 'README.md'), readFileSync(join(ROOT, 'fixtures', 'poor-statement.md')));
    git(project, 'add', '-A');
    const env = { ...process.env, ...GIT_ENV, PRE_COMMIT_HOME: join(project, '.pre-commit-home'), NO_COLOR: '1' };
    const failing = spawnSync(preCommit, ['run', '--all-files'], { cwd: project, encoding: 'utf8', env, timeout: 900_000 });
    const output = failing.stdout + failing.stderr;
    expect(failing.status, `${version}: ${output}`).toBe(1);
    expect(output).toMatch(/crisislint\.+Failed/);
    expect(output).toContain('content/issues/outage.md');
    expect(output).toContain('emotion-apology');
    expect(output).not.toContain('README.md');
    writeFileSync(join(project, 'content', 'issues', 'outage.md'), readFileSync(join(ROOT, 'fixtures', 'good-statement.md')));
    git(project, 'add', '-A');
    const passing = spawnSync(preCommit, ['run', '--all-files'], { cwd: project, encoding: 'utf8', env, timeout: 900_000 });
    expect(passing.status, `${version}: ${passing.stdout}${passing.stderr}`).toBe(0);
    expect(passing.stdout).toMatch(/crisislint\.+Passed/);
  }, 1_800_000);
});

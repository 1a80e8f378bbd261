// The GitHub Action (action.yml) run the way the runner runs a composite action, since GitHub
// itself cannot be reached here: a copy of the repository as the runner downloads it (no
// node_modules, no dist), each `run:` step's expressions filled in from the inputs, run with
// `bash --noprofile --norc -eo pipefail` in its working directory, with INPUT_* variables from the
// step's env and GITHUB_* paths; `uses:` steps (the cache) are checked, not run.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: { id?: string; name: string; uses?: string; run?: string; shell?: string; env?: Record<string, string>; 'working-directory'?: string }[] };
};

/** The repository as the runner downloads an action at a ref: its files, nothing installed or built. */
function actionCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'crisislint-action-')), 'crisislint');
  const files = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(ROOT, file))) continue; // deleted in the worktree
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(ROOT, file), join(dir, file));
  }
  return dir;
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'crisislint-workspace-'));
  mkdirSync(join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

interface StepRun {
  name: string;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the action's steps as the runner would; stops at the first failing step, as the runner does. */
function runAction(actionPath: string, ws: string, inputs: Record<string, string>, env: Record<string, string> = {}) {
  const outputsFile = join(mkdtempSync(join(tmpdir(), 'crisislint-outputs-')), 'output');
  writeFileSync(outputsFile, '');
  const values = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, inputs[k] ?? v.default ?? '']));
  const stepOutputs: Record<string, Record<string, string>> = {};
  const expand = (text: string) =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
      let m;
      if ((m = /^inputs\.([\w-]+)$/.exec(expr))) return values[m[1]] ?? '';
      if (expr === 'github.action_path') return actionPath;
      if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr))) return stepOutputs[m[1]]?.[m[2]] ?? '';
      throw new Error(`the test does not know the expression ${expr}`);
    });
  const runs: StepRun[] = [];
  for (const step of action.runs.steps) {
    if (step.uses) continue; // checked separately (pinned by commit); a cache miss restores nothing
    writeFileSync(outputsFile, '');
    const script = join(dirname(outputsFile), 'step.sh');
    writeFileSync(script, expand(step.run!));
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v)]));
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: resolve(ws, expand(step['working-directory'] ?? '.')),
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '', ...env, ...stepEnv, GITHUB_ACTION_PATH: actionPath, GITHUB_WORKSPACE: ws, GITHUB_OUTPUT: outputsFile, RUNNER_OS: 'Linux', RUNNER_ARCH: 'X64', CI: 'true', GITHUB_ACTIONS: 'true' },
      timeout: 600_000,
    });
    runs.push({ name: step.name, code: r.status, stdout: r.stdout, stderr: r.stderr });
    if (step.id) stepOutputs[step.id] = Object.fromEntries(readFileSync(outputsFile, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    if (r.status !== 0) break;
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, expand(v.value)]));
  return { runs, outputs, last: runs[runs.length - 1] };
}

const POOR = readFileSync(join(ROOT, 'fixtures', 'poor-statement.md'), 'utf8');
const GOOD = readFileSync(join(ROOT, 'fixtures', 'good-statement.md'), 'utf8');

describe('action.yml', () => {
  it('is a composite action whose every `uses:` is pinned by commit, with no setup-node', () => {
    expect(action.runs.using).toBe('composite');
    const uses = action.runs.steps.filter((s) => s.uses).map((s) => s.uses!);
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) expect(use).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/);
    expect(uses.some((u) => u.includes('setup-node'))).toBe(false);
  });

  it('leaves the caller\'s environment alone (no GITHUB_PATH or GITHUB_ENV writes)', () => {
    const text = readFileSync(join(ROOT, 'action.yml'), 'utf8') + readFileSync(join(ROOT, 'action', 'run.sh'), 'utf8');
    expect(text).not.toMatch(/GITHUB_PATH|GITHUB_ENV/);
  });
});

describe('the action run as the runner runs it', () => {
  const actionPath = actionCopy();
  const ws = workspace({ 'content/issues/outage.md': POOR, 'content/issues/fixed.md': GOOD, 'content/issues/draft.md': POOR, '.crisislintignore': 'content/issues/draft.md\n' });

  it('installs runtime dependencies only, builds, and lints once for annotations and SARIF', () => {
    const { runs, outputs, last } = runAction(actionPath, ws, { paths: 'content/issues', 'sarif-file': 'crisislint.sarif', 'min-score': '50' });
    expect(runs.map((r) => r.name)).toEqual(['Check Node.js', 'Install crisislint', 'Run crisislint']);
    const [check, install] = runs;
    expect(check.code, check.stderr).toBe(0);
    expect(install.code, install.stderr).toBe(0);
    // No dev dependencies: no type checker, no test runner; esbuild built dist/.
    expect(existsSync(join(actionPath, 'node_modules', 'typescript'))).toBe(false);
    expect(existsSync(join(actionPath, 'node_modules', 'vitest'))).toBe(false);
    expect(existsSync(join(actionPath, 'dist', 'crisislint.cjs'))).toBe(true);
    // The lint step: findings at error level and a file below the score fail it (exit 1).
    expect(last.code).toBe(1);
    expect(last.stdout.split('\n')[0]).toBe(`crisislint ${pkg.version}`);
    const annotations = last.stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l));
    expect(annotations.length).toBeGreaterThan(5);
    expect(annotations.every((a) => a.includes('file=content/issues/outage.md'))).toBe(true);
    expect(last.stderr).toContain('below --min-score 50: content/issues/outage.md');
    const sarif = JSON.parse(readFileSync(join(ws, 'crisislint.sarif'), 'utf8'));
    expect(sarif.runs[0].results).toHaveLength(annotations.length);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('content/issues/outage.md');
    expect(sarif.runs[0].tool.driver.version).toBe(pkg.version);
    expect(outputs).toEqual({ 'sarif-file': 'crisislint.sarif', version: pkg.version });
  }, 600_000);

  it('reuses an install of the same sources (the cache) without running npm', () => {
    // An npm that fails: the cached install must not need it.
    const noNpm = mkdtempSync(join(tmpdir(), 'crisislint-no-npm-'));
    writeFileSync(join(noNpm, 'npm'), '#!/bin/sh\necho "npm must not run" >&2; exit 99\n');
    chmodSync(join(noNpm, 'npm'), 0o755);
    const { runs, last } = runAction(
      actionPath,
      ws,
      { paths: 'content/issues/fixed.md\ncontent/issues/outage.md', args: '--rule emotion-apology=off --rule passive-voice=off --report json=all.json' },
      { PATH: `${noNpm}:${process.env.PATH}` },
    );
    expect(runs[1].stdout).toContain('crisislint: using the cached install');
    expect(runs[1].code).toBe(0);
    expect(last.stdout).not.toContain('emotion-apology');
    expect(last.stdout).not.toContain('passive-voice');
    // Paths separated by a new line are two paths.
    expect(JSON.parse(readFileSync(join(ws, 'all.json'), 'utf8')).map((r: { filePath: string }) => r.filePath)).toEqual(['content/issues/fixed.md', 'content/issues/outage.md']);
  }, 300_000);

  it('passes on clean statements, from a working directory, with a config', () => {
    writeFileSync(join(ws, 'content', '.crisislintrc.yaml'), 'rules:\n  missing-cause: off\n');
    const { last } = runAction(actionPath, ws, { paths: 'issues/fixed.md', 'working-directory': 'content', 'max-warnings': '20' });
    expect(last.code).toBe(0);
    expect(last.stdout).not.toContain('missing-cause');
  }, 300_000);

  it('stops with one clear annotation when the runner\'s Node.js is older than 20', () => {
    const fake = mkdtempSync(join(tmpdir(), 'crisislint-old-node-'));
    writeFileSync(join(fake, 'node'), '#!/bin/sh\ncase "$1" in --version) echo v18.20.0 ;; *) echo 18 ;; esac\n');
    chmodSync(join(fake, 'node'), 0o755);
    const { runs } = runAction(actionPath, ws, {}, { PATH: `${fake}:${process.env.PATH}` });
    expect(runs).toHaveLength(1);
    expect(runs[0].code).toBe(2);
    expect(runs[0].stdout).toContain('::error title=crisislint::crisislint needs Node.js 20 or later on the runner (found v18.20.0)');
  });
});

// One version everywhere (CHANGELOG.md): package.json, the newest CHANGELOG entry, --version, the
// API, and the release the docs tell users to pin for the Action and the pre-commit hook.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { version } from '../src/api.js';

const ROOT = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('the version', () => {
  it('is the newest CHANGELOG entry, which has a "Rule behaviour" section', () => {
    const changelog = read('CHANGELOG.md');
    const newest = /^## \[(\d+\.\d+\.\d+)\]/m.exec(changelog);
    expect(newest?.[1]).toBe(pkg.version);
    const section = changelog.slice(newest!.index, changelog.indexOf('\n## [', newest!.index + 1));
    expect(section).toContain('### Rule behaviour');
  });

  it('is what --version and the API report', () => {
    expect(spawnSync(process.execPath, [join(ROOT, 'bin', 'crisislint.cjs'), '--version'], { encoding: 'utf8' }).stdout.trim()).toBe(pkg.version);
    expect(version).toBe(pkg.version);
    expect(JSON.parse(read('package-lock.json')).version).toBe(pkg.version);
  });

  it('is the release the docs pin for the Action and the pre-commit hook', () => {
    const docs = read('README.md') + read('docs/integrations.md');
    const pins = [...docs.matchAll(/crisislint\/crisislint@(v[\d.]+)|rev: (v[\d.]+)/g)].map((m) => m[1] ?? m[2]);
    expect(pins.length).toBeGreaterThanOrEqual(3);
    expect(new Set(pins)).toEqual(new Set([`v${pkg.version}`]));
  });
});

// The plugin paths docs/integrations.md promises: `import { defineRule } from 'crisislint'` works
// when crisislint is installed or linked into the project (node_modules/crisislint, as npm
// install and `npm link crisislint` make it); without that, the import fails with one clear
// line, and a plain-object plugin (no import) works wherever crisislint runs from.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'crisislint.cjs');
const RULE = `{
  meta: { id: 'no-eta', principle: 'P5', scope: 'sentence', severity: 'warning', description: 'An ETA is a promise.', maintenance: true,
    docs: { why: '', fix: '', fail: [], pass: [] }, options: { words: ['ETA'] } },
  check(context) {
    for (const statement of context.incident.statements)
      for (const sentence of statement.sentences)
        for (const word of context.options.words) {
          const at = sentence.text.indexOf(word);
          if (at !== -1) context.report({ statement, sentence, start: at, end: at + word.length, message: 'Give a next-update time instead of an ETA.' });
        }
  },
}`;

function project(plugin: string, linked: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'crisislint-plugin-project-'));
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
  writeFileSync(join(dir, 'no-eta.mjs'), plugin);
  writeFileSync(join(dir, '.crisislintrc.yaml'), 'plugins:\n  - ./no-eta.mjs\n');
  writeFileSync(join(dir, 'update.md'), 'We are sorry: uploads fail for many of you. The ETA for a fix is one hour.\n');
  if (linked) {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules', 'crisislint'));
  }
  return dir;
}

const run = (cwd: string) => spawnSync(process.execPath, [BIN, 'update.md', '-f', 'compact', '--now', '2030-01-01T00:00:00Z'], { cwd, encoding: 'utf8' });

describe('plugins that import from crisislint', () => {
  const importing = `import { defineRule } from 'crisislint';\nexport default defineRule(${RULE});\n`;

  it('work when crisislint is installed or linked into the project', () => {
    const r = run(project(importing, true));
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Give a next-update time instead of an ETA. [no-eta]');
  });

  it('fail with one line naming the plugin when it is not', () => {
    const r = run(project(importing, false));
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^crisislint: \.crisislintrc\.yaml: plugins\[0\]: .*crisislint/);
  });

  it('a plain-object plugin needs no import and works anywhere', () => {
    const r = run(project(`export default ${RULE};\n`, false));
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('[no-eta]');
  });
});

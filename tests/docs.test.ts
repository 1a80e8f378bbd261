// The rule docs and the README rule table are generated from rule metadata; this fails when
// they drift (fix: npm run docs).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { ruleDocMarkdown } from '../src/cli/rule-docs.js';
import { readmeRuleTable } from '../src/cli/readme-table.js';

const ROOT = resolve(import.meta.dirname, '..');

describe('generated docs are up to date (npm run docs)', () => {
  it.each(builtinRules.map((r) => [r.meta.id, r] as const))('docs/rules/%s.md', (id, rule) => {
    expect(readFileSync(join(ROOT, 'docs', 'rules', `${id}.md`), 'utf8'), 'run npm run docs').toBe(ruleDocMarkdown(rule.meta));
  });
  it('README rule table', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8'), 'run npm run docs').toContain(readmeRuleTable(builtinRules.map((r) => r.meta)));
  });
});

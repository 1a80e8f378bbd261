// One shared test runs every rule against the examples in its own docs: adding a rule means
// adding one file in rules/, and its examples are checked here.
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { defaultRules, lintText } from '../src/engine/index.js';
import type { RuleExample } from '../src/api.js';

function findingsOf(id: string, example: RuleExample) {
  const only = Object.fromEntries(builtinRules.filter((r) => r.meta.id !== id).map((r) => [r.meta.id, 'off' as const]));
  const settings = { ...only, ...(example.options ? { [id]: [builtinRules.find((r) => r.meta.id === id)!.meta.severity, example.options] as [any, any] } : {}) };
  const result = lintText(example.text, { now: new Date(example.now ?? '2030-01-01T00:00:00Z'), rules: defaultRules(settings) });
  expect(result.fatal, `example did not parse: ${result.fatal}`).toBeUndefined();
  return result.findings.filter((f) => f.ruleId === id);
}

describe.each(builtinRules.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
  it('has complete metadata', () => {
    expect(rule.meta.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(rule.meta.principle).toMatch(/^P[1-8]$/);
    expect(['error', 'warning', 'info']).toContain(rule.meta.severity);
    expect(rule.meta.description.length).toBeGreaterThan(10);
    expect(rule.meta.docs.why.length).toBeGreaterThan(20);
    expect(rule.meta.docs.fix.length).toBeGreaterThan(10);
    expect(rule.meta.docs.fail.length).toBeGreaterThan(0);
    expect(rule.meta.docs.pass.length).toBeGreaterThan(0);
  });
  it.each(rule.meta.docs.fail.map((e, i) => [i, e] as const))('reports failing example %i', (_i, example) => {
    expect(findingsOf(id, example).length).toBeGreaterThan(0);
  });
  it.each(rule.meta.docs.pass.map((e, i) => [i, e] as const))('is silent on passing example %i', (_i, example) => {
    expect(findingsOf(id, example).map((f) => f.message)).toEqual([]);
  });
});

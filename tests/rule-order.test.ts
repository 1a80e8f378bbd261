// Findings at the same place are ordered by rule id with localeCompare; lint.ts skips loading the
// collator for plain ids, which must not change that order.
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { compareRuleIds } from '../src/engine/lint.js';

describe('rule id order', () => {
  it('is the order localeCompare gives', () => {
    const ids = [...builtinRules.map((r) => r.meta.id), 'a', 'a-b', 'a0', 'ab', 'a-', 'x-1', 'x1', 'Zed', 'zed', 'émile', 'rule_x', 'rule-x', '9-a', 'a--b'];
    for (const a of ids) for (const b of ids) expect(Math.sign(compareRuleIds(a, b)), `${a} vs ${b}`).toBe(Math.sign(a.localeCompare(b)));
  });
});

import { defaultRules, lintText } from '../src/engine/index.js';
import type { FileResult } from '../src/engine/results.js';
import type { RuleSettingInput } from '../src/engine/ruleset.js';

/** Lints Markdown text with the built-in rules (optionally only some) at a fixed time. */
export function lint(text: string, options: { now?: string; only?: string; rules?: Record<string, RuleSettingInput>; path?: string } = {}): FileResult {
  const settings: Record<string, RuleSettingInput> = { ...options.rules };
  if (options.only) for (const r of defaultRules()) if (r.rule.meta.id !== options.only) settings[r.rule.meta.id] = 'off';
  return lintText(text, { now: new Date(options.now ?? '2030-01-01T00:00:00Z'), rules: defaultRules(settings), path: options.path });
}

export function ruleIds(result: FileResult): string[] {
  return [...new Set(result.findings.map((f) => f.ruleId))].sort();
}

// Which rules run, at what severity, with which options. Built-in rules and plugin rules come
// through the same `Rule` interface; user settings only change severity and options.

import type { Rule, Severity, SeveritySetting } from '../api.js';

export type RuleSettingInput = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];

export interface ActiveRule {
  rule: Rule<object>;
  severity: Severity;
  options: Record<string, unknown>;
}

export const SEVERITY_SETTINGS: SeveritySetting[] = ['off', 'info', 'warning', 'error'];

/** User arrays extend the defaults (phrase lists grow); objects merge; other values replace. */
export function mergeOptions(defaults: Record<string, unknown>, user: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!user) return defaults;
  const merged: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(user)) {
    const base = defaults[key];
    if (Array.isArray(base) && Array.isArray(value)) merged[key] = [...base, ...value];
    else if (base && value && typeof base === 'object' && typeof value === 'object' && !Array.isArray(base) && !Array.isArray(value)) {
      merged[key] = mergeOptions(base as Record<string, unknown>, value as Record<string, unknown>);
    } else merged[key] = value;
  }
  return merged;
}

export class RuleSettingError extends Error {}

export function resolveRules(available: Rule<object>[], settings: Record<string, RuleSettingInput>): ActiveRule[] {
  const byId = new Map(available.map((r) => [r.meta.id, r]));
  for (const id of Object.keys(settings)) {
    if (!byId.has(id)) {
      const near = [...byId.keys()].filter((k) => k.includes(id) || id.includes(k) || editDistance(k, id) <= 3);
      throw new RuleSettingError(`unknown rule "${id}"${near.length ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)` : ''}; crisislint --list-rules shows them all`);
    }
  }
  const active: ActiveRule[] = [];
  for (const rule of available) {
    const setting = settings[rule.meta.id];
    const [severity, userOptions] = Array.isArray(setting) ? setting : [setting, undefined];
    if (severity !== undefined && !SEVERITY_SETTINGS.includes(severity)) {
      throw new RuleSettingError(`rule "${rule.meta.id}": severity "${String(severity)}" is not one of ${SEVERITY_SETTINGS.join(', ')}`);
    }
    if (severity === 'off') continue;
    active.push({
      rule,
      severity: severity ?? rule.meta.severity,
      options: mergeOptions((rule.meta.options ?? {}) as Record<string, unknown>, userOptions),
    });
  }
  return active;
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

// Which rules run, at what severity, with which options. Built-in rules and plugin rules come
// through the same `Rule` interface; user settings only change severity and options.

import { didYouMean } from './did-you-mean.js';
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
      throw new RuleSettingError(`unknown rule "${id}"${didYouMean(id, byId.keys())}; crisislint --list-rules shows them all`);
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

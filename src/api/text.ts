// The text half of the programmatic API: lint a string with given settings. No file system, no
// config search, no Node-only module of its own, so the browser playground bundles this part
// (tests/api.test.ts checks what a browser bundle of it pulls in). Config files, plugins from
// disk, files and formatters are in ./node.ts.

import { builtinRules } from '../../rules/index.js';
import { defaultRules, lintBytes } from '../engine/index.js';
import type { FileResult } from '../engine/results.js';
import type { ActiveRule, RuleSettingInput } from '../engine/ruleset.js';
import type { GradeThresholds, ScoreWeights } from '../engine/score.js';
import type { Rule, RuleMeta } from '../rule.js';
import { VERSION } from '../version.js';

export { RuleSettingError } from '../engine/ruleset.js';

/** The running crisislint's version (package.json), the same as `crisislint --version`. */
export const version: string = VERSION;

/** Input formats `inputFormat` accepts; by default the format is detected from name and content. */
export type InputFormatName = 'markdown' | 'statuspage-json' | 'statuspage-feed' | 'cstate';

export interface LintTextOptions {
  /**
   * The name the result reports, and a hint for format detection (`incidents.json`,
   * `history.atom`, `content/issues/x.md`). Default `<text>`.
   */
  filePath?: string;
  /** The time pending promises and silence are judged against (`--now`). Default: now. */
  now?: Date;
  /**
   * Rule settings, as under `rules:` in a config: `{ "passive-voice": "off", jargon: ["info",
   * { terms: ["shard"] }] }`. Unknown ids and severities throw a RuleSettingError.
   */
  rules?: Record<string, RuleSettingInput>;
  /** Extra rules (plugin rule objects), run after the built-in ones. */
  plugins?: Rule<object>[];
  /** Points a finding takes from its statement, by severity (config `weights:`). */
  weights?: ScoreWeights;
  /** Lowest score of each grade (config `grades:`). */
  grades?: GradeThresholds;
  /** Read the text as this format instead of detecting it. */
  inputFormat?: InputFormatName;
  /** Report `crisislint-disable` comments that suppress nothing (as `unused-disable` warnings). */
  reportUnusedDisables?: boolean;
  /**
   * Add what a report page shows besides findings: the text (`source`), where each statement's
   * prose runs, its promised next-update time and apology, the incident start. For renderers
   * (the HTML report, the playground).
   */
  detail?: boolean;
}

// Resolving settings merges every rule's options; a server lints the same settings many times.
let lastRules: { rules?: Record<string, RuleSettingInput>; plugins?: Rule<object>[]; active: ActiveRule[] } | undefined;

function activeRules(rules: Record<string, RuleSettingInput> | undefined, plugins: Rule<object>[] | undefined): ActiveRule[] {
  if (lastRules && lastRules.rules === rules && lastRules.plugins === plugins) return lastRules.active;
  const active = defaultRules(rules ?? {}, plugins ?? []);
  lastRules = { rules, plugins, active };
  return active;
}

/**
 * Lints one input given as text and returns its result: findings with 1-based positions,
 * per-statement and per-incident scores, the principle checklist. Synchronous.
 *
 * A problem with the input itself (empty, binary, malformed JSON) is not thrown: it is the
 * result's `fatal` reason, as the CLI reports it. Invalid settings throw RuleSettingError.
 *
 * ```js
 * import { lintText } from 'crisislint';
 * const result = lintText('The issue has been identified.', { rules: { jargon: 'off' } });
 * result.score; // 0-100, or null when result.fatal is set
 * result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`);
 * ```
 */
export function lintText(text: string, options: LintTextOptions = {}): FileResult {
  return lintBytes(options.filePath ?? '<text>', new TextEncoder().encode(text), {
    rules: activeRules(options.rules, options.plugins),
    now: options.now ?? new Date(),
    weights: options.weights,
    grades: options.grades,
    inputFormat: options.inputFormat,
    reportUnusedDisables: options.reportUnusedDisables,
    detail: options.detail,
  });
}

/** Every built-in rule's metadata (id, principle, default severity, description, docs, options). */
export function builtinRuleMeta(): RuleMeta<object>[] {
  return builtinRules.map((rule) => rule.meta);
}

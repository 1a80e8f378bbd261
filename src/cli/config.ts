// The configuration file: found from the working directory upward (the nearest one wins; they
// do not merge) or named with --config. It sets rule severities and options, score weights,
// grade thresholds, ignore patterns and plugin rule modules. An invalid config is one
// ConfigError naming the file, the key and what is allowed.

import { didYouMean } from '../engine/did-you-mean.js';
import { createHash } from '../engine/lazy-crypto.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore from 'ignore';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { builtinRules } from '../../rules/index.js';
import type { Rule, SeveritySetting } from '../api.js';
import { loadPlugin, PluginError, type LoadedPlugin } from '../engine/plugins.js';
import { SEVERITY_SETTINGS, type RuleSettingInput } from '../engine/ruleset.js';
import { unsafeFragmentReason } from '../engine/regex-safety.js';
import { DEFAULT_GRADES, DEFAULT_WEIGHTS, type GradeThresholds, type ScoreWeights } from '../engine/score.js';

/** Looked for in each directory, in this order; package.json counts only with a "crisislint" key. */
export const CONFIG_FILE_NAMES = ['crisislint.config.json', '.crisislintrc.json', '.crisislintrc.yaml', '.crisislintrc.yml', 'package.json'] as const;

const TOP_LEVEL_KEYS = ['rules', 'weights', 'grades', 'ignores', 'plugins'] as const;
/** Accepted and ignored, so editors can validate the file against a schema. */
const IGNORED_KEYS = ['$schema'];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface LoadedConfig {
  /** The config file, or undefined when none was found (all defaults). */
  path?: string;
  /** Relative ignore patterns and plugin paths are resolved from here. */
  baseDir: string;
  /** Rule settings as written (config, then --rule overrides). Ids are known rules. */
  rules: Record<string, RuleSettingInput>;
  weights: ScoreWeights;
  grades: GradeThresholds;
  ignores: string[];
  plugins: LoadedPlugin[];
}

/** Plugin rules, in config order, to run after the built-in ones. */
export function pluginRules(config: LoadedConfig): Rule<object>[] {
  return config.plugins.flatMap((p) => p.rules);
}

const describe = (value: unknown) => (Array.isArray(value) ? 'a list' : value === null ? 'nothing' : typeof value === 'object' ? 'an object' : JSON.stringify(value));

/** Finds the nearest config file from `cwd` upward. */
export function findConfig(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const path = join(dir, name);
      if (!existsSync(path)) continue;
      if (name !== 'package.json') return path;
      try {
        const pkg = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
        if (pkg && typeof pkg === 'object' && 'crisislint' in pkg) return path;
      } catch {
        // A broken package.json is npm's problem, not a crisislint config; keep looking.
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function jsonErrorPosition(message: string, text: string): string {
  const m = /at position (\d+)/.exec(message);
  if (!m || /\(line \d+ column \d+\)/.test(message)) return message;
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  const column = Number(m[1]) - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+/, '')} at line ${line}, column ${column}`;
}

/** Reads and parses a config file into a plain object (not yet validated). */
function readConfigFile(path: string, shown: string): Record<string, unknown> {
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw new ConfigError(`${shown}: is a directory, not a config file`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`${shown}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? String(error)})`}`);
  }
  let data: unknown;
  if (/\.ya?ml$/i.test(path)) {
    try {
      data = parseYaml(text);
    } catch (error) {
      if (error instanceof YAMLParseError) {
        const at = error.linePos?.[0];
        const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        throw new ConfigError(`${shown}: invalid YAML${at ? ` at line ${at.line}, column ${at.col}` : ''}: ${reason}`);
      }
      throw error;
    }
    // An empty file, or one with only comments, is an empty config.
    if (data === null || data === undefined) data = {};
  } else {
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new ConfigError(`${shown}: invalid JSON: ${jsonErrorPosition((error as Error).message, text)}`);
    }
    if (path.endsWith('package.json')) {
      data = (data as Record<string, unknown> | null)?.crisislint;
      if (data === undefined) throw new ConfigError(`${shown}: has no "crisislint" key`);
      shown = `${shown} "crisislint"`;
    }
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError(`${shown}: expected an object with keys ${TOP_LEVEL_KEYS.join(', ')} (got ${describe(data)})`);
  }
  return data as Record<string, unknown>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** Checks one rule's options against the rule's defaults: known keys, matching kinds of value. */
function checkRuleOptions(rule: Rule<object>, options: Record<string, unknown>, fail: (problem: string) => never): void {
  const defaults = (rule.meta.options ?? {}) as Record<string, unknown>;
  const known = Object.keys(defaults);
  for (const [key, value] of Object.entries(options)) {
    if (!(key in defaults)) {
      fail(
        known.length
          ? `unknown option "${key}"${didYouMean(key, known)}; ${rule.meta.id} takes ${known.map((k) => `"${k}"`).join(', ')}`
          : `${rule.meta.id} takes no options (got "${key}")`,
      );
    }
    const base = defaults[key];
    const kind = (v: unknown) => (Array.isArray(v) ? 'list' : v === null ? 'null' : typeof v === 'object' ? 'object' : typeof v);
    if (base !== undefined && base !== null && kind(base) !== kind(value)) {
      fail(`option "${key}" must be ${kind(base) === 'list' ? 'a list' : kind(base) === 'object' ? 'an object' : `a ${kind(base)}`} (got ${describe(value)})`);
    }
    if (Array.isArray(base) && Array.isArray(value)) checkPatterns(key, value, isWordList(base), fail);
  }
}

/**
 * Lists of plain words (acronyms to allow, stop words) may be compared as words, not patterns:
 * there an entry that is not a regular expression ("C++") is left alone. Every list is checked
 * for patterns that backtrack catastrophically, as most lists of words are matched as patterns.
 */
const PLAIN_WORD = /^[\p{L}\p{N}'’ /-]*$/u;
function isWordList(defaults: unknown[]): boolean {
  return defaults.every((item) => typeof item === 'string' && PLAIN_WORD.test(item));
}

/**
 * Each pattern a user adds to a phrase list runs on every sentence: one that is not a regular
 * expression, or can backtrack catastrophically on a long line, is a config error here rather
 * than a hang or a crash later (src/engine/regex-safety.ts).
 */
function checkPatterns(key: string, list: unknown[], words: boolean, fail: (problem: string) => never): void {
  list.forEach((item, i) => {
    const pattern = typeof item === 'string' ? item : isPlainObject(item) && typeof item.term === 'string' ? item.term : undefined;
    if (pattern === undefined) return;
    const reason = unsafeFragmentReason(pattern);
    if (reason && !(words && reason.startsWith('is not a valid'))) fail(`option "${key}"[${i}]: pattern ${JSON.stringify(pattern)} ${reason}`);
  });
}

function checkRules(value: unknown, available: Map<string, Rule<object>>, fail: (key: string, problem: string) => never): Record<string, RuleSettingInput> {
  if (value === undefined || value === null) return {};
  if (!isPlainObject(value)) fail('rules', `expected an object of rule ids, e.g. { "passive-voice": "off" } (got ${describe(value)})`);
  const rules = value as Record<string, unknown>;
  const severityProblem = (s: unknown) => {
    const hint = typeof s === 'string' ? didYouMean(s, SEVERITY_SETTINGS) : '';
    return `severity ${JSON.stringify(s)} is not one of ${SEVERITY_SETTINGS.join(', ')}${hint}`;
  };
  for (const [id, setting] of Object.entries(rules)) {
    const key = `rules.${id}`;
    const rule = available.get(id);
    if (!rule) {
      const hint = didYouMean(id, available.keys());
      fail(key, `unknown rule${hint || `; known rules: ${[...available.keys()].join(', ')}`}`);
    }
    const ruleFail = (problem: string): never => fail(key, problem);
    if (typeof setting === 'string') {
      if (!SEVERITY_SETTINGS.includes(setting as SeveritySetting)) ruleFail(severityProblem(setting));
    } else if (Array.isArray(setting)) {
      if (setting.length < 1 || setting.length > 2) ruleFail(`expected [severity] or [severity, { options }] (got a list of ${setting.length})`);
      if (!SEVERITY_SETTINGS.includes(setting[0] as SeveritySetting)) ruleFail(severityProblem(setting[0]));
      if (setting.length === 2) {
        if (!isPlainObject(setting[1])) ruleFail(`options must be an object, e.g. ["info", { "terms": ["pod eviction"] }] (got ${describe(setting[1])})`);
        checkRuleOptions(rule!, setting[1] as Record<string, unknown>, ruleFail);
      }
    } else {
      ruleFail(`expected a severity (${SEVERITY_SETTINGS.join('|')}) or [severity, { options }] (got ${describe(setting)})`);
    }
  }
  return rules as Record<string, RuleSettingInput>;
}

function checkNumbers<T extends object>(key: string, value: unknown, defaults: T, fail: (key: string, problem: string) => never, range: [number, number]): T {
  if (value === undefined || value === null) return { ...defaults };
  const names = Object.keys(defaults);
  if (!isPlainObject(value)) fail(key, `expected an object with ${names.join(', ')} (got ${describe(value)})`);
  const merged: Record<string, number> = { ...(defaults as Record<string, number>) };
  for (const [name, n] of Object.entries(value as Record<string, unknown>)) {
    if (!names.includes(name)) fail(`${key}.${name}`, `unknown key${didYouMean(name, names)}; allowed: ${names.join(', ')}`);
    if (typeof n !== 'number' || !Number.isFinite(n) || n < range[0] || n > range[1]) fail(`${key}.${name}`, `expected a number from ${range[0]} to ${range[1]} (got ${describe(n)})`);
    merged[name] = n as number;
  }
  return merged as T;
}

function checkStrings(key: string, value: unknown, example: string, fail: (key: string, problem: string) => never): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail(key, `expected a list of strings, e.g. [${example}] (got ${describe(value)})`);
  (value as unknown[]).forEach((item, i) => {
    if (typeof item !== 'string' || !item.trim()) fail(`${key}[${i}]`, `expected a non-empty string (got ${describe(item)})`);
  });
  return value as string[];
}

function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

export interface LoadConfigOptions {
  cwd: string;
  /** --config PATH; false for --no-config (defaults only); undefined to search. */
  configPath?: string | false;
}

/** The defaults, for --no-config and when no config file exists. */
export function defaultConfig(cwd: string): LoadedConfig {
  return { baseDir: cwd, rules: {}, weights: { ...DEFAULT_WEIGHTS }, grades: { ...DEFAULT_GRADES }, ignores: [], plugins: [] };
}

/** Finds (or reads the given) config, validates it and loads its plugins. Throws ConfigError. */
export async function loadConfig({ cwd, configPath }: LoadConfigOptions): Promise<LoadedConfig> {
  if (configPath === false) return defaultConfig(cwd);
  const path = configPath !== undefined ? resolve(cwd, configPath) : findConfig(cwd);
  if (!path) return defaultConfig(cwd);
  const shown = shownPath(path, cwd);
  if (configPath !== undefined && !existsSync(path)) throw new ConfigError(`${configPath}: no such config file (--config)`);
  return validateConfig(readConfigFile(path, shown), { path, shown });
}

/** Validates a parsed config object; `shown` names it in errors. Exported for tests and tools. */
export async function validateConfig(data: Record<string, unknown>, { path, shown }: { path: string; shown: string }): Promise<LoadedConfig> {
  const label = path.endsWith('package.json') ? `${shown} "crisislint"` : shown;
  const fail = (key: string, problem: string): never => {
    throw new ConfigError(`${label}: ${key}: ${problem}`);
  };
  for (const key of Object.keys(data)) {
    if (!(TOP_LEVEL_KEYS as readonly string[]).includes(key) && !IGNORED_KEYS.includes(key)) {
      fail(key, `unknown key${didYouMean(key, TOP_LEVEL_KEYS)}; allowed keys: ${TOP_LEVEL_KEYS.join(', ')}`);
    }
  }
  const baseDir = dirname(path);

  // Plugins first: their rules may be configured under "rules".
  const pluginSpecs = checkStrings('plugins', data.plugins, '"./rules/no-eta.mjs", "crisislint-plugin-acme"', fail);
  const plugins: LoadedPlugin[] = [];
  const available = new Map<string, Rule<object>>(builtinRules.map((r) => [r.meta.id, r]));
  for (const [i, spec] of pluginSpecs.entries()) {
    let plugin: LoadedPlugin;
    try {
      plugin = await loadPlugin(spec, baseDir);
    } catch (error) {
      if (error instanceof PluginError) fail(`plugins[${i}]`, error.message);
      throw error;
    }
    for (const rule of plugin!.rules) {
      if (available.has(rule.meta.id)) {
        const builtin = builtinRules.some((r) => r.meta.id === rule.meta.id);
        fail(`plugins[${i}]`, `plugin "${spec}" defines rule "${rule.meta.id}", which ${builtin ? 'is a built-in rule' : 'an earlier plugin already defines'}; rename it`);
      }
      available.set(rule.meta.id, rule);
    }
    plugins.push(plugin!);
  }

  const rules = checkRules(data.rules, available, fail);
  const weights = checkNumbers('weights', data.weights, DEFAULT_WEIGHTS, fail, [0, 100]);
  const grades = checkNumbers('grades', data.grades, DEFAULT_GRADES, fail, [0, 100]);
  const order = ['A', 'B', 'C', 'D'] as const;
  for (let i = 1; i < order.length; i++) {
    if (grades[order[i - 1]] < grades[order[i]]) {
      fail('grades', `thresholds must not rise from A to D (${order[i - 1]} is ${grades[order[i - 1]]}, ${order[i]} is ${grades[order[i]]})`);
    }
  }
  const ignores = checkStrings('ignores', data.ignores, '"drafts/**", "content/issues/_index.md"', fail);
  try {
    ignore().add(ignores);
  } catch (error) {
    fail('ignores', (error as Error).message);
  }
  return { path, baseDir, rules, weights, grades, ignores, plugins };
}

/**
 * Applies --rule overrides to the config's rule settings. A severity alone keeps the options
 * the config gave the rule (as ESLint does), so `--rule jargon=error` keeps your term list.
 */
export function applyCliRules(config: LoadedConfig, cliRules: Record<string, RuleSettingInput> | undefined): LoadedConfig {
  if (!cliRules || Object.keys(cliRules).length === 0) return config;
  const rules: Record<string, RuleSettingInput> = { ...config.rules };
  for (const [id, setting] of Object.entries(cliRules)) {
    const fromConfig = rules[id];
    const severity = Array.isArray(setting) ? setting[0] : setting;
    const options = Array.isArray(setting) && setting.length === 2 ? setting[1] : Array.isArray(fromConfig) && fromConfig.length === 2 ? fromConfig[1] : undefined;
    rules[id] = options ? [severity, options] : severity;
  }
  return { ...config, rules };
}

/**
 * True when a file (a path as given, relative to `cwd`) matches the config's ignore patterns,
 * or `extra` patterns (--ignore-pattern), which are relative to `cwd`.
 */
export function ignoreFilter(config: LoadedConfig, cwd: string, extra: string[] = []): (file: string) => boolean {
  const matchers: [string, ReturnType<typeof ignore>][] = [];
  if (config.ignores.length) matchers.push([config.baseDir, ignore().add(config.ignores)]);
  if (extra.length) matchers.push([resolve(cwd), ignore().add(extra)]);
  if (matchers.length === 0) return () => false;
  return (file) =>
    matchers.some(([base, matcher]) => {
      const rel = relative(base, resolve(cwd, file));
      // Patterns only reach files under their base folder.
      if (!rel || rel.startsWith('..') || isAbsolute(rel)) return false;
      return matcher.ignores(sep === '/' ? rel : rel.split(sep).join('/'));
    });
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (isPlainObject(value)) return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
  return value;
}

/**
 * A stable hash of everything in the resolved config that can change a file's result: rule
 * settings (after --rule), weights, grades and each plugin's code. Key order does not matter.
 * For result caches: equal hashes mean equal settings.
 */
export function configHash(config: LoadedConfig): string {
  const material = canonical({
    rules: config.rules,
    weights: config.weights,
    grades: config.grades,
    ignores: config.ignores,
    plugins: config.plugins.map((p) => ({ spec: p.spec, sha256: p.contentHash })),
  });
  return createHash('sha256').update(JSON.stringify(material)).digest('hex');
}

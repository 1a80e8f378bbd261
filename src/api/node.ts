// The file-system half of the programmatic API, shaped like ESLint's `ESLint` class: configs
// found from the working directory (or the file's folder), plugins loaded from disk, files,
// folders and globs expanded with the ignore files, and the CLI's formatters. The command line
// uses the same functions (src/cli/*), so the API and `crisislint` agree on every result.

import { resolve } from 'node:path';
import { DEFAULT_CACHE_LOCATION } from '../engine/cache.js';
import type { FileResult } from '../engine/results.js';
import type { RuleSettingInput } from '../engine/ruleset.js';
import type { GradeThresholds, ScoreWeights } from '../engine/score.js';
import { FORMATTERS } from '../formatters/index.js';
import type { RuleMeta } from '../rule.js';
import { builtinRules } from '../../rules/index.js';
import { applyCliRules, configHash, ignoreFilter, loadConfig as loadConfigFile, pluginRules, type LoadedConfig } from '../cli/config.js';
import { expandPaths } from '../cli/files.js';
import { lintFiles as lintFileList } from '../cli/lint-files.js';
import { defaultRules } from '../engine/index.js';
import { lintText as lintTextWith, version, type InputFormatName } from './text.js';

export { ConfigError, type LoadedConfig } from '../cli/config.js';

export interface CrisisLintOptions {
  /** Where relative paths and the config search start. Default `process.cwd()`. */
  cwd?: string;
  /**
   * A config file to use (relative to `cwd`), `false` for the defaults only (`--no-config`), or
   * undefined (the default) for the nearest config file, as the command line finds it.
   */
  config?: string | false;
  /** Rule settings applied over the config's, as `--rule` does: a severity alone keeps the config's options. */
  rules?: Record<string, RuleSettingInput>;
  /** The time pending promises and silence are judged against. Default: the time of each lint. */
  now?: Date;
  /** Read every input as this format instead of detecting it. */
  inputFormat?: InputFormatName;
  /** Report `crisislint-disable` comments that suppress nothing. */
  reportUnusedDisables?: boolean;
  /** `false` lints files the config's `ignores` and `.crisislintignore` exclude (`--no-ignore`). Default true. */
  ignore?: boolean;
  /** More `.gitignore`-style patterns to skip, relative to `cwd` (`--ignore-pattern`). */
  ignorePatterns?: string[];
  /** Reuse results of unchanged files (`--cache`), kept at `cacheLocation` (default `.crisislintcache`). */
  cache?: boolean;
  cacheLocation?: string;
  /** Worker threads for big runs: a number, 0 for none (the default here), or 'auto' as the CLI does. */
  workers?: number | 'auto';
  /** Add what the `html` formatter shows besides findings (each file's text, timeline facts), as `--format html` does. */
  detail?: boolean;
}

/** The settings that apply to one file: what `crisislint --print-config FILE` prints. */
export interface ResolvedConfig {
  /** The config file used, or null when none applies (defaults). */
  configFile: string | null;
  /** Whether `lintFiles` skips this file (ignore settings). */
  ignored: boolean;
  /** Every available rule (built-in and plugin): its severity and full options after merging. */
  rules: Record<string, ['off' | 'info' | 'warning' | 'error', Record<string, unknown>]>;
  weights: ScoreWeights;
  grades: GradeThresholds;
  ignores: string[];
  plugins: string[];
}

export interface FormatOptions {
  /** ANSI colours in `stylish`. Default false. */
  color?: boolean;
}

export interface LoadedFormatter {
  /** Turns results into the report text, exactly as `crisislint --format NAME` prints it. */
  format(results: FileResult[], options?: FormatOptions): string;
}

/** Thrown by `lintFiles` when a path matches nothing (ESLint's "No files matching"). */
export class NoFilesFoundError extends Error {
  override name = 'NoFilesFoundError';
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

/** The names `loadFormatter` and `--format` accept. */
export const formatterNames: string[] = Object.keys(FORMATTERS);

/**
 * Lints files and text with the nearest config file, as the `crisislint` command does.
 *
 * ```js
 * import { CrisisLint } from 'crisislint';
 * const linter = new CrisisLint({ cwd: 'status-site' });
 * const results = await linter.lintFiles(['content/issues']);
 * const formatter = await linter.loadFormatter('stylish');
 * console.log(formatter.format(results));
 * if (CrisisLint.getErrorResults(results).length) process.exitCode = 1;
 * ```
 */
export class CrisisLint {
  /** The version of crisislint, as `crisislint --version` prints it. */
  static readonly version: string = version;

  /** The absolute folder paths and the config search start from. */
  readonly cwd: string;
  private loaded?: Promise<LoadedConfig>;

  constructor(private readonly options: CrisisLintOptions = {}) {
    this.cwd = resolve(options.cwd ?? process.cwd());
  }

  /** Results with an error-level finding or an input that could not be read, errors only. */
  static getErrorResults(results: FileResult[]): FileResult[] {
    return results
      .filter((r) => r.fatal || r.errorCount > 0)
      .map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error'), warningCount: 0, infoCount: 0 }));
  }

  /**
   * Lints files, folders (recursively, for the formats crisislint reads) and globs, relative to
   * `cwd`. Files the ignore settings exclude are skipped. Throws NoFilesFoundError when a path
   * matches nothing and ConfigError for an invalid config; an unreadable or malformed file is
   * a result with `fatal` set, and the other files are still linted.
   */
  async lintFiles(patterns: string | string[]): Promise<FileResult[]> {
    const config = await this.config();
    const { files, problems } = expandPaths(Array.isArray(patterns) ? patterns : [patterns], this.cwd, { ignore: this.options.ignore });
    if (problems.length) throw new NoFilesFoundError(problems);
    const ignored = this.ignoredBy(config);
    return lintFileList(
      files.filter((file) => !ignored(file)),
      {
        cwd: this.cwd,
        engine: { ...this.engineSettings(), rules: this.activeRules(config) },
        cache: this.options.cache ? { location: this.options.cacheLocation ?? DEFAULT_CACHE_LOCATION, version, configHash: configHash(config) } : undefined,
        workers: this.options.workers ?? 0,
      },
    );
  }

  /**
   * Lints text as if it were the file `filePath` (optional, relative to `cwd`; used as the
   * reported name and for format detection), with the config `lintFiles` uses. Returns one
   * result, in an array as ESLint does. The file itself is never read. An editor lints a
   * document as the CLI run in its folder would with `new CrisisLint({ cwd: folder })`.
   */
  async lintText(text: string, { filePath }: { filePath?: string } = {}): Promise<FileResult[]> {
    const config = await this.config();
    return [
      lintTextWith(text, {
        ...this.engineSettings(),
        filePath: filePath ?? '<text>',
        rules: config.rules,
        plugins: pluginRules(config),
        weights: config.weights,
        grades: config.grades,
      }),
    ];
  }

  /**
   * The settings `lintFiles` applies to `filePath`: the config file and every rule's severity
   * and options. (crisislint uses one config per run, the nearest to `cwd`.)
   */
  async calculateConfigForFile(filePath: string): Promise<ResolvedConfig> {
    const config = await this.config();
    const ignored = await this.isPathIgnored(filePath);
    const active = new Map(this.activeRules(config).map((a) => [a.rule.meta.id, a]));
    const rules: ResolvedConfig['rules'] = {};
    for (const rule of [...builtinRules, ...pluginRules(config)]) {
      const on = active.get(rule.meta.id);
      rules[rule.meta.id] = on ? [on.severity, on.options] : ['off', (rule.meta.options ?? {}) as Record<string, unknown>];
    }
    return {
      configFile: config.path ?? null,
      ignored,
      rules,
      weights: config.weights,
      grades: config.grades,
      ignores: config.ignores,
      plugins: config.plugins.map((p) => p.spec),
    };
  }

  /** Whether `lintFiles` would skip this file (config `ignores`, `.crisislintignore`, `ignorePatterns`). */
  async isPathIgnored(filePath: string): Promise<boolean> {
    const absolute = resolve(this.cwd, filePath);
    const config = await this.config();
    if (this.ignoredBy(config)(absolute)) return true;
    return this.options.ignore !== false && expandPaths([absolute], this.cwd).ignored.length > 0;
  }

  /** A formatter by name (`stylish`, `json`, `sarif`, `github`, `compact`, `rdjsonl`, `html`). */
  async loadFormatter(name = 'stylish'): Promise<LoadedFormatter> {
    const formatter = FORMATTERS[name];
    if (!formatter) throw new Error(`unknown formatter "${name}"; available: ${formatterNames.join(', ')}`);
    const config = await this.config();
    const rules = new Map([...builtinRules, ...pluginRules(config)].map((r) => [r.meta.id, r.meta as RuleMeta<object>]));
    return { format: (results, { color = false } = {}) => formatter(results, { color, cwd: this.cwd, rules }) };
  }

  /** Metadata of every rule available with the config at `cwd` (built-in and plugins). */
  async getRulesMeta(): Promise<RuleMeta<object>[]> {
    const config = await this.config();
    return [...builtinRules, ...pluginRules(config)].map((r) => r.meta);
  }

  /** The run's config: the nearest to `cwd` (or the one given), loaded once. */
  private config(): Promise<LoadedConfig> {
    this.loaded ??= loadConfigFile({ cwd: this.cwd, configPath: this.options.config }).then((c) => applyCliRules(c, this.options.rules));
    return this.loaded;
  }

  private activeRules(config: LoadedConfig) {
    return defaultRules(config.rules, pluginRules(config));
  }

  private engineSettings() {
    return {
      now: this.options.now ?? new Date(),
      inputFormat: this.options.inputFormat,
      reportUnusedDisables: this.options.reportUnusedDisables,
      detail: this.options.detail,
    };
  }

  private ignoredBy(config: LoadedConfig): (file: string) => boolean {
    if (this.options.ignore === false) return () => false;
    return ignoreFilter(config, this.cwd, this.options.ignorePatterns);
  }
}

/** `new CrisisLint(options).lintFiles(patterns)`. */
export function lintFiles(patterns: string | string[], options: CrisisLintOptions = {}): Promise<FileResult[]> {
  return new CrisisLint(options).lintFiles(patterns);
}

/**
 * Finds (from `cwd` upward) or reads a config file, validates it and loads its plugins, as the
 * command line does. `config: false` gives the defaults. Throws ConfigError, naming the file
 * and the key, for a config crisislint cannot use.
 */
export function loadConfig({ cwd = process.cwd(), config }: { cwd?: string; config?: string | false } = {}): Promise<LoadedConfig> {
  return loadConfigFile({ cwd, configPath: config });
}

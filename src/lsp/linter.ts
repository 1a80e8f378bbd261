// Lints an open document as the CLI would lint the file: the config found from the document's
// folder (nearest wins, as in the CLI), its rules, weights, grades and ignores. Configs are kept
// loaded and reloaded when the config file changes, so a keystroke costs only the lint itself.
// The one place the language server (and the MCP server, for the config of the folder it runs
// in) calls the linting API.

import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, lintText, loadConfig, RuleSettingError, type FileResult, type InputFormatName, type LoadedConfig, type Rule } from '../api.js';
// Where the config search starts over and which files its ignores cover: what an editor needs
// beyond the API's loadConfig, taken from the same module the CLI uses.
import { CONFIG_FILE_NAMES, findConfig, ignoreFilter, pluginRules } from '../cli/config.js';

/** The names a config file can have (package.json among them). */
export const CONFIG_NAMES: ReadonlySet<string> = new Set(CONFIG_FILE_NAMES);

export type LintOutcome =
  | { kind: 'linted'; result: FileResult }
  /** The config's `ignores` cover this file: no diagnostics, as `crisislint FILE` would skip it in a walk. */
  | { kind: 'ignored' }
  /** Nothing to lint (an empty document). */
  | { kind: 'empty' }
  /** The config file is invalid: its one-line reason. */
  | { kind: 'config-error'; message: string; configPath: string };

export interface LoadedSettings {
  stamp: string;
  config?: LoadedConfig;
  /** The config's plugin rules, kept as one array so the API reuses its resolved rule set. */
  plugins?: Rule<object>[];
  error?: string;
}

export class DocumentLinter {
  private readonly settings = new Map<string, LoadedSettings>();

  /** The folder whose config applies to documents with no file path (untitled buffers). */
  constructor(private readonly fallbackDir: string) {}

  /**
   * Lints `text` as the file at `filePath` (undefined for an untitled buffer; `name` then gives
   * the extension that decides the input format).
   */
  async lint(text: string, filePath: string | undefined, name: string, { now = new Date(), inputFormat }: { now?: Date; inputFormat?: InputFormatName } = {}): Promise<LintOutcome> {
    if (text.trim() === '') return { kind: 'empty' };
    const dir = filePath ? dirname(filePath) : this.fallbackDir;
    const settings = await this.settingsFor(dir);
    if (settings.error !== undefined) return { kind: 'config-error', message: settings.error, configPath: settings.config?.path ?? dir };
    const config = settings.config!;
    if (filePath && ignoreFilter(config, dir)(filePath)) return { kind: 'ignored' };
    try {
      const result = lintText(text, { filePath: filePath ?? name, now, rules: config.rules, plugins: settings.plugins, weights: config.weights, grades: config.grades, inputFormat });
      return { kind: 'linted', result };
    } catch (error) {
      // The config named a rule setting the rules reject (checked when they are resolved).
      if (error instanceof RuleSettingError) return { kind: 'config-error', message: error.message, configPath: config.path ?? dir };
      throw error;
    }
  }

  /** The config for a folder, reloaded when the file found (or its modification time) changes. */
  async settingsFor(dir: string): Promise<LoadedSettings> {
    const path = findConfig(dir);
    const stamp = path ? `${path}\0${fileStamp(path)}` : '';
    const cached = this.settings.get(path ?? '');
    if (cached && cached.stamp === stamp) return cached;
    let loaded: LoadedSettings;
    try {
      const config = await loadConfig({ cwd: dir, config: path });
      loaded = { stamp, config, plugins: pluginRules(config) };
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      loaded = { stamp, error: error.message, config: path ? ({ path } as LoadedConfig) : undefined };
    }
    this.settings.set(path ?? '', loaded);
    return loaded;
  }
}

function fileStamp(path: string): string {
  try {
    const s = statSync(path);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'missing';
  }
}

// The package entry, `import … from 'crisislint'`: the programmatic API the command line, the
// language and MCP servers and the browser playground all use (docs/api.md).
//
// - lintText (./api/text.ts): lint a string with given settings. Synchronous, no file system;
//   the part a browser bundle takes.
// - CrisisLint, lintFiles, loadConfig (./api/node.ts): configs found as the CLI finds them,
//   plugins, files, folders and globs, formatters. Node only.
// - defineRule and the rule interface (./rule.ts), for plugins.

export * from './rule.js';
export { lintText, builtinRuleMeta, version, RuleSettingError, type LintTextOptions, type InputFormatName } from './api/text.js';
export {
  CrisisLint,
  ConfigError,
  NoFilesFoundError,
  formatterNames,
  lintFiles,
  loadConfig,
  type CrisisLintOptions,
  type FormatOptions,
  type LoadedConfig,
  type LoadedFormatter,
  type ResolvedConfig,
} from './api/node.js';
export type { ChecklistState, FileResult, Finding, IncidentResult, StatementResult, SuggestionResult } from './engine/results.js';
export type { RuleSettingInput } from './engine/ruleset.js';
export type { GradeThresholds, ScoreWeights } from './engine/score.js';

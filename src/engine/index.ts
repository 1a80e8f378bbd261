// The engine's entry points: bytes or text in, FileResult out. Load -> parse -> rules -> score.

import { builtinRules } from '../../rules/index.js';
import type { Rule } from '../api.js';
import { InputError } from '../inputs/errors.js';
import { detectFormat, formatByName } from '../inputs/index.js';
import { lintParsed, RuleCrashError, type LintSettings } from './lint.js';
import type { ParsedFile } from './model.js';
import type { FileResult } from './results.js';
import { resolveRules, type ActiveRule, type RuleSettingInput } from './ruleset.js';
import { decodeSource } from './source.js';
import { addPhase, phaseTimes, timing } from './timing.js';

export interface EngineOptions extends LintSettings {
  rules: ActiveRule[];
  /** Force an input format instead of detecting it. */
  inputFormat?: string;
}

export function defaultRules(settings: Record<string, RuleSettingInput> = {}, extra: Rule<object>[] = []): ActiveRule[] {
  return resolveRules([...builtinRules, ...extra], settings);
}

export function fatalResult(path: string, message: string): FileResult {
  return { filePath: path, score: null, grade: null, errorCount: 0, warningCount: 0, infoCount: 0, incidents: [], findings: [], fatal: message };
}

/** Parses a file's text into the document model (exported for tests and tools). */
export function parseSource(path: string, bytes: Uint8Array, inputFormat?: string): ParsedFile {
  const source = decodeSource(path, bytes);
  const format = inputFormat ? formatByName(inputFormat) : detectFormat(source.text, path);
  if (!format) throw new InputError(`unknown input format "${inputFormat}"`);
  return { source, format: format.name, ...format.parse(source) };
}

/**
 * Lints one input. A problem with the input becomes a fatal result with a one-line reason; a
 * crashing rule is reported the same way, naming the rule, so other files still get linted.
 */
export function lintBytes(path: string, bytes: Uint8Array, options: EngineOptions): FileResult {
  try {
    if (timing.on) return timedLint(path, bytes, options);
    return lintParsed(parseSource(path, bytes, options.inputFormat), options.rules, options);
  } catch (error) {
    if (error instanceof InputError || error instanceof RuleCrashError) return fatalResult(path, error.message);
    // A parser's recursion that runs out of stack is this file's problem, not the run's.
    if (error instanceof RangeError && /call stack/i.test(error.message)) return fatalResult(path, 'too deeply nested to read (thousands of levels of quotes, lists or markup)');
    throw error;
  }
}

/** lintBytes with the benchmark's phase breakdown: tagging time is counted as NLP, not rules. */
function timedLint(path: string, bytes: Uint8Array, options: EngineOptions): FileResult {
  const parseStart = performance.now();
  const parsed = parseSource(path, bytes, options.inputFormat);
  const rulesStart = addPhase('parse', parseStart);
  const nlpBefore = phaseTimes.nlp;
  try {
    return lintParsed(parsed, options.rules, options);
  } finally {
    phaseTimes.rules += performance.now() - rulesStart - (phaseTimes.nlp - nlpBefore);
  }
}

export function lintText(text: string, options: Partial<EngineOptions> & { path?: string } = {}): FileResult {
  return lintBytes(options.path ?? '<text>', new TextEncoder().encode(text), {
    now: options.now ?? new Date(),
    rules: options.rules ?? defaultRules(),
    weights: options.weights,
    grades: options.grades,
    inputFormat: options.inputFormat,
    reportUnusedDisables: options.reportUnusedDisables,
    detail: options.detail,
  });
}

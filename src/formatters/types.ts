import type { RuleMeta } from '../api.js';
import type { FileResult } from '../engine/results.js';

export interface FormatterContext {
  /** Whether to use colour (decided by the CLI from the TTY, NO_COLOR and FORCE_COLOR). */
  color: boolean;
  cwd: string;
  /** Metadata of the rules that ran, by id (for formatters that describe rules). */
  rules: Map<string, RuleMeta<object>>;
}

export type Formatter = (results: FileResult[], context: FormatterContext) => string;

import type { RuleMeta } from '../api.js';
import type { FileResult } from '../engine/results.js';

export interface FormatterContext {
  /** Whether to use colour (decided by the CLI from the TTY, NO_COLOR and FORCE_COLOR). */
  color: boolean;
  cwd: string;
  /** Metadata of the rules that ran, by id (for formatters that describe rules). */
  rules: Map<string, RuleMeta<object>>;
  /** Paths on the command line that matched no file (already reported on stderr): the run is incomplete. */
  unmatched?: number;
}

export type Formatter = (results: FileResult[], context: FormatterContext) => string;

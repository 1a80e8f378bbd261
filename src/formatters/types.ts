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

/**
 * A report made of one text per file, joined: the CLI can format each file as soon as its result
 * is final, while the rest are still being linted, and only join the texts at the end (for the
 * 819-file corpus, formatting and encoding the 6.8 MB JSON report took about 50 ms after the last
 * file). `joinFileTexts(byFile, results.map((r) => byFile.file(r, context)))` is, byte for byte,
 * the report the formatter of the same name gives.
 */
export interface FileByFileFormatter {
  file(result: FileResult, context: FormatterContext): string;
  /** Before the first file's text, between two, after the last; `empty` is the whole report of no files. */
  open: string;
  separator: string;
  close: string;
  empty: string;
}

// The main report, for formats made one text per file (FileByFileFormatter): each file's text is
// formatted and encoded as soon as its result is final, while other files are still being linted
// (by a worker thread, or next in this one), so all that is left after the last file is joining
// bytes. The report is byte for byte the one the format's formatter gives.

import type { FileResult } from '../engine/results.js';
import type { FileByFileFormatter, FormatterContext } from '../formatters/types.js';

export class FileByFileReport {
  private readonly texts = new Map<FileResult, Buffer>();

  constructor(
    private readonly byFile: FileByFileFormatter,
    private readonly context: FormatterContext,
    /** What the report shows of a result (--quiet leaves out all but errors). */
    private readonly shown: (result: FileResult) => FileResult,
  ) {}

  /** Formats a result now; the report keeps its text until bytes() asks for it. */
  add(result: FileResult): void {
    this.texts.set(result, this.encode(result));
  }

  /** The whole report for these results, in this order, formatting any not added yet. */
  bytes(results: FileResult[]): Buffer {
    const { open, separator, close, empty } = this.byFile;
    if (results.length === 0) return Buffer.from(empty);
    const between = Buffer.from(separator);
    const parts: Buffer[] = [Buffer.from(open)];
    results.forEach((result, i) => {
      if (i > 0) parts.push(between);
      parts.push(this.texts.get(result) ?? this.encode(result));
    });
    parts.push(Buffer.from(close));
    return Buffer.concat(parts);
  }

  private encode(result: FileResult): Buffer {
    return Buffer.from(this.byFile.file(this.shown(result), this.context));
  }
}

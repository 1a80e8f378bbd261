import type { ParsedFile, SourceFile } from '../engine/model.js';

/** One input format: how to recognise it and how to turn it into incidents. */
export interface InputFormat {
  name: string;
  /** File name endings it owns, for directory walks and detection. */
  extensions: string[];
  /** True when the content is in this format (called only for ambiguous extensions). */
  detect(text: string, path: string): boolean;
  parse(source: SourceFile): Omit<ParsedFile, 'source' | 'format'>;
}

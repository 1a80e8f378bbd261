// The input formats crisislint reads, and format detection from extension and content.

import { extname } from 'node:path';
import { markdownFormat } from './markdown.js';
import type { InputFormat } from './types.js';

/** Specific formats first; Markdown (any text) last, as the fallback. */
export const INPUT_FORMATS: InputFormat[] = [markdownFormat];

export function formatByName(name: string): InputFormat | undefined {
  return INPUT_FORMATS.find((f) => f.name === name);
}

/** Extensions a directory walk picks up. */
export function lintableExtensions(): string[] {
  return [...new Set(INPUT_FORMATS.flatMap((f) => f.extensions))];
}

export function detectFormat(text: string, path: string): InputFormat {
  const ext = extname(path).toLowerCase();
  for (const format of INPUT_FORMATS) if (format !== markdownFormat && format.extensions.includes(ext) && format.detect(text, path)) return format;
  for (const format of INPUT_FORMATS) if (format !== markdownFormat && format.detect(text, path)) return format;
  return markdownFormat;
}

export type { InputFormat };

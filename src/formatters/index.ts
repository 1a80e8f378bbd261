import { compact } from './compact.js';
import { github } from './github.js';
import { html } from './html.js';
import { json, jsonByFile } from './json.js';
import { rdjsonl } from './rdjsonl.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { FileByFileFormatter, Formatter } from './types.js';

/** Output formats by name (--format). */
export const FORMATTERS: Record<string, Formatter> = { stylish, json, sarif, github, compact, rdjsonl, html };

/** The formats that can also be made a file at a time (FileByFileFormatter), by the same names. */
export const FILE_BY_FILE_FORMATTERS: Record<string, FileByFileFormatter> = { json: jsonByFile };

export type { FileByFileFormatter, Formatter, FormatterContext } from './types.js';

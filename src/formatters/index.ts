import { compact } from './compact.js';
import { github } from './github.js';
import { html } from './html.js';
import { json } from './json.js';
import { rdjsonl } from './rdjsonl.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

/** Output formats by name (--format). */
export const FORMATTERS: Record<string, Formatter> = { stylish, json, sarif, github, compact, rdjsonl, html };

export type { Formatter, FormatterContext } from './types.js';

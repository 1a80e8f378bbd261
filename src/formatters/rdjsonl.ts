// reviewdog's rdjsonl: one Diagnostic (reviewdog.proto) per line, with the rule's code and docs
// link, and each finding's suggestions as replacements so a pull-request review
// (reviewdog -f=rdjsonl -reporter=github-pr-review) shows them as suggested changes.
// reviewdog counts columns in UTF-8 bytes, so columns are converted using the file's text.

import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Severity } from '../api.js';
import { lineStartsOf } from '../engine/model.js';
import { repositoryUrl, ruleHelpUri, TOOL_NAME } from './sarif.js';
import type { Formatter } from './types.js';

const SEVERITY: Record<Severity, 'ERROR' | 'WARNING' | 'INFO'> = { error: 'ERROR', warning: 'WARNING', info: 'INFO' };

/** Converts UTF-16 columns to UTF-8 byte columns for one file, reading it only when needed. */
function byteColumns(absolutePath: string | undefined) {
  let lines: string[] | null | undefined;
  const lineText = (line: number): string | undefined => {
    if (lines === undefined) {
      try {
        const text = absolutePath ? readFileSync(absolutePath, 'utf8').replace(/^\uFEFF/, '') : undefined;
        lines = text === undefined ? null : lineStartsOf(text).map((start, i, starts) => text.slice(start, starts[i + 1] ?? text.length));
      } catch {
        lines = null;
      }
    }
    return lines?.[line - 1];
  };
  return (line: number, column: number): number => {
    const text = lineText(line);
    // ASCII lines (and files we cannot read again, such as stdin) need no conversion.
    if (text === undefined || !/[^\x00-\x7f]/.test(text)) return column;
    return Buffer.byteLength(text.slice(0, column - 1), 'utf8') + 1;
  };
}

export const rdjsonl: Formatter = (results, context) => {
  const source = { name: TOOL_NAME, ...(repositoryUrl() ? { url: repositoryUrl() } : {}) };
  const lines: string[] = [];
  for (const r of results) {
    const isStdin = r.filePath.startsWith('<') && r.filePath.endsWith('>');
    const shown = isStdin ? r.filePath : relative(context.cwd, resolve(context.cwd, r.filePath)) || r.filePath;
    const path = sep === '/' ? shown : shown.split(sep).join('/');
    if (r.fatal) {
      lines.push(JSON.stringify({ message: r.fatal, location: { path }, severity: 'ERROR', source, code: { value: 'unreadable-input' } }));
      continue;
    }
    const toBytes = byteColumns(isStdin ? undefined : resolve(context.cwd, r.filePath));
    const position = (line: number, column: number) => ({ line, column: toBytes(line, column) });
    for (const f of r.findings) {
      const url = ruleHelpUri(f.ruleId);
      lines.push(
        JSON.stringify({
          message: f.message,
          location: { path, range: { start: position(f.line, f.column), end: position(f.endLine, f.endColumn) } },
          severity: SEVERITY[f.severity],
          source,
          code: { value: f.ruleId, ...(url ? { url } : {}) },
          ...(f.suggestions.length
            ? { suggestions: f.suggestions.map((s) => ({ range: { start: position(s.line, s.column), end: position(s.endLine, s.endColumn) }, text: s.text })) }
            : {}),
        }),
      );
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};

// One plain line per finding, for grep, editors' error parsers and logs:
//   path:line:column: level message [rule-id]
// An unreadable file is one line too: path:1:1: error <reason>. No colour, no summary.

import { relative, resolve } from 'node:path';
import type { Formatter } from './types.js';

const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ');

export const compact: Formatter = (results, context) => {
  const lines: string[] = [];
  for (const r of results) {
    // File paths are as given, relative to the working directory the run was for.
    const path = relative(context.cwd, resolve(context.cwd, r.filePath)) || r.filePath;
    if (r.fatal) {
      lines.push(`${path}:1:1: error ${oneLine(r.fatal)}`);
      continue;
    }
    for (const f of r.findings) lines.push(`${path}:${f.line}:${f.column}: ${f.severity} ${oneLine(f.message)} [${f.ruleId}]`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};

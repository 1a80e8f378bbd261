// GitHub Actions workflow commands: one annotation per finding (`::error`, `::warning`,
// `::notice` for info) on the file and lines, so a workflow run marks them in the pull request's
// diff. Values are escaped as GitHub's actions toolkit does. A plain summary line ends the output.

import { PRINCIPLE_INFO } from '../engine/principles.js';
import type { Severity } from '../api.js';
import type { FileResult, Finding } from '../engine/results.js';
import { repositoryPath } from './sarif.js';
import type { Formatter } from './types.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes a command's message: %, CR and LF. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: also ':' and ',', which separate properties. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, properties: [string, string | number | undefined][], message: string): string {
  const props = properties
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name} ${props}::${escapeData(message)}`;
}

function annotation(file: string, f: Finding): string {
  // GitHub accepts col/endColumn only when the annotation starts and ends on one line.
  const oneLine = f.line === f.endLine;
  const principle = f.principle ? PRINCIPLE_INFO[f.principle] : undefined;
  const title = `crisislint ${f.ruleId}${principle ? ` (${f.principle} ${principle.name})` : ''}`;
  const message = [f.message, ...f.suggestions.map((s) => `Suggestion: ${s.desc}`)].join('\n');
  return command(
    COMMAND[f.severity],
    [
      ['file', file],
      ['line', f.line],
      ['col', oneLine ? f.column : undefined],
      ['endLine', f.endLine],
      ['endColumn', oneLine ? f.endColumn : undefined],
      ['title', title],
    ],
    message,
  );
}

export const github: Formatter = (results: FileResult[], context) => {
  const lines: string[] = [];
  const totals = { error: 0, warning: 0, info: 0, unreadable: 0 };
  let lowest: number | null = null;
  for (const r of results) {
    const file = repositoryPath(r.filePath, context);
    if (r.fatal) {
      totals.unreadable++;
      lines.push(command('error', [['file', file], ['line', 1], ['title', 'crisislint: unreadable input']], r.fatal));
      continue;
    }
    for (const f of r.findings) {
      totals[f.severity]++;
      lines.push(annotation(file, f));
    }
    if (r.score !== null) lowest = lowest === null ? r.score : Math.min(lowest, r.score);
  }
  const checked = results.length - totals.unreadable;
  const parts = [`${totals.error} error${totals.error === 1 ? '' : 's'}`, `${totals.warning} warning${totals.warning === 1 ? '' : 's'}`, `${totals.info} info`];
  lines.push(
    `crisislint: ${parts.join(', ')} in ${checked} file${checked === 1 ? '' : 's'}` +
      (totals.unreadable ? `, ${totals.unreadable} unreadable` : '') +
      (lowest !== null ? `; lowest score ${lowest}` : ''),
  );
  return `${lines.join('\n')}\n`;
};

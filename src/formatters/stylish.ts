// The default, human report: findings grouped by file, incident and statement, each with
// line:column, severity, message and rule id; then the score, grade and principle checklist.

import { relative } from 'node:path';
import { Chalk } from 'chalk';
import { PRINCIPLE_INFO } from '../engine/principles.js';
import type { Principle } from '../api.js';
import type { Finding, IncidentResult } from '../engine/results.js';
import type { Formatter } from './types.js';

export const stylish: Formatter = (results, context) => {
  const c = new Chalk({ level: context.color ? 1 : 0 });
  const SEVERITY_COLOR = { error: c.red, warning: c.yellow, info: c.blue };
  const GRADE = (grade: string) => (grade === 'A' || grade === 'B' ? c.green : grade === 'C' ? c.yellow : c.red)(grade);
  const out: string[] = [];
  const totals = { error: 0, warning: 0, info: 0, fatal: 0, files: 0 };

  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length));
  const findingLines = (f: Finding) => {
    const lines = [`  ${c.dim(pad(`${f.line}:${f.column}`, 8))}${SEVERITY_COLOR[f.severity](pad(f.severity, 9))}${f.message}  ${c.dim(f.ruleId)}`];
    for (const s of f.suggestions) {
      // The words themselves, not only what the change does: the reader copies them.
      const span = `${s.line}:${s.column}-${s.endLine === s.line ? '' : `${s.endLine}:`}${s.endColumn}`;
      const change = s.text === '' ? `delete ${span}` : `${s.endLine === s.line && s.endColumn === s.column ? 'insert' : 'replace'} ${span} with ${JSON.stringify(s.text)}`;
      const why = s.desc.replace(`: ${JSON.stringify(s.text)}`, '');
      lines.push(`  ${' '.repeat(8)}${c.green('suggestion')} ${change}  ${c.dim(`(${why})`)}`);
    }
    return lines;
  };
  const checklist = (incident: IncidentResult) =>
    (Object.keys(PRINCIPLE_INFO) as Principle[])
      .map((p) => {
        const state = incident.checklist[p];
        const label = `${p} ${PRINCIPLE_INFO[p].name}`;
        return state === 'satisfied' ? c.green(`✓ ${label}`) : state === 'failed' ? c.red(`✗ ${label}`) : c.dim(`– ${label}`);
      })
      .join('  ');

  for (const result of results) {
    const path = relative(context.cwd, result.filePath) || result.filePath;
    if (result.fatal) {
      totals.fatal++;
      out.push(c.underline(path), `  ${c.red('error')}  ${result.fatal}`, '');
      continue;
    }
    totals.files++;
    totals.error += result.errorCount;
    totals.warning += result.warningCount;
    totals.info += result.infoCount;
    out.push(c.underline(path));
    for (const incident of result.incidents) {
      const title = incident.title ? `"${incident.title}"` : result.incidents.length > 1 ? `#${incident.index + 1}` : '';
      if (result.incidents.length > 1 || incident.title) out.push(`  ${c.bold(`Incident ${title}`)}${incident.isMaintenance ? c.dim(' (planned maintenance)') : ''}`);
      const own = result.findings.filter((f) => f.incident === incident.index);
      for (const statement of incident.statements) {
        const findings = own.filter((f) => f.statement === statement.index);
        if (incident.statements.length > 1) {
          const when = statement.time ? ` · ${statement.time.slice(0, 16).replace('T', ' ')} UTC` : '';
          out.push(`  ${c.cyan(`statement ${statement.index + 1}`)} ${c.dim(`${statement.phase}${when} · line ${statement.line} · score ${statement.score}`)}`);
        }
        for (const f of findings) out.push(...findingLines(f));
      }
      out.push(`  ${c.bold('score')} ${incident.score}/100 ${GRADE(incident.grade)}${incident.isTimeline ? c.dim(` (lowest of ${incident.statements.length} statements)`) : ''}`);
      out.push(`  ${checklist(incident)}`);
    }
    out.push('');
  }

  const problems = totals.error + totals.warning + totals.info;
  const parts = [`${totals.error} error${totals.error === 1 ? '' : 's'}`, `${totals.warning} warning${totals.warning === 1 ? '' : 's'}`, `${totals.info} info`];
  const unreadable = totals.fatal ? `, ${totals.fatal} file${totals.fatal === 1 ? '' : 's'} unreadable` : '';
  const unmatched = context.unmatched ? `, ${context.unmatched} path${context.unmatched === 1 ? '' : 's'} matched no file` : '';
  // A run that could not read everything is never shown with a green tick.
  const failed = totals.fatal > 0 || !!context.unmatched;
  const summary = `${problems || failed ? '✖' : '✔'} ${problems} problem${problems === 1 ? '' : 's'} (${parts.join(', ')}) in ${totals.files} file${totals.files === 1 ? '' : 's'}${unreadable}${unmatched}`;
  out.push((totals.error || failed ? c.red.bold : problems ? c.yellow.bold : c.green.bold)(summary));
  return `${out.join('\n')}\n`;
};

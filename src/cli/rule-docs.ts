// A rule's docs page, rendered from its metadata: Markdown for docs/rules/<id>.md and plain
// text for `crisislint explain`. One source, so the docs cannot drift from the rule.

import type { RuleExample, RuleMeta } from '../api.js';
import { PRINCIPLE_INFO } from '../engine/principles.js';

const SCOPES: Record<RuleMeta['scope'], string> = {
  sentence: 'a sentence or span',
  statement: 'a whole statement',
  timeline: 'an incident timeline',
  'statement-or-timeline': 'a whole statement, or the whole incident on a timeline',
};

/** The example's statement text without its front matter, for showing. */
function exampleBody(example: RuleExample): string {
  return example.text.replace(/^---\n[\s\S]*?\n---\n/, '').trim();
}

function frontMatter(example: RuleExample): string | undefined {
  return /^---\n([\s\S]*?)\n---\n/.exec(example.text)?.[1];
}

function optionsTable(meta: RuleMeta<object>): string[] {
  const options = Object.entries(meta.options ?? {});
  if (options.length === 0) return [];
  const lines = ['## Options', '', '| option | default |', '|---|---|'];
  for (const [key, value] of options) {
    const shown = Array.isArray(value) ? `${value.length} entries (your list extends it)` : `\`${JSON.stringify(value)}\``;
    lines.push(`| \`${key}\` | ${shown} |`);
  }
  lines.push('');
  return lines;
}

export function ruleDocMarkdown(meta: RuleMeta<object>): string {
  const principle = PRINCIPLE_INFO[meta.principle];
  const example = (e: RuleExample) => {
    const fm = frontMatter(e);
    const context = [fm ? fm.split('\n').join(', ') : '', e.now ? `now: ${e.now}` : ''].filter(Boolean).join('; ');
    return [...(context ? [`<sub>${context}</sub>`, ''] : []), '```markdown', exampleBody(e), '```', ''];
  };
  return [
    `# ${meta.id}`,
    '',
    `> ${meta.description}`,
    '',
    `| principle | default severity | looks at | planned maintenance |`,
    `|---|---|---|---|`,
    `| ${meta.principle} ${principle.name} | ${meta.severity} | ${SCOPES[meta.scope]} | ${meta.maintenance ? 'checked' : 'skipped'} |`,
    '',
    '## Why',
    '',
    meta.docs.why,
    '',
    '## How to fix',
    '',
    meta.docs.fix,
    '',
    '## Fails',
    '',
    ...meta.docs.fail.flatMap(example),
    '## Passes',
    '',
    ...meta.docs.pass.flatMap(example),
    ...optionsTable(meta),
    '## Turning it off or changing its severity',
    '',
    '```sh',
    `crisislint --rule ${meta.id}=off draft.md`,
    '```',
    '',
  ].join('\n');
}

/**
 * Examples in the terminal: each whole input, front matter included (an example's `impact` or
 * `status` is often why it fails), under its own numbered heading with the time and options it
 * is judged with, so that one example never runs into the next.
 */
function examples(heading: string, list: RuleExample[]): string[] {
  const indent = (s: string) => s.split('\n').map((l) => (l ? `    ${l}` : '')).join('\n');
  return list.flatMap((e, i) => {
    const context = [e.now ? `judged at ${e.now}` : '', e.options ? `options ${JSON.stringify(e.options)}` : ''].filter(Boolean).join(', ');
    return [`${heading} ${i + 1}${list.length > 1 ? ` of ${list.length}` : ''}${context ? ` (${context})` : ''}`, indent(e.text.trim()), ''];
  });
}

export function ruleDocText(meta: RuleMeta<object>, style: { bold: (s: string) => string; dim: (s: string) => string; red: (s: string) => string; green: (s: string) => string }): string {
  const principle = PRINCIPLE_INFO[meta.principle];
  const out = [
    `${style.bold(meta.id)}  ${style.dim(`${meta.principle} ${principle.name} · ${meta.severity} · ${SCOPES[meta.scope]}`)}`,
    meta.description,
    '',
    style.bold('Why'),
    meta.docs.why,
    '',
    style.bold('How to fix'),
    meta.docs.fix,
    '',
    ...examples(style.red('Fails'), meta.docs.fail),
    ...examples(style.green('Passes'), meta.docs.pass),
  ];
  const options = Object.entries(meta.options ?? {});
  if (options.length) {
    out.push('', style.bold('Options'));
    for (const [key, value] of options) out.push(`  ${key}: ${Array.isArray(value) ? `${value.length} entries (your list extends it)` : JSON.stringify(value)}`);
  }
  return `${out.join('\n')}\n`;
}

export function ruleListText(rules: RuleMeta<object>[]): string {
  const width = Math.max(...rules.map((r) => r.id.length));
  return `${rules.map((r) => `${r.id.padEnd(width)}  ${r.principle}  ${r.severity.padEnd(7)}  ${r.description}`).join('\n')}\n`;
}

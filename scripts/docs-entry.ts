// Writes docs/rules/<id>.md for every built-in rule and the rule table in README.md, from the
// rules' own metadata. Run with `npm run docs`; tests/docs.test.ts fails when they drift.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRules } from '../rules/index.js';
import { ruleDocMarkdown } from '../src/cli/rule-docs.js';
import { readmeRuleTable, replaceRuleTable } from '../src/cli/readme-table.js';

const root = process.cwd();
mkdirSync(join(root, 'docs', 'rules'), { recursive: true });
for (const rule of builtinRules) writeFileSync(join(root, 'docs', 'rules', `${rule.meta.id}.md`), ruleDocMarkdown(rule.meta));
const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
writeFileSync(readmePath, replaceRuleTable(readme, readmeRuleTable(builtinRules.map((r) => r.meta))));
console.log(`wrote docs for ${builtinRules.length} rules and the README rule table`);

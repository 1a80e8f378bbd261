#!/usr/bin/env node
// Which code asked for each sentence crisislint tags: runs the built CLI once over a folder
// (every rule on, no workers) with CRISISLINT_TAG_CALLERS, and counts the tagged sentences by
// the rule and the shared detector whose call first needed the tags. A later asker is not
// counted: a rule that asks after another has tagged a sentence pays nothing for it. Compare a
// row with what the rule reports: a trigger that asks far more often than its finding condition
// can hold is the place to tighten (it may say yes too often, never too rarely).
//
// usage: npm run build && node bench/tag-callers.mjs [DIR] [-- extra crisislint arguments]

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const dash = args.indexOf('--');
const extra = dash >= 0 ? args.slice(dash + 1) : [];
const dir = resolve((dash >= 0 ? args.slice(0, dash) : args)[0] ?? join(root, '../shared/corpus/github-md'));
const bundle = join(root, 'dist/crisislint.cjs');

const scratch = mkdtempSync(join(tmpdir(), 'crisislint-tag-callers-'));
const out = join(scratch, 'callers.json');
try {
  const env = { ...process.env, CRISISLINT_TAG_CALLERS: out };
  delete env.CRISISLINT_DAEMON;
  execFileSync(process.execPath, ['--stack-trace-limit=40', join(root, 'bin/crisislint.cjs'), '--no-config', '--format', 'json', '--workers', '0', ...extra, dir], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
    maxBuffer: 1 << 30,
  }).toString();
} catch (error) {
  // crisislint exits 1 when it reports findings; the callers file is written either way.
  if (error.status !== 1) throw error;
}
const stacks = JSON.parse(readFileSync(out, 'utf8'));
rmSync(scratch, { recursive: true, force: true });

// esbuild heads each module's code with a "// path" comment: bundle line -> source module.
const moduleAt = [];
let current = '?';
for (const line of readFileSync(bundle, 'utf8').split('\n')) {
  const m = /^\/\/ ((?:src|rules)\/\S+\.ts)$/.exec(line);
  if (m) current = m[1];
  moduleAt.push(current);
}

// Frames in the tagging plumbing and the memoising facts layer say nothing about who asked.
const PLUMBING = /^src\/(nlp\/analysis|engine\/document|nlp\/understanding|engine\/statement-facts)\.ts$/;
const rows = new Map();
let total = 0;
for (const [stack, count] of Object.entries(stacks)) {
  const modules = [...stack.matchAll(/crisislint\.cjs:(\d+):\d+/g)].map((m) => moduleAt[Number(m[1]) - 1]);
  const at = modules.findIndex((m) => m.startsWith('rules/'));
  const rule = at >= 0 ? modules[at].replace(/^rules\/|\.ts$/g, '') : `(no rule: ${modules.find((m) => !PLUMBING.test(m)) ?? '?'})`;
  const detector = modules.slice(0, at >= 0 ? at : modules.length).find((m) => !PLUMBING.test(m))?.replace(/^src\/|\.ts$/g, '') ?? '-';
  const key = `${rule}\t${detector}`;
  rows.set(key, (rows.get(key) ?? 0) + count);
  total += count;
}
console.log(`${total} sentences tagged in ${dir}\n`);
console.log('tagged  share  first asked by (rule, then shared detector)');
for (const [key, count] of [...rows].sort((a, b) => b[1] - a[1])) {
  const [rule, detector] = key.split('\t');
  console.log(`${String(count).padStart(6)}  ${`${Math.round((100 * count) / total)}%`.padStart(5)}  ${rule}${detector === '-' ? '' : ` via ${detector}`}`);
}

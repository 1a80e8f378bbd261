#!/usr/bin/env node
// Which code asked for each sentence crisislint tags: runs the built CLI once over a folder
// (every rule on, no workers) with CRISISLINT_TAG_CALLERS, and counts the tagged sentences by
// the rule and the shared detector whose call first needed the tags. A later asker is not
// counted: a rule that asks after another has tagged a sentence pays nothing for it. Compare a
// row with what the rule reports: a trigger that asks far more often than its finding condition
// can hold is the place to tighten (it may say yes too often, never too rarely).
//
// --askers (CRISISLINT_TAG_ASKERS) counts every code that asked for each tagged sentence, first
// or later, and how many sentences (and words: tagging costs by the word) only that asker
// asked for: those are what a tighter trigger of that asker saves. `--save FILE` writes
// { sentence: [asker, …] } for a closer look at one asker's sentences.
//
// usage: npm run build && node bench/tag-callers.mjs [--askers [--detail] [--save FILE]] [DIR] [-- extra crisislint arguments]

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const dash = args.indexOf('--');
const extra = dash >= 0 ? args.slice(dash + 1) : [];
const own = dash >= 0 ? args.slice(0, dash) : args;
const flag = (name) => {
  const at = own.indexOf(name);
  if (at >= 0) own.splice(at, 1);
  return at >= 0;
};
const option = (name) => {
  const at = own.indexOf(name);
  if (at < 0) return undefined;
  const [, value] = own.splice(at, 2);
  return value;
};
const askers = flag('--askers');
const detail = flag('--detail');
const save = option('--save');
const dir = resolve(own[0] ?? join(root, '../shared/corpus/github-md'));
const bundle = join(root, 'dist/crisislint.cjs');

const scratch = mkdtempSync(join(tmpdir(), 'crisislint-tag-callers-'));
const out = join(scratch, 'callers.json');
try {
  const env = { ...process.env, [askers ? 'CRISISLINT_TAG_ASKERS' : 'CRISISLINT_TAG_CALLERS']: out };
  delete env.CRISISLINT_DAEMON;
  execFileSync(process.execPath, ['--stack-trace-limit=45', join(root, 'bin/crisislint.cjs'), '--no-config', '--format', 'json', '--workers', '0', ...extra, dir], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
    maxBuffer: 1 << 30,
  }).toString();
} catch (error) {
  // crisislint exits 1 when it reports findings; the callers file is written either way.
  if (error.status !== 1) throw error;
}
const recorded = JSON.parse(readFileSync(out, 'utf8'));
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

/** "rule via detector" for one call stack; with --detail, the understanding's detector too ("detectCause"). */
function askerOf(stack) {
  const frames = [...stack.matchAll(/at (?:(\S+) )?\(?\S*crisislint\.cjs:(\d+):\d+/g)].map((m) => ({ fn: m[1] ?? '?', module: moduleAt[Number(m[2]) - 1] }));
  const at = frames.findIndex((f) => f.module.startsWith('rules/'));
  const rule = at >= 0 ? frames[at].module.replace(/^rules\/|\.ts$/g, '') : `(no rule: ${frames.find((f) => !PLUMBING.test(f.module))?.module ?? '?'})`;
  const below = frames.slice(0, at >= 0 ? at : frames.length);
  let detector = below.find((f) => !PLUMBING.test(f.module))?.module.replace(/^src\/|\.ts$/g, '') ?? '-';
  if (detail) {
    const facts = below.filter((f) => f.module === 'src/nlp/understanding.ts' && /^(?:detect|read|resolution)/.test(f.fn)).map((f) => f.fn);
    if (facts.length) detector = `${detector === '-' ? '' : `${detector} `}[${facts[facts.length - 1]}]`;
  }
  return detector === '-' ? rule : `${rule} via ${detector}`;
}

if (!askers) {
  const rows = new Map();
  let total = 0;
  for (const [stack, count] of Object.entries(recorded)) {
    const key = askerOf(stack);
    rows.set(key, (rows.get(key) ?? 0) + count);
    total += count;
  }
  console.log(`${total} sentences tagged in ${dir}\n`);
  console.log('tagged  share  first asked by (rule, then shared detector)');
  for (const [key, count] of [...rows].sort((a, b) => b[1] - a[1])) {
    console.log(`${String(count).padStart(6)}  ${`${Math.round((100 * count) / total)}%`.padStart(5)}  ${key}`);
  }
} else {
  const rows = new Map();
  const bySentence = {};
  let sentences = 0;
  let words = 0;
  for (const [text, stacks] of Object.entries(recorded)) {
    const who = [...new Set(stacks.map(askerOf))];
    bySentence[text] = who;
    const w = text.split(/\s+/).filter(Boolean).length;
    sentences++;
    words += w;
    for (const key of who) {
      const row = rows.get(key) ?? { asked: 0, only: 0, onlyWords: 0 };
      row.asked++;
      if (who.length === 1) {
        row.only++;
        row.onlyWords += w;
      }
      rows.set(key, row);
    }
  }
  if (save) writeFileSync(save, JSON.stringify(bySentence));
  console.log(`${sentences} sentences (${words} words) tagged in ${dir}\n`);
  console.log(' asked   only  only words  asker (rule, then shared detector)');
  for (const [key, row] of [...rows].sort((a, b) => b[1].onlyWords - a[1].onlyWords)) {
    console.log(`${String(row.asked).padStart(6)} ${String(row.only).padStart(6)} ${String(row.onlyWords).padStart(11)}  ${key}`);
  }
}

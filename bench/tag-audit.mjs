#!/usr/bin/env node
// Which rules make crisislint tag text, and how much: runs the engine over a folder once per
// rule (each in a fresh process, so the per-process memo does not hide a rule's cost) and once
// with every rule, and prints sentences and words tagged (analysisStats) and the time taken.
// A rule that tags far more words than it reports findings should tighten its text prefilter.
//
// usage: node bench/tag-audit.mjs [DIR] (default ../shared/corpus/github-md)

import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { bundleHarness } from './lib/harness.mjs';

const dir = resolve(process.argv[2] ?? '../shared/corpus/github-md');
const harness = await bundleHarness('audit');
const run = (rule) => JSON.parse(execFileSync(process.execPath, [harness, dir, rule ?? ''], { encoding: 'utf8', maxBuffer: 64 << 20 }));

const all = run();
console.log(`${all.files} files, ${all.sentences} sentences (${all.words} words), ${all.uniqueSentences} distinct sentences (${all.uniqueWords} words)`);
console.log(`every rule: tagged ${all.tagged.sentences} sentences, ${all.tagged.words} words (${pct(all.tagged.words, all.uniqueWords)} of distinct words); ${all.ms} ms\n`);
console.log('rule                      findings  tagged sentences  tagged words  share   ms (rule alone)');
const rows = all.rules.map((id) => ({ id, ...run(id) }));
rows.sort((a, b) => b.tagged.words - a.tagged.words);
for (const r of rows) {
  console.log(`${r.id.padEnd(25)} ${String(r.findings).padStart(8)}  ${String(r.tagged.sentences).padStart(16)}  ${String(r.tagged.words).padStart(12)}  ${pct(r.tagged.words, all.uniqueWords).padStart(5)}  ${String(r.ms).padStart(6)}`);
}

function pct(a, b) {
  return b ? `${Math.round((100 * a) / b)}%` : '-';
}

// Harness for bench/tag-audit.mjs: lints every file of a folder with one rule (or all) and prints
// what was tagged, as JSON.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultRules, lintBytes, parseSource } from '../../src/engine/index.js';
import { analysisStats } from '../../src/nlp/analysis.js';

const [dir, only] = process.argv.slice(2);
const files = readdirSync(dir).filter((f) => /\.(md|markdown|txt)$/.test(f)).sort().map((f) => join(dir, f));
const bytes = files.map((f) => readFileSync(f));
const all = defaultRules();
const rules = only ? all.filter((r) => r.rule.meta.id === only) : all;
const now = new Date('2026-06-01T00:00:00Z');
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

let findings = 0;
const started = performance.now();
for (let i = 0; i < files.length; i++) findings += lintBytes(files[i], bytes[i], { rules, now }).findings.length;
const ms = Math.round(performance.now() - started);
const tagged = analysisStats();

let sentences = 0;
let wordCount = 0;
const distinct = new Set<string>();
if (!only) {
  for (let i = 0; i < files.length; i++) {
    for (const incident of parseSource(files[i], bytes[i]).incidents)
      for (const statement of incident.statements)
        for (const sentence of statement.sentences) {
          sentences++;
          wordCount += words(sentence.text);
          distinct.add(sentence.text);
        }
  }
}
let uniqueWords = 0;
for (const s of distinct) uniqueWords += words(s);
process.stdout.write(
  JSON.stringify({ files: files.length, rules: all.map((r) => r.rule.meta.id), findings, ms, tagged, sentences, words: wordCount, uniqueSentences: distinct.size, uniqueWords }),
);

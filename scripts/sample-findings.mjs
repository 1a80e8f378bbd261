#!/usr/bin/env node
// Draws a reproducible random sample of findings from a crisislint JSON report, for judging
// real-world precision by reading (docs/accuracy.md).
// usage: node scripts/sample-findings.mjs REPORT.json [--n 40] [--seed 2026] [--rule ID]
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const reportPath = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
if (!reportPath) {
  console.error('usage: node scripts/sample-findings.mjs REPORT.json [--n 40] [--seed 2026] [--rule ID]');
  process.exit(2);
}
const n = Number(flag('n', 40));
const rule = flag('rule');
let seed = Number(flag('seed', 2026)) >>> 0;
// mulberry32: small, seeded, the same sequence on every machine.
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const all = report.flatMap((file) =>
  file.messages.filter((m) => m.ruleId && (!rule || m.ruleId === rule)).map((m) => ({ file: basename(file.filePath), ...m })),
);
const pool = [...all];
const sample = [];
while (sample.length < n && pool.length) sample.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
console.log(`${sample.length} of ${all.length} findings (seed ${flag('seed', 2026)})\n`);
sample.forEach((m, i) => {
  console.log(`${i + 1}. ${m.ruleId} (${m.level}) ${m.file}:${m.line}:${m.column}`);
  console.log(`   text: ${m.excerpt}`);
  console.log(`   said: ${m.message}\n`);
});

// Harness (bench/phases.mjs): lints a folder several times in one process, as the CLI does (every rule, JSON-free),
// and prints each pass's parse and rules time. The first pass is the cold one a CLI run makes
// (it tags, compiles regexps, fills memos); later passes reuse the tags (memoised per sentence
// text) but parse, understand and judge afresh, so they show the rules and parse phases' steady
// cost with less noise. Bundled by bench/lib/harness.mjs; argv: folder [passes].
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultRules, lintBytes } from '../../src/engine/index.js';
import { phaseTimes, timing } from '../../src/engine/timing.js';

const [dir, passArg] = process.argv.slice(2);
const files = readdirSync(dir).filter((f) => /\.(md|markdown|txt)$/.test(f)).sort().map((f) => join(dir, f));
const bytes = files.map((f) => readFileSync(f));
const rules = defaultRules();
const now = new Date('2026-06-01T00:00:00Z');
timing.on = true;
const rows: string[] = [];
for (let pass = 0; pass < Number(passArg ?? 5); pass++) {
  for (const key of Object.keys(phaseTimes) as (keyof typeof phaseTimes)[]) phaseTimes[key] = 0;
  const cpu = process.cpuUsage();
  let findings = 0;
  for (let i = 0; i < files.length; i++) findings += lintBytes(files[i], bytes[i], { rules, now }).findings.length;
  const used = process.cpuUsage(cpu);
  rows.push(`pass ${pass + 1}: parse ${phaseTimes.parse.toFixed(0)} ms, rules ${phaseTimes.rules.toFixed(0)} ms, nlp ${phaseTimes.nlp.toFixed(0)} ms, cpu ${((used.user + used.system) / 1000).toFixed(0)} ms, findings ${findings}`);
}
console.log(rows.join('\n'));

// Harness (bench/phases.mjs --rules): one cold pass over a folder, as the CLI makes it, with each rule's check and the
// engine's understanding step timed apart (tagging time excluded, counted as nlp).
// Bundled by bench/lib/harness.mjs; argv: folder [passes]. Shared facts are computed by the
// first rule that asks, so a rule's time includes the facts it happened to ask for first.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultRules, lintBytes } from '../../src/engine/index.js';
import { phaseTimes, timing } from '../../src/engine/timing.js';

const [dir, passArg] = process.argv.slice(2);
// One pass by default: the cold one; a second shows the same rules with the tags memoised.
const files = readdirSync(dir).filter((f) => /\.(md|markdown|txt)$/.test(f)).sort().map((f) => join(dir, f));
const bytes = files.map((f) => readFileSync(f));
const rules = defaultRules();
const now = new Date('2026-06-01T00:00:00Z');
timing.on = true;
const spent = new Map<string, number>();
for (const active of rules) {
  const check = active.rule.check;
  const id = active.rule.meta.id;
  (active.rule as { check: typeof check }).check = (context) => {
    const t = performance.now();
    const nlp = phaseTimes.nlp;
    try {
      return check(context);
    } finally {
      spent.set(id, (spent.get(id) ?? 0) + performance.now() - t - (phaseTimes.nlp - nlp));
    }
  };
}
for (let pass = 0; pass < Number(passArg ?? 1); pass++) {
  spent.clear();
  for (const key of Object.keys(phaseTimes) as (keyof typeof phaseTimes)[]) phaseTimes[key] = 0;
  for (let i = 0; i < files.length; i++) lintBytes(files[i], bytes[i], { rules, now });
  const ruleTotal = [...spent.values()].reduce((a, b) => a + b, 0);
  console.log(`pass ${pass + 1}: parse ${phaseTimes.parse.toFixed(0)} ms, rules phase ${phaseTimes.rules.toFixed(0)} ms (checks ${ruleTotal.toFixed(0)}, engine and understanding ${(phaseTimes.rules - ruleTotal).toFixed(0)}), nlp ${phaseTimes.nlp.toFixed(0)} ms`);
  for (const [id, ms] of [...spent].sort((a, b) => b[1] - a[1])) console.log(`  ${ms.toFixed(1).padStart(7)} ${id}`);
}

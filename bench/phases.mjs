#!/usr/bin/env node
// The parse and rules phases alone, in one process (bench/lib/phase-cpu.ts): the first pass over
// the folder is the cold one a CLI run makes; later passes reuse the tags (memoised per sentence
// text) but parse, understand and judge afresh, which shows those phases' steady cost with less
// noise than a whole run. With --rules, one cold pass with each rule's time (bench/lib/rule-times.ts).
// For load-independent figures run the printed command under valgrind (see bench/RESULTS.md).
//
// usage: node bench/phases.mjs [--rules] [DIR] [PASSES]   (default ../shared/corpus/github-md, 4)

import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { bundleHarness } from './lib/harness.mjs';

const args = process.argv.slice(2);
const rules = args[0] === '--rules';
if (rules) args.shift();
const dir = resolve(args[0] ?? '../shared/corpus/github-md');
const harness = await bundleHarness(rules ? 'rule-times' : 'phase-cpu');
const passArgs = rules ? [] : [args[1] ?? '4'];
console.log(`node ${harness} ${dir} ${passArgs.join(' ')}`);
process.stdout.write(execFileSync(process.execPath, [harness, dir, ...passArgs], { encoding: 'utf8', maxBuffer: 64 << 20 }));

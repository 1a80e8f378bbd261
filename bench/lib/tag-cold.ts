// scratch: tag, once each, the sentences a corpus run tags (a cold process), with the compromise
// build given (default dist/compromise-precomputed.cjs, with its code cache), as analysis.ts
// configures it. For instruction counts: valgrind --tool=callgrind node tag-cold.cjs LIST [BUILD]
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join, resolve } from 'node:path';
import vm from 'node:vm';
import { fastBulkMatch } from '../../src/nlp/fast-sweep.js';

const file = resolve(process.argv[3] ?? join(process.cwd(), 'dist', 'compromise-precomputed.cjs'));
let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(`${file}.v8-cache`);
} catch {
  // no cache
}
const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
const bundle = new Module(file);
script.runInThisContext()(bundle.exports, Module.createRequire(file), bundle, file, dirname(file));
const nlp = bundle.exports as any;
const world = nlp.world();
world.hooks = world.hooks.filter((h: string) => h !== 'chunks');
nlp.plugin({ methods: { one: { bulkMatch: fastBulkMatch } } });
const list: string[] = Object.keys(JSON.parse(readFileSync(process.argv[2], 'utf8')));
const started = performance.now();
let tags = 0;
for (const t of list) for (const d of nlp(t).docs) for (const term of d) tags += term.tags.size;
console.log(JSON.stringify({ sentences: list.length, tags, ms: Math.round(performance.now() - started), rejected: script.cachedDataRejected }));

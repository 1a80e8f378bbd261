#!/usr/bin/env node
// Measures bench/upstream/compromise-mergedeep.patch, the change to compromise's mergeDeep offered
// upstream: compromise is bundled from its sources as it is and with the patch applied, both are
// checked to tag every line of the corpus identically, and (where valgrind is installed) the
// instructions of loading each and tagging one sentence are counted.
//
//   node bench/mergedeep.mjs [--corpus DIR]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { termFields } from '../scripts/precompute-model.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(root, 'package.json'));
const src = join(dirname(require.resolve('compromise')), '..', '..', 'src');
const out = join(root, 'node_modules', '.cache', 'crisislint-bench');
mkdirSync(out, { recursive: true });
const corpusFlag = process.argv.indexOf('--corpus');
const corpus = resolve(corpusFlag > 0 ? process.argv[corpusFlag + 1] : join(root, '../shared/corpus/github-md'));

// The patch's one hunk, applied as text (the patch file is for upstream; this script must not need `patch`).
const patch = readFileSync(join(root, 'bench/upstream/compromise-mergedeep.patch'), 'utf8').split('\n');
const hunk = patch.slice(patch.findIndex((l) => l.startsWith('@@')) + 1);
const before = hunk.filter((l) => l[0] === ' ' || l[0] === '-').map((l) => l.slice(1)).join('\n');
const after = hunk.filter((l) => l[0] === ' ' || l[0] === '+').map((l) => l.slice(1)).join('\n');

async function bundle(name, patched) {
  const outfile = join(out, `compromise-${name}.cjs`);
  await build({
    entryPoints: [join(src, 'three.js')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning',
    plugins: [
      {
        name: 'mergedeep',
        setup(b) {
          b.onLoad({ filter: /API[\\/]extend\.js$/ }, (args) => {
            const text = readFileSync(args.path, 'utf8');
            if (!patched) return { contents: text, loader: 'js' };
            if (!text.includes(before)) throw new Error("the patch no longer applies to compromise's src/API/extend.js");
            return { contents: text.replace(before, after), loader: 'js' };
          });
        },
      },
    ],
  });
  return outfile;
}

const plainFile = await bundle('plain', false);
const patchedFile = await bundle('mergedeep', true);
const plain = require(plainFile).default ?? require(plainFile);
const patched = require(patchedFile).default ?? require(patchedFile);
const lines = new Set();
for (const name of readdirSync(corpus).filter((f) => f.endsWith('.md'))) for (const line of readFileSync(join(corpus, name), 'utf8').split('\n')) if (line.trim()) lines.add(line);
const sig = (nlp, text) => JSON.stringify(termFields(nlp(text)));
let differing = 0;
for (const line of lines) if (sig(plain, line) !== sig(patched, line)) differing++;
console.log(`tags on ${lines.size} distinct corpus lines: ${differing} differ`);

const valgrind = spawnSync('valgrind', ['--version']);
if (valgrind.status === 0) {
  for (const [name, file] of [['as released', plainFile], ['with the patch', patchedFile]]) {
    const env = { ...process.env };
    delete env.NODE_EXTRA_CA_CERTS;
    const script = `const m = require(${JSON.stringify(file)}); (m.default ?? m)('This incident has been resolved.')`;
    const r = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '-e', script], { env, encoding: 'utf8' });
    console.log(`require + one tagging, ${name}: ${(Number(/Collected : (\d+)/.exec(r.stderr)?.[1]) / 1e6).toFixed(0)} M instructions`);
  }
} else console.log('valgrind is not installed: no instruction counts');

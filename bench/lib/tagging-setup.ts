// Shared by bench/lib's tagging harnesses: compromise as a lint run tags with it (the precomputed
// build through bin/load-bundle.cjs, analysis.ts's hooks and bulkMatch), and the sentences to tag
// (the keys of a `bench/tag-callers.mjs --askers --save FILE` file).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadNlp } from '../../src/nlp/analysis.js';

export function taggingSetup(askersFile: string): { nlp: any; world: any; list: string[] } {
  const root = process.cwd();
  createRequire(join(root, 'package.json'))(join(root, 'bin', 'load-bundle.cjs'));
  const nlp = loadNlp() as any;
  return { nlp, world: nlp.world(), list: Object.keys(JSON.parse(readFileSync(askersFile, 'utf8'))) };
}

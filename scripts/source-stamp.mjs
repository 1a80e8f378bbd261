// A hash of everything a build of dist/ is made from, so an install can tell whether the dist/
// it has (from the package tarball or an earlier build) was built from these sources.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const INPUTS = ['package.json', 'src', 'rules', 'bin', 'scripts/build.mjs'];

function files(path) {
  if (!statSync(path, { throwIfNoEntry: false })) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => files(join(path, name)));
}

export function sourceStamp(root) {
  const hash = createHash('sha256');
  // The Node version too: the V8 code caches the build writes fit only the Node that wrote them.
  hash.update(`node ${process.versions.node}\n`);
  for (const input of INPUTS) {
    for (const file of files(join(root, input))) hash.update(`${relative(root, file)}\n`).update(readFileSync(file));
  }
  return hash.digest('hex');
}

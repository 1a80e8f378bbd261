// The "install" script: runs on `npm ci` / `npm install` in this folder, and when crisislint is
// installed as a package (from npm, a git URL, a local folder, pre-commit or the GitHub Action).
// It builds dist/ when dist/ is missing or was built from other sources, and does nothing
// otherwise. Building needs only esbuild, a dependency; typescript (a dev dependency) adds the
// API's type declarations when it is there. All output goes to stderr: tools that read npm's
// stdout (pre-commit reads `npm pack`) must see only npm's own.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceStamp } from './source-stamp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = join(root, 'dist', 'build-stamp');
const stamp = sourceStamp(root);
const built = existsSync(join(root, 'dist', 'crisislint.cjs')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
// --check: exit 0 when dist/ is built from these sources (the Action's cached install), else 1.
if (process.argv[2] === '--check') process.exit(built ? 0 : 1);
if (built && process.argv[2] !== '--force') process.exit(0);

const require = createRequire(import.meta.url);
const has = (name) => {
  try {
    require.resolve(name, { paths: [root] });
    return true;
  } catch {
    return false;
  }
};
if (!has('esbuild')) {
  // npm prepares a git dependency in a scratch clone first; the real install that follows builds.
  process.stderr.write('crisislint: esbuild is not installed here yet; dist/ will be built where crisislint is installed\n');
  process.exit(0);
}
const step = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 2, 2] }).status === 0;
if (!step(['scripts/build.mjs'])) {
  process.stderr.write('crisislint: the build failed (see above)\n');
  process.exit(1);
}
// build.mjs wrote dist/build-stamp; the declarations are for API users, from a dev install.
if (has('typescript') && !step([require.resolve('typescript/bin/tsc', { paths: [root] }), ...typesArgs()])) process.exit(1);

/** The API's declarations (dist/types), as `npm run build:types` writes them. */
function typesArgs() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return pkg.scripts['build:types'].split(' ').slice(1);
}

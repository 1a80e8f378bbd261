// Bundles the CLI into one CommonJS file (dist/crisislint.cjs): one file loads faster than
// hundreds of ES modules, and compromise is left to Node's require so its single-file
// CommonJS build is used.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// `--outdir DIR` builds the CLI elsewhere (DIR must be inside the project, so compromise resolves).
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag > 0 ? process.argv[outdirFlag + 1] : 'dist';
// A code cache written by an earlier build (no longer used: bin/crisislint.cjs says why).
rmSync(`${outdir}/crisislint.cjs.v8-cache`, { force: true });

/** commander loads node:child_process (for subcommands we do not have) at start-up: load it on use. */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager)) return undefined;
      return { contents: source.replace(eager, "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };"), loader: 'js' };
    });
  },
};

// The CLI, and the entry of its worker threads (src/cli/workers.ts), built next to it.
for (const [entry, outfile] of [
  ['src/cli/run.ts', `${outdir}/crisislint.cjs`],
  ['src/cli/worker.ts', `${outdir}/worker.cjs`],
]) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['compromise'],
    define: {
      CRISISLINT_VERSION: JSON.stringify(pkg.version),
      'import.meta.url': 'importMetaUrl',
    },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [lazyChildProcess],
    logLevel: 'warning',
  });
}

// The public rule interface for plugins: `import { defineRule } from 'crisislint'` (package.json
// "exports"). ESM, since plugins are ES modules; its types come from `npm run build:types`.
await build({
  entryPoints: ['src/api.ts'],
  outfile: 'dist/api.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});

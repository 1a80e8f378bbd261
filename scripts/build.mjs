// Bundles the CLI into one CommonJS file (dist/crisislint.cjs): one file loads faster than
// hundreds of ES modules, and compromise is left to Node's require so its single-file
// CommonJS build is used.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { escapeNonAscii } from './ascii-source.mjs';
import { sourceStamp } from './source-stamp.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// `--outdir DIR` builds the CLI elsewhere (DIR must be inside the project, so compromise resolves).
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag > 0 ? process.argv[outdirFlag + 1] : 'dist';
// Code caches of an earlier build (bin/load-bundle.cjs) would be rejected; remove them first.
for (const name of ['crisislint.cjs', 'worker.cjs']) rmSync(`${outdir}/${name}.v8-cache`, { force: true });

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

/**
 * The long-running front ends (`--lsp`, `--mcp`) are bundles of their own, required from the
 * CLI's folder only when asked for, so their libraries do not slow every lint's start-up.
 */
const serversApart = {
  name: 'servers-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/(lsp|mcp)\/server\.js$/ }, (args) => ({ path: args.path, namespace: 'server-bundle' }));
    b.onLoad({ filter: /.*/, namespace: 'server-bundle' }, (args) => ({
      contents: `module.exports = require(require('node:path').join(__dirname, ${JSON.stringify(`${/(lsp|mcp)/.exec(args.path)[1]}.cjs`)}));`,
      loader: 'js',
    }));
  },
};

/**
 * entities (htmlparser2's character references) decodes its packed HTML entity table when it is
 * imported, at every start though only the JSON and feed inputs parse HTML: about 12M
 * instructions on a small file, V8 optimising the decoder included. The table is decoded here,
 * by the installed entities itself, and bundled as the array it decodes to.
 */
const htmlDecodeTreeDecoded = {
  name: 'html-decode-tree-decoded',
  setup(b) {
    b.onLoad({ filter: /[\\/]entities[\\/]dist[\\/]generated[\\/]decode-data-html\.js$/ }, async (args) => {
      const { htmlDecodeTree } = await import(pathToFileURL(args.path).href);
      // Another shape than the one this was written for: bundle the file as it is.
      if (!(htmlDecodeTree instanceof Uint16Array)) return undefined;
      return { contents: `export const htmlDecodeTree = /* #__PURE__ */ new Uint16Array([${htmlDecodeTree.join(',')}]);\n`, loader: 'js' };
    });
  },
};

// Node 20 runs regexp literals with \p{…} escapes, but esbuild's node20 target rewrites each one
// into `new RegExp(…)`, which a function then builds afresh (source lookup and all) on every call:
// the rules' per-word tests ("^\p{Lu}") ran it thousands of times per file. Keep them literals.
const supported = { 'regexp-unicode-property-escapes': true };

// The CLI, the entry of its worker threads (src/cli/workers.ts) and the servers, built next to it.
for (const [entry, outfile] of [
  ['src/cli/run.ts', `${outdir}/crisislint.cjs`],
  ['src/cli/worker.ts', `${outdir}/worker.cjs`],
  ['src/lsp/server.ts', `${outdir}/lsp.cjs`],
  ['src/mcp/server.ts', `${outdir}/mcp.cjs`],
]) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    supported,
    external: ['compromise'],
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [lazyChildProcess, serversApart, htmlDecodeTreeDecoded],
    logLevel: 'warning',
  });
  // Pure ASCII, so that Node reads it as a one-byte string (scripts/ascii-source.mjs says why).
  writeFileSync(outfile, escapeNonAscii(readFileSync(outfile, 'utf8'), outfile));
}

// compromise with its model built in (scripts/precompute-model.mjs); fails the build if compromise changed under its patches.
if (outdir === 'dist') await import('./precompute-model.mjs').then((m) => m.precomputeModel());

// V8 code caches for the bundles (bin/load-bundle.cjs), written after linting the examples in a
// worker and the main thread, so that they hold the functions a run compiles. Only for dist/,
// the bundles the bin loads. A failure here only costs start-up time, so it does not fail the build.
if (outdir === 'dist') {
  const examples = ['fixtures/poor-statement.md', 'fixtures/timeline.md', 'fixtures/good-statement.md', 'fixtures/pasted-timeline.txt', 'fixtures/inputs/incidents.json'];
  // First in a worker (worker.cjs's cache), then on the main thread alone: a cold run of a few
  // files lints on the main thread, and a cache written while a worker linted lacks the lint
  // functions there (compiled lazily at every start: about 16 M instructions on a small file).
  for (const workers of ['1', '0']) {
    const run = spawnSync(process.execPath, ['bin/crisislint.cjs', '--no-config', '--format', 'json', '--workers', workers, ...examples], {
      stdio: 'ignore',
      env: { ...process.env, CRISISLINT_CODE_CACHE: 'write', CRISISLINT_TIMING: '' },
    });
    if (run.status !== 0 && run.status !== 1) process.stderr.write(`build: writing the code cache failed (exit ${run.status}); start-up will be slower\n`);
  }
}

// The package entry, `import { lintText, CrisisLint, defineRule } from 'crisislint'` (package.json
// "exports"): the programmatic API and the rule interface for plugins. ESM; its types come from
// `npm run build:types`. compromise stays external, loaded from node_modules on first use.
await build({
  entryPoints: ['src/api.ts'],
  outfile: 'dist/api.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  supported,
  external: ['compromise'],
  plugins: [htmlDecodeTreeDecoded],
  // Bundled CommonJS dependencies (yaml) require Node built-ins; an ES module has no require.
  banner: { js: "import { createRequire as __crisislintRequire } from 'node:module'; const require = __crisislintRequire(import.meta.url);" },
  logLevel: 'warning',
});

// What this dist/ was built from: scripts/install.mjs skips the build when it matches.
if (outdir === 'dist') writeFileSync('dist/build-stamp', sourceStamp('.'));

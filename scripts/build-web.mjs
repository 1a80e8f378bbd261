// npm run build:web: the playground as a static folder, dist/web/ (index.html and app.js), that
// can be served from anywhere or opened from disk, and needs no network once loaded.
// The worker (crisislint's engine, rules and compromise) is bundled for the browser and embedded
// in app.js, which starts it from a Blob URL. The two Node built-ins the engine touches while
// linting are replaced here: node:module (src/nlp/analysis.ts takes compromise from the worker
// instead) and Buffer (one latin1 copy in src/nlp/prefilter.ts); anything else Node-only that
// creeps into the linting path fails this build, because the platform is "browser".
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `--outdir DIR` builds elsewhere (the end-to-end tests build into a temporary folder).
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag > 0 ? process.argv[outdirFlag + 1] : join(root, 'dist', 'web');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const browserShims = {
  name: 'browser-shims',
  setup(b) {
    b.onResolve({ filter: /^node:module$/ }, () => ({ path: join(root, 'src/web/shims/node-module.ts') }));
  },
};

const common = { bundle: true, platform: 'browser', target: 'es2022', minify: true, legalComments: 'none', logLevel: 'warning', write: false, absWorkingDir: root };

const workerBuild = await build({
  ...common,
  entryPoints: ['src/web/worker.ts'],
  format: 'iife',
  // Packages with a DOM build for browsers (decode-named-character-reference) have a worker one too.
  conditions: ['worker'],
  plugins: [browserShims],
  inject: [join(root, 'src/web/shims/buffer.ts')],
  // analysis.ts names import.meta.url only for createRequire, which the worker never reaches.
  define: { 'import.meta.url': JSON.stringify('about:blank') },
  outfile: 'worker.js',
});
const workerSource = workerBuild.outputFiles[0].text;

// Examples from the project's own fixtures (written for crisislint, not real statements).
const examples = [
  { name: 'A poor statement', file: 'fixtures/poor-statement.md' },
  { name: 'A timeline with a broken promise', file: 'fixtures/timeline.md', now: '2025-02-11T00:00:00Z' },
  { name: 'A pasted timeline', file: 'fixtures/pasted-timeline.txt', now: '2025-03-06T00:00:00Z' },
  { name: 'A good statement', file: 'fixtures/good-statement.md' },
].map(({ name, file, now }) => ({ name, text: readFileSync(join(root, file), 'utf8'), ...(now ? { now } : {}) }));

const appBuild = await build({
  ...common,
  entryPoints: ['src/web/app.ts'],
  format: 'iife',
  define: { WORKER_SOURCE: JSON.stringify(workerSource), EXAMPLES: JSON.stringify(examples) },
  outfile: 'app.js',
});

// The report's styles come from the module the HTML formatter uses.
const styleBuild = await build({ ...common, minify: false, entryPoints: ['src/formatters/html-style.ts'], format: 'esm', outfile: 'style.js' });
const { REPORT_CSS } = await import(`data:text/javascript;base64,${Buffer.from(styleBuild.outputFiles[0].text).toString('base64')}`);

const page = readFileSync(join(root, 'src/web/index.html'), 'utf8')
  .replace('/*REPORT_CSS*/', () => REPORT_CSS)
  .replace('/*PLAYGROUND_CSS*/', () => readFileSync(join(root, 'src/web/playground.css'), 'utf8'))
  .replace('/*VERSION*/', () => pkg.version);

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
writeFileSync(join(outdir, 'index.html'), page);
writeFileSync(join(outdir, 'app.js'), appBuild.outputFiles[0].text);
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const size = Buffer.byteLength(page) + Buffer.byteLength(appBuild.outputFiles[0].text);
process.stdout.write(`${outdir}: index.html + app.js, ${kb(size)} (the lint worker inside app.js: ${kb(Buffer.byteLength(workerSource))})\n`);

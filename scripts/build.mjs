// Bundles the CLI into one CommonJS file (dist/crisislint.cjs): one file loads faster than
// hundreds of ES modules, and compromise is left to Node's require so its single-file
// CommonJS build is used.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['src/cli/run.ts'],
  outfile: 'dist/crisislint.cjs',
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
  logLevel: 'warning',
});

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

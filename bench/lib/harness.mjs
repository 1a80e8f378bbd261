// Bundles the benchmark's TypeScript harnesses (bench/lib/*.ts) with esbuild, the same way
// scripts/build.mjs bundles the CLI, into node_modules/.cache/crisislint-bench/.
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export async function bundleHarness(name) {
  const outDir = `${root}node_modules/.cache/crisislint-bench`;
  mkdirSync(outDir, { recursive: true });
  const outfile = `${outDir}/${name}.cjs`;
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
  await build({
    entryPoints: [`${root}bench/lib/${name}.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // As scripts/build.mjs: keep regexp literals with \p{…} escapes literals.
    supported: { 'regexp-unicode-property-escapes': true },
    external: ['compromise'],
    define: { CRISISLINT_VERSION: JSON.stringify(pkg.version), 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
  return outfile;
}

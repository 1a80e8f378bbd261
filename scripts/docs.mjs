// Bundles scripts/docs-entry.ts (TypeScript) with esbuild and runs it.
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const out = join(mkdtempSync(join(tmpdir(), 'crisislint-docs-')), 'docs.mjs');
await build({ entryPoints: ['scripts/docs-entry.ts'], outfile: out, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
await import(pathToFileURL(out).href);

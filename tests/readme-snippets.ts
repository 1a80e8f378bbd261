// The README's editor and MCP set-up snippets, for the tests that run them: each is the fenced
// block right after a `<!-- snippet: NAME -->` comment, so what the README shows is what is tested.

import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

export function readmeSnippet(name: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const m = new RegExp(`<!-- snippet: ${name} -->\\s*\`\`\`[\\w-]*\\n([\\s\\S]*?)\\n\`\`\``).exec(readme);
  if (!m) throw new Error(`README.md has no snippet "${name}"`);
  return m[1];
}

/**
 * An environment whose PATH finds `crisislint` (this checkout's bin, as `npm link` would put it)
 * and `node`, so the snippets run exactly as written.
 */
export function crisislintOnPath(): { env: NodeJS.ProcessEnv; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'crisislint-bin-'));
  symlinkSync(join(ROOT, 'bin', 'crisislint.cjs'), join(dir, 'crisislint'));
  return {
    env: { ...process.env, PATH: [dir, dirname(process.execPath), process.env.PATH ?? ''].join(delimiter) },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

// node:crypto on first use. Loading it costs about 16M instructions (5 ms) at every start, and
// most runs hash nothing: only --cache, plugins and SARIF output do (bench/RESULTS.md).
import { createRequire } from 'node:module';

let crypto: typeof import('node:crypto') | undefined;

export function createHash(algorithm: string): import('node:crypto').Hash {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash(algorithm);
}

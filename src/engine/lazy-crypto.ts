// node:crypto on first use. Loading it costs about 16M instructions (5 ms) at every start, and
// most runs hash nothing and write no file: only --cache, plugins, SARIF output and atomic
// writes (--output, the cache) use it (bench/RESULTS.md).
import { createRequire } from 'node:module';

let crypto: typeof import('node:crypto') | undefined;

function load(): typeof import('node:crypto') {
  return (crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto'));
}

export function createHash(algorithm: string): import('node:crypto').Hash {
  return load().createHash(algorithm);
}

export function randomBytes(size: number): Buffer {
  return load().randomBytes(size);
}

// scripts/ascii-source.mjs rewrites the built bundles as pure ASCII (a single other character
// makes Node read a 1.6 MB bundle as a two-byte string, at every start). Each escape must mean
// what the character meant, wherever a bundle holds one.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a build script in plain JavaScript, without types
import { escapeNonAscii } from '../scripts/ascii-source.mjs';

const ROOT = resolve(import.meta.dirname, '..');

describe('escapeNonAscii', () => {
  it('keeps the meaning of strings, templates, regular expressions (u or not), identity escapes and astral characters', () => {
    const source = [
      'const quote = "it’s — fine";',
      'const template = `café ${quote} ’`;',
      'const klass = /[’—–]+/g;',
      'const unicode = /[^\\p{L}’-]/u;',
      'const identity = /x\\’y/;',
      'const astral = /😀+/u;',
      'const astralPlain = /a😀/;',
      'const café = "named";',
      '// a comment — with a dash',
      'return [quote, template, "a’’b—".replace(klass, "|"), unicode.test("’"), unicode.test("x"), identity.test("x’y"), astral.exec("a😀😀")[0], astralPlain.test("a😀"), café];',
    ].join('\n');
    const escaped: string = escapeNonAscii(source);
    expect(/[^\x00-\x7f]/.test(escaped)).toBe(false);
    expect(new Function(escaped)()).toEqual(new Function(source)());
  });

  it('refuses a String.raw template holding such a character (its escape would change the value)', () => {
    expect(() => escapeNonAscii('const raw = String.raw`a’b`;')).toThrow(/String\.raw/);
    expect(escapeNonAscii('const raw = String.raw`\\d+`;')).toBe('const raw = String.raw`\\d+`;');
  });
});

describe.skipIf(!existsSync(join(ROOT, 'dist', 'crisislint.cjs')))('the built bundles', () => {
  it('are pure ASCII', () => {
    for (const name of ['crisislint.cjs', 'worker.cjs', 'compromise-precomputed.cjs']) {
      const file = join(ROOT, 'dist', name);
      if (existsSync(file)) expect(/[^\x00-\x7f]/.test(readFileSync(file, 'latin1')), name).toBe(false);
    }
  });
});

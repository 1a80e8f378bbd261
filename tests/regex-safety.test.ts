// Every regular expression crisislint runs on user text is checked against catastrophic
// backtracking: the phrase-list fragments (rules/data, src/nlp/phrases) as phraseRegex compiles
// them, whole compiled phrase lists, and every regular-expression literal in src/ and rules/
// (found with the TypeScript parser). Each must pass the static check (no unbounded repetition
// nested in another with nothing required between) and run on adversarial lines of growing
// length within a generous time budget (src/engine/regex-safety.ts). User-supplied patterns in
// a config get the same check and a clear config error.

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ConfigError, validateConfig } from '../src/cli/config.js';
import { backtrackingBlowUp, literalPumps, nestedRepetition, unsafeFragmentReason } from '../src/engine/regex-safety.js';
import { phraseRegex } from '../src/nlp/phrases.js';

const ROOT = resolve(import.meta.dirname, '..');

function phraseLists(): { where: string; list: string[] }[] {
  const lists: { where: string; list: string[] }[] = [];
  const walk = (value: unknown, where: string) => {
    if (Array.isArray(value)) {
      const strings = value.flatMap((v) => (typeof v === 'string' ? [v] : v && typeof v === 'object' && typeof (v as { term?: unknown }).term === 'string' ? [(v as { term: string }).term] : []));
      if (strings.length) lists.push({ where, list: strings });
    } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`);
  };
  for (const dir of ['rules/data', 'src/nlp/phrases']) {
    for (const file of readdirSync(join(ROOT, dir))) walk(JSON.parse(readFileSync(join(ROOT, dir, file), 'utf8')), `${dir}/${file}`);
  }
  return lists;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every regular-expression literal in the TypeScript sources, as a RegExp. */
function regexLiterals(): { where: string; re: RegExp }[] {
  const found: { where: string; re: RegExp }[] = [];
  for (const file of [...sourceFiles('src'), ...sourceFiles('rules')]) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText(source);
        const end = literal.lastIndexOf('/');
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ where: `${file}:${line} ${literal.slice(0, 60)}`, re: new RegExp(literal.slice(1, end), literal.slice(end + 1)) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('built-in patterns', () => {
  const lists = phraseLists();

  it('finds the phrase lists and the literals it checks', () => {
    expect(lists.length).toBeGreaterThan(50);
    expect(regexLiterals().length).toBeGreaterThan(200);
  });

  it('every phrase-list fragment passes the static and the measured check', () => {
    const unsafe: string[] = [];
    for (const { where, list } of lists) for (const fragment of list) {
      const reason = unsafeFragmentReason(fragment);
      if (reason) unsafe.push(`${where}: ${fragment} ${reason}`);
    }
    expect(unsafe).toEqual([]);
  }, 60_000);

  it('every compiled phrase list stays fast on adversarial lines', () => {
    const slow: string[] = [];
    for (const { where, list } of lists) {
      const blowUp = backtrackingBlowUp(phraseRegex(list), literalPumps(list.join(' ')));
      if (blowUp) slow.push(`${where}: ${Math.round(blowUp.ms)} ms at ${blowUp.length} characters`);
    }
    expect(slow).toEqual([]);
  }, 60_000);

  it('every regular-expression literal in src/ and rules/ passes both checks', () => {
    const unsafe: string[] = [];
    for (const { where, re } of regexLiterals()) {
      const nested = nestedRepetition(re.source, re.flags);
      if (nested) unsafe.push(`${where}: ${nested}`);
      const blowUp = backtrackingBlowUp(re, literalPumps(re.source));
      if (blowUp) unsafe.push(`${where}: ${Math.round(blowUp.ms)} ms at ${blowUp.length} characters`);
    }
    expect(unsafe).toEqual([]);
  }, 60_000);
});

describe('the checks themselves', () => {
  it('catch the classic exponential shapes and pass ordinary phrases', () => {
    expect(nestedRepetition('(a+)+')).toMatch(/repeats inside/);
    expect(nestedRepetition('(\\w+\\s?)+ down')).toMatch(/repeats inside/);
    expect(nestedRepetition('(?:\\.[\\w-]+)+')).toBeUndefined(); // a required separator
    expect(unsafeFragmentReason('(a|a)*b')).toMatch(/backtracks catastrophically/); // overlapping alternatives
    expect(unsafeFragmentReason('(?:a\\w*)+!')).toMatch(/backtracks catastrophically/);
    expect(unsafeFragmentReason('we (?:are|were) sorry')).toBeUndefined();
    expect(unsafeFragmentReason('root[- ]cause')).toBeUndefined();
    expect(unsafeFragmentReason('(x')).toMatch(/not a valid regular expression \(Unterminated group\)/);
  });
});

describe('user-supplied phrase patterns', () => {
  const load = (rules: Record<string, unknown>) => validateConfig({ rules }, { path: '/x/.crisislintrc.json', shown: '.crisislintrc.json' });

  it('reject a nested repetition with one config error naming the option and the pattern', async () => {
    const error = await load({ 'blame-shifting': ['warning', { vendors: ['acme', '(\\w+\\s?)+ vendor'] }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(
      '.crisislintrc.json: rules.blame-shifting: option "vendors"[1]: pattern "(\\\\w+\\\\s?)+ vendor" can take exponential time on a long line: "\\w+" repeats inside "(\\w+\\s?)+"; bound the inner repetition (e.g. {1,20}) or give each repetition a required separator',
    );
  });

  it('reject overlapping alternatives, found by measuring, and a term that is not a pattern', async () => {
    await expect(load({ jargon: ['info', { terms: [{ term: '(a|a)*b', plain: 'x' }] }] })).rejects.toThrow(/option "terms"\[0\]: pattern "\(a\|a\)\*b" backtracks catastrophically/);
    await expect(load({ jargon: ['info', { terms: [{ term: 'pods?(', plain: 'x' }] }] })).rejects.toThrow(/not a valid regular expression/);
  });

  it('accept ordinary patterns, and plain words in word lists (acronyms are not patterns)', async () => {
    const config = await load({ jargon: ['info', { terms: [{ term: 'flux capacitors?', plain: 'a part' }], allow: ['C++', 'XYZ'] }], 'blame-shifting': ['warning', { vendors: ['acme(?: corp)?'] }] });
    expect(Object.keys(config.rules)).toEqual(['jargon', 'blame-shifting']);
  });
});

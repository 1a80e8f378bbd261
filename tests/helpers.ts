import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { defaultRules, lintText, parseSource } from '../src/engine/index.js';
import type { FileResult } from '../src/engine/results.js';
import type { RuleSettingInput } from '../src/engine/ruleset.js';

/** Lints Markdown text with the built-in rules (optionally only some) at a fixed time. */
export function lint(text: string, options: { now?: string; only?: string; rules?: Record<string, RuleSettingInput>; path?: string } = {}): FileResult {
  const settings: Record<string, RuleSettingInput> = { ...options.rules };
  if (options.only) for (const r of defaultRules()) if (r.rule.meta.id !== options.only) settings[r.rule.meta.id] = 'off';
  return lintText(text, { now: new Date(options.now ?? '2030-01-01T00:00:00Z'), rules: defaultRules(settings), path: options.path });
}

export function ruleIds(result: FileResult): string[] {
  return [...new Set(result.findings.map((f) => f.ruleId))].sort();
}

const ROOT = resolve(import.meta.dirname, '..');
/**
 * The shared corpus: ../shared/corpus next to the project, or wherever CRISISLINT_CORPUS points.
 * A clean clone has none: tests that need it are declared with `describeWithCorpus` or
 * `itWithCorpus`, which skip them and say so in their names; other tests only add its sentences
 * when it is there. No test may depend on where the corpus sits (copy files to a temporary
 * folder rather than running in it, since paths are reported relative to a repository root).
 */
export const CORPUS = process.env.CRISISLINT_CORPUS ? resolve(process.env.CRISISLINT_CORPUS) : resolve(ROOT, '../shared/corpus');
export const HAS_CORPUS = existsSync(CORPUS);
const corpusNote = HAS_CORPUS ? '' : ` [skipped: needs the shared corpus at ${CORPUS}]`;
export const describeWithCorpus = (name: string, fn: () => void) => describe.skipIf(!HAS_CORPUS)(`${name}${corpusNote}`, fn);
export const itWithCorpus = (name: string, fn: () => void | Promise<void>, timeout?: number) => it.skipIf(!HAS_CORPUS)(`${name}${corpusNote}`, fn, timeout);

function textFiles(dir: string): string[] {
  if (!existsSync(dir)) return []; // the shared corpus, in a clone without it
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? textFiles(path) : /\.(md|txt)$/.test(name) ? [path] : [];
  });
}

/**
 * Every distinct sentence crisislint reads in the corpus's Markdown, the labelled statements and
 * the fixtures; with `titles`, incident titles too; with `examples`, the rules' docs examples.
 * For tests that must hold on all the text we have (prefilters, compromise replacements).
 */
export function knownSentences(options: { titles?: boolean; examples?: boolean } = {}): Set<string> {
  const found = new Set<string>();
  const add = (path: string, bytes: Buffer) => {
    for (const incident of parseSource(path, bytes).incidents) {
      if (options.titles && incident.meta.title) found.add(incident.meta.title);
      for (const statement of incident.statements) for (const s of statement.sentences) found.add(s.text);
    }
  };
  for (const path of [...textFiles(join(CORPUS, 'github-md')), ...textFiles(join(CORPUS, 'labeled')), ...textFiles(join(ROOT, 'fixtures'))]) {
    try {
      add(path, readFileSync(path));
    } catch {
      // Fixtures of bad input (binary, broken front matter) hold no sentences.
    }
  }
  if (options.examples) for (const rule of builtinRules) for (const example of [...rule.meta.docs.fail, ...rule.meta.docs.pass]) add('example.md', Buffer.from(example.text));
  return found;
}

// Checks a regular expression for catastrophic backtracking before crisislint runs it on every
// sentence. Phrase lists are regular-expression fragments users can extend in their config, and
// one careless pattern ("(\w+\s?)+ down") would make a long sentence take hours. Two checks:
//   - static: a repetition with no upper bound nested inside another one ((a+)+, (?:\w+ )*),
//     the shape behind exponential backtracking, found on regexpp's syntax tree;
//   - measured: the pattern, compiled as a phrase list compiles it (word-bounded, case-
//     insensitive), runs on adversarial lines (long runs of letters, spaces, digits and
//     punctuation that almost match) and must finish each within a time budget. This catches
//     what the static check cannot see, such as overlapping alternatives ((a|a)*).

import { RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';
import type { AST } from '@eslint-community/regexpp';

type Node = AST.Node;
type Quantifier = AST.Quantifier;

const WORD_CHAR = '[A-Za-z0-9\\u00C0-\\u024F]';
/** As phraseRegex compiles a fragment (src/nlp/phrases.ts). */
export const asPhrase = (fragment: string) => new RegExp(`(?<!${WORD_CHAR})(?:${fragment})(?!${WORD_CHAR})`, 'i');

/** Characters pumped in the adversarial lines: each a kind of run that a sloppy pattern may split many ways. */
const PUMPS = ['a', 'a ', ' ', 'ab', 'a-', "a'", '0', '0 ', '0:', '.', '. ', 'a.', ', ', '\t', 'aa a', 'A '];

/** Adversarial lines of about `length` characters: a run of each pump, then a character that breaks the match. */
export function adversarialLines(length: number, extra: string[] = []): string[] {
  const lines: string[] = [];
  for (const pump of [...PUMPS, ...extra]) {
    if (!pump) continue;
    const run = pump.repeat(Math.ceil(length / pump.length)).slice(0, length);
    lines.push(`${run}!`, `${run}\u0000`, `x ${run}`);
  }
  return lines;
}

/** Literal words of a pattern (for pumps a generic line would not reach: "sorry sorry sorry"). */
export function literalPumps(source: string): string[] {
  const words = source.match(/[A-Za-z]{2,}/g) ?? [];
  return [...new Set(words)].slice(0, 8).map((w) => `${w} `);
}

function isUnbounded(node: Node): node is Quantifier {
  return node.type === 'Quantifier' && node.max === Infinity;
}

/** Can this node match the empty string? (Enough of it for the check: quantifiers and groups.) */
function optional(node: Node): boolean {
  switch (node.type) {
    case 'Quantifier':
      return node.min === 0 || optional(node.element);
    case 'Group':
    case 'CapturingGroup':
      return node.alternatives.some((a) => a.elements.every(optional));
    case 'Assertion':
    case 'Backreference':
      return true;
    default:
      return false;
  }
}

/**
 * The static check: a repetition without an upper bound inside another, where nothing else in
 * the outer repetition must match ((a+)+, (\w+\s?)+): a run can then be split between the
 * iterations in exponentially many ways. With a required separator ((?:\.\w+)+) it cannot.
 */
export function nestedRepetition(source: string, flags = ''): string | undefined {
  let ast;
  try {
    ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') });
  } catch {
    return undefined; // the RegExp constructor reports syntax errors in its own words
  }
  let found: string | undefined;
  visitRegExpAST(ast, {
    onQuantifierEnter(outer) {
      if (found || !isUnbounded(outer)) return;
      const element = outer.element;
      const alternatives = element.type === 'Group' || element.type === 'CapturingGroup' ? element.alternatives.map((a) => a.elements) : [[element]];
      for (const elements of alternatives) {
        for (const inner of elements) {
          const rest = elements.filter((e) => e !== inner);
          if (isUnbounded(inner) && rest.every(optional)) {
            found = `"${inner.raw}" repeats inside "${outer.raw}"`;
            return;
          }
        }
      }
    },
  });
  return found;
}

/**
 * The longest time `re.exec` takes on `lines`, in milliseconds. A line over the budget is timed
 * again, up to three more times, and keeps its fastest time: backtracking is the same work on
 * every run, while a busy machine's pause (the scheduler, a garbage collection) lands on one run
 * and not the next.
 */
export function worstExecTime(re: RegExp, lines: string[]): number {
  let worst = 0;
  for (const line of lines) {
    let ms = Infinity;
    for (let attempt = 0; attempt < 4 && ms > CHECK_BUDGET_MS; attempt++) ms = Math.min(ms, execTime(re, line));
    worst = Math.max(worst, ms);
  }
  return worst;
}

function execTime(re: RegExp, line: string): number {
  re.lastIndex = 0;
  const start = performance.now();
  re.exec(line);
  return performance.now() - start;
}

/** Line lengths tried in turn: small steps first, so exponential work is caught before it runs long. */
const CHECK_LENGTHS = [8, 12, 16, 20, 24, 28, 32, 48, 64, 128, 256, 512, 1024, 2048];
/** Generous, for a busy machine: a linear pattern takes well under 1 ms on these lines. */
export const CHECK_BUDGET_MS = 100;

/**
 * The measured check: the slowest exec on adversarial lines of growing length, stopping at the
 * first length over the budget. Returns that length and time, or undefined when all are fast.
 */
export function backtrackingBlowUp(re: RegExp, pumps: string[] = []): { length: number; ms: number } | undefined {
  for (const length of CHECK_LENGTHS) {
    const lines = adversarialLines(length, pumps);
    const ms = worstExecTime(re, lines);
    if (ms > CHECK_BUDGET_MS) return { length, ms };
  }
  return undefined;
}

/**
 * Why a phrase-list fragment is unsafe or invalid, or undefined when it is fine. The reason is a
 * short phrase to follow the pattern it is about.
 */
export function unsafeFragmentReason(fragment: string): string | undefined {
  let re: RegExp;
  try {
    re = asPhrase(fragment);
  } catch (error) {
    // V8 names the whole compiled pattern; keep only the reason ("Unterminated group").
    return `is not a valid regular expression (${(error as Error).message.split(': ').pop()})`;
  }
  const nested = nestedRepetition(fragment);
  if (nested) return `can take exponential time on a long line: ${nested}; bound the inner repetition (e.g. {1,20}) or give each repetition a required separator`;
  const blowUp = backtrackingBlowUp(re, literalPumps(fragment));
  if (blowUp) return `backtracks catastrophically: it took ${Math.round(blowUp.ms)} ms on a ${blowUp.length}-character line; make its repetitions unambiguous`;
  return undefined;
}

// Does a text offer a remedy for harm: compensation (a credit, a refund), a contact to get help,
// steps users should take, or repair of the harm itself (failed jobs re-run, lost data restored)? Shared by missing-remedy and any rule that asks what happens next.

import type { Span } from './matchers.js';
import { phraseRegex } from './phrases.js';
import remedyPhrases from './phrases/remedy.json' with { type: 'json' };

export const REMEDY_PHRASES = remedyPhrases;

export type RemedyKind = 'compensation' | 'help' | 'steps' | 'repair';

export interface RemedyMatch extends Span {
  kind: RemedyKind;
}

export interface RemedyLists {
  compensation: readonly string[];
  help: readonly string[];
  steps: readonly string[];
  repair: readonly string[];
}

/** The first remedy in a text, by kind (compensation first: it is the strongest remedy). */
export function findRemedy(text: string, lists: RemedyLists = remedyPhrases): RemedyMatch | undefined {
  for (const kind of ['compensation', 'repair', 'help', 'steps'] as const) {
    const m = phraseRegex(lists[kind]).exec(text);
    if (m) return { kind, start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

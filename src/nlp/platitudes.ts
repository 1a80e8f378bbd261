// Platitudes: claims of care that show none. Three shapes whatever their length, read from the
// text (no tagging): a value claim ("Keeping every train on time for our passengers is our
// highest priority", "The privacy and trust of our customers is paramount", "Your business is
// important to us"), a claim of seriousness ("We take every report of abuse on our platform …
// very seriously"), and a claim of valuing the reader ("We value our customers"). Words come from
// src/nlp/phrases/platitudes.json; a priority bound to the incident ("Restoring checkout is our
// top priority", "… right now") is a plan, not a platitude.

import type { Span } from './matchers.js';
import { FragmentRegExp, GatedRegExp } from './prefilter.js';
import platitudePhrases from './phrases/platitudes.json' with { type: 'json' };

export const PLATITUDE_PHRASES = platitudePhrases;

export interface PlatitudeLists {
  valuePredicates: readonly string[];
  valueVerbs: readonly string[];
  valuedObjects: readonly string[];
  repairGerunds: readonly string[];
  timeBounds: readonly string[];
}

interface Compiled {
  /** Some value predicate, anywhere: every value claim (plain or inverted) holds one. */
  anyPredicate: RegExp;
  /** Some value verb, anywhere: every "we value …" holds one. */
  anyValueVerb: RegExp;
  valueClaim: RegExp;
  seriously: RegExp;
  valueVerb: RegExp;
  invertedClaim: RegExp;
  repair: RegExp;
  repairWork: RegExp;
  timeBound: RegExp;
  timeBoundAnywhere: RegExp;
}

const alternation = (list: readonly string[]) => list.map((p) => `(?:${p})`).join('|') || '(?!)';
const compiledLists = new WeakMap<PlatitudeLists, Compiled>();

function compile(lists: PlatitudeLists): Compiled {
  let c = compiledLists.get(lists);
  if (!c) {
    c = {
      // Cheap triggers: they run only the fragments whose words the text holds (prefilter.ts),
      // and a text none of whose predicates or verbs match cannot match the shapes below.
      anyPredicate: new FragmentRegExp(lists.valuePredicates, '', '', 'i'),
      anyValueVerb: new FragmentRegExp(lists.valueVerbs, '', '', 'i'),
      // The copula and the predicate; the subject is whatever opens the clause before it.
      // Gated: most texts hold none of their words, and these are slow to compile (prefilter.ts).
      valueClaim: new GatedRegExp(
        `\\b(?:is|are|remains?|was|were|has always been|have always been|will always be|continues? to be|has been and always will be)\\s+(?:always\\s+|still\\s+|and always will be\\s+)?(?:${alternation(lists.valuePredicates)})(?![\\w-])`,
        'gi',
      ),
      // "we take … seriously" within one clause (no clause punctuation between).
      seriously: new GatedRegExp(/\b(?:we|I|[A-Z][\w&.-]*|(?:the|our) (?:company|team|board|management))\s+(?:\w+ly\s+|always\s+|do\s+)?(?:take|takes|treat|treats)\s+[^,;:.!?]{1,160}?\b(?:very |extremely |incredibly |most |so |really |quite |deadly |very, very )?seriously\b|\b(?:is|are)\s+(?:something\s+)?(?:that\s+)?(?:we|I)\s+take\s+(?:very |extremely |incredibly |so |really )?seriously\b|\b(?:is|are) taken (?:very |extremely |incredibly |most |so )?seriously\b/gi),
      valueVerb: new GatedRegExp(
        `\\b(?:we|I)\\s+(?:\\w+ly\\s+|very much\\s+|always\\s+|do\\s+)?(?:${alternation(lists.valueVerbs)})\\s+(?:your|our|the|every|each|all|all of our|all of)?\\s*(?:[\\w'’-]+\\s+){0,3}?(?:${alternation(lists.valuedObjects)})(?![\\w-])`,
        'gi',
      ),
      invertedClaim: new GatedRegExp(
        `(?:${alternation(lists.valuePredicates.filter((p) => /priority/.test(p)))})\\s+(?:is|remains|has always been|will always be|was)\\s+(?:and always will be\\s+)?(?:to\\s+)?([\\w'’-]+)`,
        'gi',
      ),
      repair: new RegExp(`^(?:${alternation(lists.repairGerunds)})\\b`, 'i'),
      // The same repairs told as work under way or aimed at: "to get … back", "are restoring".
      repairWork: new RegExp(`\\b(?:to|are|is|am|were|was|be|been)\\s+(?:[\\w'’-]+\\s+){0,3}?(?:${lists.repairGerunds.map((g) => g.replace(/ing$/, '').replace(/(.)\1$/, '$1')).join('|')})\\w*\\b`, 'i'),
      timeBound: new RegExp(`^[\\s,]*(?:${alternation(lists.timeBounds)})\\b`, 'i'),
      timeBoundAnywhere: new RegExp(`\\b(?:${alternation(lists.timeBounds)})\\b`, 'i'),
    };
    compiledLists.set(lists, c);
  }
  return c;
}

/** Where the clause holding `at` starts: after the last clause punctuation, or at the sentence start. */
function clauseStart(text: string, at: number): number {
  const before = text.slice(0, at);
  const m = /[,;:—–()]\s*(?:(?:and|but|so|because|while|as|yet)\s+)?(?=[^,;:—–()]*$)/.exec(before);
  return m ? m.index + m[0].length : 0;
}

/** A demonstrative subject ("…, and this") whose clause before it tells a repair under way or aimed at. */
function pointsBackAtRepair(subject: string, c: Compiled): boolean {
  const tail = /(?:^|[,;]\s*|\s(?:and|so)\s+)(?:this|that|it|doing so|which)$/i.exec(subject);
  return !!tail && c.repairWork.test(subject.slice(0, tail.index));
}

/** The platitude clauses in a sentence, in order. */
export function findPlatitudes(text: string, lists: PlatitudeLists = platitudePhrases): Span[] {
  const c = compile(lists);
  const found: Span[] = [];
  const claims = c.anyPredicate.test(text);
  c.valueClaim.lastIndex = 0;
  for (let m = claims ? c.valueClaim.exec(text) : null; m; m = c.valueClaim.exec(text)) {
    const start = clauseStart(text, m.index);
    const subject = text.slice(start, m.index).trim().replace(/^(?:and|but|so|because|while|as)\s+/i, '');
    // A value claim needs a subject, and says nothing when negated ("is not our top priority").
    if (!subject || /\b(?:not|never|no longer)\s*$/i.test(subject)) continue;
    // "Restoring checkout is our top priority": a plan for the incident. "… right now": bound to it.
    const rest = /^[^,;:.!?—–]*/.exec(text.slice(m.index + m[0].length))![0];
    if (c.repair.test(subject) || c.timeBound.test(rest) || c.timeBoundAnywhere.test(rest)) continue;
    // "We are working to get every shop back online, and this is our top priority": "this" points
    // back at the repair told just before; the priority is that plan, not a platitude.
    if (pointsBackAtRepair(subject, c)) continue;
    found.push({ start: start + text.slice(start).indexOf(subject), end: m.index + m[0].length });
  }
  // Inverted: "Our top priority is to maintain the security of your data"; a plan for the
  // incident ("Our top priority is restoring service", "… is to get you back online") is none.
  c.invertedClaim.lastIndex = 0;
  for (let m = claims ? c.invertedClaim.exec(text) : null; m; m = c.invertedClaim.exec(text)) {
    const next = m[1].toLowerCase();
    if (lists.repairGerunds.some((g) => next.startsWith(g.replace(/ing$/, '').replace(/(.)\1$/, '$1')))) continue;
    const rest = /^[^,;:.!?—–]*/.exec(text.slice(m.index + m[0].length))![0];
    if (c.timeBoundAnywhere.test(rest) || c.timeBoundAnywhere.test(m[0])) continue;
    const start = clauseStart(text, m.index);
    found.push({ start: Math.max(start, m.index), end: m.index + m[0].length + rest.length });
  }
  for (const re of [c.seriously, c.valueVerb]) {
    if (re === c.seriously ? !/seriously/i.test(text) : !c.anyValueVerb.test(text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) found.push({ start: m.index, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

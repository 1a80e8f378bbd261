// Does a text describe harm to customers? Shared by rules that need to know whether there is
// something to apologise for, remedy or describe.

import { analyse, isTagged, type Analysis, type Term } from './analysis.js';
import { phraseRegex } from './phrases.js';
import { GatedRegExp } from './prefilter.js';
import impactPhrases from './phrases/impact.json' with { type: 'json' };
import { hasLetter, hasLetterRun, startsCapitalised, startsWithLetter, startsWithUpper } from './letters.js';

export const IMPACT_PHRASES = impactPhrases;

export function describesHarm(text: string, harm: readonly string[] = impactPhrases.harm): boolean {
  return phraseRegex(harm).test(text);
}

// ---- what is affected ----------------------------------------------------------------------
// "Say who and what is affected" (P4): missing-impact, minimizing and hollow-resolution share
// these so they agree on when a statement names its impact.

export interface AffectedLists {
  /** Concrete symptoms: "errors", "timeouts", "cannot sign in", "20 minutes late". */
  symptoms: readonly string[];
  /** Scope that names who: "30% of users", "all customers", "nobody". */
  scope: readonly string[];
  /** Nouns too vague to say what is affected: "issue", "services", "users". */
  vagueNouns: readonly string[];
}

export const DEFAULT_AFFECTED: AffectedLists = {
  symptoms: impactPhrases.symptoms,
  scope: impactPhrases.scope,
  vagueNouns: impactPhrases.vagueNouns,
};

const anchoredLists = new WeakMap<readonly string[], RegExp>();
function anchored(list: readonly string[]): RegExp {
  let re = anchoredLists.get(list);
  // Gated: run on every term, but slow to compile, and most words hold none of its literals.
  if (!re) anchoredLists.set(list, (re = new GatedRegExp(`^(?:${list.map((p) => `(?:${p})`).join('|') || '(?!)'})$`, 'iu')));
  return re;
}

/** Quantifiers that keep a vague head vague: "some services", "various features". */
const VAGUE_QUANTIFIERS = new Set(['some', 'certain', 'various', 'multiple', 'several', 'many', 'few', 'other']);

/** Cheap text test: a concrete symptom or a scope ("errors", "30% of requests", "all customers"). */
export function namesSymptomOrScope(text: string, lists: AffectedLists = DEFAULT_AFFECTED): boolean {
  return phraseRegex(lists.symptoms).test(text) || phraseRegex(lists.scope).test(text);
}

/**
 * The concrete things a sentence names as affected: nouns that are not vague (a service,
 * feature, region or customer group: "Codespaces", "sign-in", "customers in Europe"). A vague
 * head keeps its modifiers vague when a quantifier opens the phrase ("some GitHub services").
 */
export function concreteNouns(analysis: Analysis, lists: AffectedLists = DEFAULT_AFFECTED): Term[] {
  const vague = anchored(lists.vagueNouns);
  const terms = analysis.terms;
  // In running text a capital mid-sentence marks a name ("degraded performance for Issues");
  // in a Title Cased heading it says nothing.
  const words = terms.filter((t) => startsWithLetter(t.text));
  const titleCase = words.filter((t) => startsWithUpper(t.text)).length > words.length / 2;
  // Where each word's noun phrase ends (its head) and starts, computed once in linear time: a
  // scan from every noun would be quadratic in a long run of nouns.
  // compromise may tag a vague head as a verb ("some GitHub services"): the list decides then.
  const continuesHead = (j: number) => (terms[j].tags.has('Noun') && !terms[j].tags.has('Pronoun') && !terms[j].tags.has('Date')) || vague.test(terms[j].normal);
  const modifies = (j: number) => (terms[j].tags.has('Noun') || terms[j].tags.has('Adjective')) && !terms[j].tags.has('Pronoun');
  const headOf = new Int32Array(terms.length);
  for (let j = terms.length - 1; j >= 0; j--) headOf[j] = j + 1 < terms.length && continuesHead(j + 1) ? headOf[j + 1] : j;
  const firstOf = new Int32Array(terms.length);
  for (let j = 0; j < terms.length; j++) firstOf[j] = j > 0 && modifies(j - 1) ? firstOf[j - 1] : j;
  const found: Term[] = [];
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    if (!t.tags.has('Noun') || t.tags.has('Pronoun') || t.tags.has('Date') || t.tags.has('Time') || t.tags.has('Duration') || t.tags.has('Value')) continue;
    if (!hasLetter(t.text)) continue;
    // A plural-looking word with a singular verb is a name too: "Issues is experiencing …".
    const singularVerb = ['is', 'was', 'has'].includes(terms[i + 1]?.normal ?? '') && /s$/.test(t.normal);
    const name = !titleCase && startsCapitalised(t.text) && (i > 0 || singularVerb);
    if (!name && vague.test(t.normal.replace(/'s?$/, ''))) continue;
    // Find the head of the phrase this noun modifies and the phrase's first word.
    const head = headOf[i];
    const first = firstOf[i];
    const opener = terms[first - 1]?.normal;
    if (head !== i && vague.test(terms[head].normal) && opener && VAGUE_QUANTIFIERS.has(opener)) continue;
    found.push(t);
  }
  return found;
}

/**
 * Does the text say what is affected or how? A concrete symptom or scope (cheap, no tagging),
 * else a concrete noun. `analysis` is called only when the cheap test fails.
 */
export function namesAffected(
  text: string,
  analysis: () => Analysis,
  lists: AffectedLists = DEFAULT_AFFECTED,
  /** Whether the sentence is about the service at all (harm, a recovery, planned work): "Your trust matters to us" names no affected thing. */
  aboutService: () => boolean = () => true,
): boolean {
  if (namesSymptomOrScope(text, lists)) return true;
  // No noun at all can be concrete when every word is a stop word: skip the tagger then.
  if (!hasLetterRun(text, 3)) return false;
  if (!aboutService()) return false;
  return concreteNouns(analysis(), lists).length > 0;
}

/**
 * namesAffected's answer when it needs no tagging: the words decide, or the text is tagged
 * already. Undefined when only tagging could tell, or when \`aboutService\` cannot tell without it
 * (it answers undefined then).
 */
export function namesAffectedWithoutTagging(
  text: string,
  analysis: () => Analysis,
  lists: AffectedLists = DEFAULT_AFFECTED,
  aboutService: () => boolean | undefined = () => true,
): boolean | undefined {
  if (namesSymptomOrScope(text, lists)) return true;
  if (!/[\p{L}]{3,}/u.test(text)) return false;
  const about = aboutService();
  if (about !== true) return about;
  if (!isTagged(text)) return undefined;
  return concreteNouns(analysis(), lists).length > 0;
}

/** A duration or time range: "between 09:00 and 11:00", "for two hours", "since 08:40". */
export function statesDuration(text: string, duration: readonly string[] = impactPhrases.duration): boolean {
  return phraseRegex(duration).test(text);
}

/** Tags a text that is not a statement sentence (a title) with the shared, memoised analysis. */
export function analyseTitle(text: string): Analysis {
  return analyse(text);
}

/**
 * "The total outage was approximately 20 minutes", "The disruption lasted an hour": the incident
 * itself as subject, measured or judged. It tells how long or how bad, not what failed for whom,
 * so an apology cannot be built from it ("We're sorry that the total outage was 20 minutes").
 */
const INCIDENT_MEASURED = /^\s*(?:the|this|that|our|today['’]s|yesterday['’]s)\s+(?:[\w-]+\s+){0,2}?(?:outage|downtime|disruption|incident|interruption|issue|problem|event|degradation)s?\s+(?:was|were|is|has been|lasted|took|totall?ed|ran|spanned)\b/i;
export function reportsOnTheIncident(text: string): boolean {
  return INCIDENT_MEASURED.test(text);
}

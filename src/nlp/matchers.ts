// Shared matchers: apology, cause, passive voice. Rules call these so that they agree with each
// other ("is there a cause?" means the same to missing-cause and unfulfilled-promise).

import type { Analysis, Term } from './analysis.js';
import { globalPhraseRegex, phraseRegex } from './phrases.js';
import apologyPhrases from './phrases/apology.json' with { type: 'json' };
import causePhrases from './phrases/cause.json' with { type: 'json' };
import passivePhrases from './phrases/passive.json' with { type: 'json' };
import participleData from './phrases/participles.json' with { type: 'json' };

export const APOLOGY_PHRASES = apologyPhrases;
export const CAUSE_PHRASES = causePhrases;
export const PASSIVE_PHRASES = passivePhrases;

export interface Span {
  start: number;
  end: number;
}

const NEGATION_BEFORE = /\b(?:not|never|no|n't|nor)\b[\w\s']{0,12}$|n't\s*$/i;

export interface ApologyMatch extends Span {
  /** True for "we are not sorry", "we won't apologise". */
  negated: boolean;
  /** The text after the apology word, up to the end of the sentence. */
  rest: string;
}

/** Finds the first apology word in a sentence. */
export function findApology(text: string, words: readonly string[] = apologyPhrases.apology): ApologyMatch | undefined {
  const m = phraseRegex(words).exec(text);
  if (!m) return undefined;
  const before = text.slice(Math.max(0, m.index - 30), m.index);
  return { start: m.index, end: m.index + m[0].length, negated: NEGATION_BEFORE.test(before), rest: text.slice(m.index + m[0].length) };
}

export function isApology(text: string, words?: readonly string[]): boolean {
  const m = findApology(text, words);
  return !!m && !m.negated;
}

/** The first span that gives a cause or working theory, ignoring "we are working to find the cause". */
export function findCause(
  text: string,
  markers: readonly string[] = causePhrases.markers,
  notCause: readonly string[] = causePhrases.notCause,
): Span | undefined {
  const excluded: Span[] = [];
  const neg = globalPhraseRegex(notCause);
  for (let m = neg.exec(text); m; m = neg.exec(text)) excluded.push({ start: m.index, end: m.index + m[0].length });
  const re = globalPhraseRegex(markers);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (!excluded.some((e) => span.start < e.end && span.end > e.start)) return span;
  }
  return undefined;
}

// ---- passive voice -------------------------------------------------------------------------

export interface PassiveMatch extends Span {
  /** The participle, e.g. "identified". */
  verb: Term;
  /** Index of the first term of the verb group ("has" in "has not been fixed"), of the be-form, and of the participle. */
  groupIndex: number;
  auxIndex: number;
  verbIndex: number;
  /** A "by" agent follows ("was caused by a bad deploy"). */
  hasAgent: boolean;
  /** A particle belongs to the verb ("rolled out", "rolled back"). */
  particle?: Term;
}

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', "'s", "'re", 'get', 'gets', 'got', 'getting', 'gotten']);
const ALLOWED_BETWEEN = new Set(['now', 'also', 'already', 'just', 'since', 'then', 'successfully', 'fully', 'finally', 'quickly', 'still', 'all', 'both', 'partially', 'automatically', 'manually', 'temporarily', 'completely', 'largely', 'mostly', 'recently', 'further']);
const LEADING_AUX = new Set(['has', 'have', 'had', 'will', 'would', 'may', 'might', 'can', 'could', 'should', 'must', 'shall']);
const NEGATIONS = new Set(['not', 'never', "n't"]);
const PARTICLES = new Set(['out', 'back', 'up', 'down', 'off', 'over']);

// ---- the passive prefilter: which sentences are worth tagging at all --------------------------
// Tagging is most of crisislint's cost and passive-voice would ask for most of it, so sentences
// that cannot hold a passive are ruled out on their words first. The test mirrors findPassives
// step by step and errs towards tagging: a be-form (or "get"), then up to three words, skipping
// further be-forms; the first word that ends like a participle (or is a past form compromise
// knows, participles.json) decides: a state ("is degraded") rules this be-form out, anything
// else needs tags. Words compromise never tags as an adverb (articles, pronouns, prepositions,
// "-ing" forms) end the search early, as they end findPassives' skip over adverbs.
// tests/passive-prefilter.test.ts checks that no sentence with a passive is ruled out.

/** Word endings of regular participles and of the irregular ones compromise guesses by suffix. */
export const PARTICIPLE_ENDING = /^[a-z]+(?:ed|en|wn|un|ne|ld|lt|pt|nt|ft|ught|ade|ung|id|et|ut|ead)$/;
const IRREGULAR_PAST = new Set(participleData.participles);
const NEVER_ADVERB = new Set(['a', 'an', 'the', 'our', 'your', 'their', 'its', 'my', 'we', 'you', 'they', 'i', 'it', 'to', 'of', 'for', 'with', 'from', 'at']);
const WORDS = /[a-z0-9'\u2019]+(?:-[a-z0-9'\u2019]+)*/g;

// "re-routed", "rolled-back": compromise may keep the hyphenated word whole or split it.
const isPastForm = (word: string): boolean =>
  PARTICIPLE_ENDING.test(word) || IRREGULAR_PAST.has(word) || (word.includes('-') && word.split('-').some(isPastForm));

// "it's", "we're": compromise splits the contraction into a be-form.
const CONTRACTED_BE = /['\u2019](?:s|re)$/;
const isBeWord = (word: string) => BE.has(word) || CONTRACTED_BE.test(word);

/** Could this sentence hold a passive (other than a state)? Saves tagging most sentences. */
export function mayHavePassive(text: string, statesList: readonly string[] = passivePhrases.states): boolean {
  const words = text.toLowerCase().match(WORDS);
  if (!words) return false;
  let states: RegExp | undefined;
  for (let i = 0; i < words.length; i++) {
    if (!isBeWord(words[i])) continue;
    // "the data being served": findPassives skips a "being" that follows no be-form.
    if (words[i] === 'being' && !(i > 0 && isBeWord(words[i - 1]))) continue;
    for (let k = i + 1, budget = 3; budget > 0 && k < words.length; k++) {
      const word = words[k];
      if (isBeWord(word)) continue;
      // Adverbs in "-ly" ("automatically", "fully") do not count towards the three words.
      if (!word.endsWith('ly')) budget--;
      if (isPastForm(word)) {
        states ??= phraseRegex(statesList);
        if (!states.test(word)) return true;
        break;
      }
      if (NEVER_ADVERB.has(word) || word.endsWith('ing')) break;
    }
  }
  return false;
}

function isParticiple(term: Term): boolean {
  return term.tags.has('Verb') && (term.tags.has('PastTense') || term.tags.has('Participle') || term.tags.has('Passive')) && !term.tags.has('Auxiliary');
}

/**
 * Finds passive verb phrases: a form of "be" (or "get"), optional adverbs, then a participle.
 * Adjectival states are not passives: compromise tags them Adjective ("users are affected"), and
 * a list of state participles catches the rest ("the service is degraded").
 */
export function findPassives(analysis: Analysis, statesList: readonly string[] = passivePhrases.states): PassiveMatch[] {
  const states = phraseRegex(statesList);
  const terms = analysis.terms;
  const found: PassiveMatch[] = [];
  for (let i = 0; i < terms.length; i++) {
    if (!BE.has(terms[i].normal)) continue;
    // "the data being served": a reduced relative clause, not a finite passive.
    if (terms[i].normal === 'being' && !(i > 0 && BE.has(terms[i - 1].normal))) continue;
    let j = i + 1;
    // Further auxiliaries and adverbs: "has now been", "was not", "is being".
    while (j < terms.length && (BE.has(terms[j].normal) || ALLOWED_BETWEEN.has(terms[j].normal) || terms[j].tags.has('Adverb') || terms[j].tags.has('Negative'))) j++;
    const verb = terms[j];
    if (!verb || !isParticiple(verb) || states.test(verb.normal)) continue;
    // "is going", "was running": progressive, not passive.
    if (verb.tags.has('Gerund')) continue;
    const next = terms[j + 1];
    const particle = next && PARTICLES.has(next.normal) && !next.tags.has('Noun') ? next : undefined;
    const after = terms.slice(j + 1, j + 4).map((t) => t.normal);
    const hasAgent = after.includes('by');
    const end = (particle ?? verb).end;
    // Show the whole verb group: "has now been identified", "will be deployed".
    let first = i;
    while (first > 0 && LEADING_AUX.has(terms[first - 1].normal)) first--;
    // "has now been", "has not been": an adverb or negation between the auxiliaries.
    for (let k = i - 1; k > 0 && k >= i - 2; k--) {
      if (!(ALLOWED_BETWEEN.has(terms[k].normal) || NEGATIONS.has(terms[k].normal))) break;
      if (LEADING_AUX.has(terms[k - 1].normal)) first = k - 1;
    }
    found.push({ start: terms[first].start, end, verb, groupIndex: first, auxIndex: i, verbIndex: j, hasAgent, particle });
    i = j;
  }
  return found;
}

/** True for a negated passive ("no data was lost", "your account was not affected"). */
export function isNegatedPassive(analysis: Analysis, match: PassiveMatch): boolean {
  const terms = analysis.terms;
  for (let k = match.groupIndex; k < match.verbIndex; k++) if (NEGATIONS.has(terms[k].normal) || terms[k].tags.has('Negative')) return true;
  // A subject opened by "no", "none of", "neither", "nothing": scan back to the clause start.
  for (let k = match.groupIndex - 1; k >= 0 && k >= match.groupIndex - 8; k--) {
    const n = terms[k].normal;
    if (n === 'no' || n === 'none' || n === 'neither' || n === 'nothing' || n === 'nobody' || n === 'never') return true;
    // "No runs or deliveries were lost": or/nor join the subject's nouns; other conjunctions start a clause.
    if (/[,;:]$/.test(terms[k].text) || (terms[k].tags.has('Conjunction') && n !== 'or' && n !== 'nor')) break;
  }
  return false;
}

/** The subject noun phrase before a passive ("the issue" in "the issue has been identified"). */
export function passiveSubject(analysis: Analysis, match: PassiveMatch): Span | undefined {
  const terms = analysis.terms;
  let k = match.groupIndex - 1;
  // Skip "has", "have", "had", "will", modals before the be-form.
  while (k >= 0 && (terms[k].tags.has('Auxiliary') || terms[k].tags.has('Modal') || ['has', 'have', 'had', 'will', 'would', 'may', 'might', 'can', 'could', 'should', 'must'].includes(terms[k].normal) || ALLOWED_BETWEEN.has(terms[k].normal))) k--;
  const end = k;
  while (k >= 0 && (terms[k].tags.has('Noun') || terms[k].tags.has('Determiner') || terms[k].tags.has('Adjective') || terms[k].tags.has('Possessive') || terms[k].tags.has('Value')) && !(k < end && /[,;:]$/.test(terms[k].text))) k--;
  const start = k + 1;
  if (start > end || end < 0) return undefined;
  // Only a subject that opens its clause can be moved mechanically; "every payment taken for a
  // failed order" would otherwise lose its head noun.
  const before = terms[start - 1];
  if (before && !/[,;:]$/.test(before.text) && !before.tags.has('Conjunction') && !['and', 'but', 'so', 'then', 'while', 'when', 'after', 'once'].includes(before.normal)) return undefined;
  // The phrase must hold a noun or pronoun to be a subject.
  if (!terms.slice(start, end + 1).some((t) => t.tags.has('Noun') || t.tags.has('Pronoun'))) return undefined;
  return { start: terms[start].start, end: terms[end].end };
}

// Clause structure around a verb, from compromise's tags: the verb group before it (auxiliaries,
// modals, negation) and the grammatical subject that acts. Shared by rules that ask who or what
// acted ("an outage occurred": the failure acts; "users caused it": the users act).

import type { Analysis, Term } from './analysis.js';
import { hasLetterOrDigit } from './letters.js';

/** Words of a verb group that may stand between the subject and the main verb. */
const AUXILIARIES = new Set([
  'has', 'have', 'had', 'having', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', "'s", "'re", "'ve", "'d",
  'will', 'would', 'may', 'might', 'can', 'could', 'should', 'must', 'shall', 'do', 'does', 'did', 'get', 'gets', 'got',
]);
const MODALS = new Set(['will', 'would', 'may', 'might', 'can', 'could', 'should', 'must', 'shall', "'ll", 'wo', 'ca']);
const NEGATIONS = new Set(['not', 'never', "n't", 'no', 'nor', 'neither', 'none', 'nothing', 'nobody', 'cannot']);
const RELATIVES = new Set(['that', 'which', 'who', 'whom']);
const COORDINATORS = new Set(['and', 'or', 'but', 'then']);
/** Demonstratives and pronouns that compromise may tag Determiner when they stand alone as subject. */
const STANDALONE = new Set(['this', 'that', 'it', 'these', 'those', 'something', 'everything', 'nothing', 'things']);

export interface VerbGroup {
  /** Index of the first term of the verb group (an auxiliary, or the verb itself). */
  first: number;
  /** "not", "never", "n't" inside the group. */
  negated: boolean;
  /** A modal inside the group ("will", "may", "could"). */
  modal: boolean;
  /** The modal's normal form, when there is one. */
  modalWord?: string;
  /** A form of "be" inside the group (passive or copula). */
  be: boolean;
  /** "to" just before the group: an infinitive ("to ensure this does not happen"). */
  infinitive: boolean;
  /** A present or progressive auxiliary ("is", "are", "being"): a live state, not past narration. */
  present: boolean;
}

export interface Subject {
  /** Offsets of the subject phrase in the sentence text. */
  start: number;
  end: number;
  /** The head word: the noun or pronoun the phrase is about. */
  head: Term;
  headIndex: number;
  /** Index of the phrase's first term. */
  firstIndex: number;
  /** The subject was reached through "that"/"which" ("the outage that occurred"). */
  relative: boolean;
  /** The phrase opens with a negative determiner ("no data", "nothing"). */
  negated: boolean;
}

/** True when punctuation (a comma, semicolon, colon, dash or bracket) separates two terms. */
export function punctuationBetween(text: string, left: Term, right: Term): boolean {
  return /[,;:.!?()\u2013\u2014]|\s-\s/.test(text.slice(left.end, right.start));
}

export function isNegation(term: Term): boolean {
  return term.tags.has('Negative') || NEGATIONS.has(term.normal);
}

function isAuxiliary(term: Term): boolean {
  return AUXILIARIES.has(term.normal) || term.tags.has('Auxiliary') || term.tags.has('Modal');
}

/** The auxiliaries, adverbs and negation before the verb at `verbIndex`. */
export function verbGroup(text: string, analysis: Analysis, verbIndex: number): VerbGroup {
  const terms = analysis.terms;
  let first = verbIndex;
  let negated = false;
  let modal = false;
  let modalWord: string | undefined;
  let be = false;
  let present = false;
  for (let k = verbIndex - 1; k >= 0; k--) {
    const t = terms[k];
    if (punctuationBetween(text, t, terms[k + 1])) break;
    if (isAuxiliary(t)) {
      if (MODALS.has(t.normal) || t.tags.has('Modal')) {
        modal = true;
        modalWord ??= t.normal;
      }
      if (t.tags.has('Copula') || ['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am'].includes(t.normal)) be = true;
      if (['is', 'are', 'am', 'being', "'s", "'re"].includes(t.normal)) present = true;
      if (t.tags.has('Negative') || /n't$|^cannot$/.test(t.text.toLowerCase())) negated = true;
      first = k;
      continue;
    }
    if (t.normal === 'not' || t.normal === 'never' || (t.tags.has('Negative') && t.text === '')) {
      negated = true;
      first = k;
      continue;
    }
    if (t.tags.has('Adverb') && !t.tags.has('Negative')) {
      first = k;
      continue;
    }
    break;
  }
  const before = terms[first - 1];
  const infinitive = !!before && before.normal === 'to' && !punctuationBetween(text, before, terms[first]);
  // A bare "being" before the verb is also a progressive: "the issues being experienced".
  if (!present && terms[first]?.normal === 'being') present = true;
  return { first, negated, modal, modalWord, be, infinitive, present };
}

/** compromise can emit a stray punctuation mark as a term of its own. */
function isWord(term: Term): boolean {
  return hasLetterOrDigit(term.text);
}

function isNominal(term: Term): boolean {
  if (!isWord(term)) return false;
  return (term.tags.has('Noun') || term.tags.has('Pronoun') || STANDALONE.has(term.normal)) && !term.tags.has('Verb');
}

/** May a term stand inside a noun phrase before its head ("the Skype peer-to-peer network")? */
/** A fronted time ends before the subject: "On Monday night | the payroll service went down". */
const TIME_NOUNS = new Set(['night', 'morning', 'evening', 'afternoon', 'weekend', 'week', 'day', 'today', 'tonight', 'yesterday', 'overnight', 'midnight', 'noon', 'month', 'year']);
const TIME_ZONES = new Set(['utc', 'gmt', 'cet', 'cest', 'pst', 'pdt', 'pt', 'est', 'edt', 'et', 'bst', 'ist', 'jst', 'z']);

function isModifier(term: Term): boolean {
  if (!isWord(term)) return false;
  if (term.tags.has('Date') || term.tags.has('Time') || term.tags.has('Duration') || TIME_ZONES.has(term.normal) || TIME_NOUNS.has(term.normal)) return false;
  return (
    term.tags.has('Determiner') ||
    term.tags.has('Adjective') ||
    term.tags.has('Noun') ||
    term.tags.has('Possessive') ||
    term.tags.has('Value') ||
    term.tags.has('Hyphenated') ||
    term.tags.has('Acronym') ||
    term.normal === 'no'
  );
}

/** The noun phrase that ends at `headIndex`, scanning left over determiners, adjectives and nouns. */
export function nounPhraseEndingAt(text: string, analysis: Analysis, headIndex: number): { firstIndex: number; negated: boolean } {
  const terms = analysis.terms;
  let k = headIndex;
  while (k > 0 && !punctuationBetween(text, terms[k - 1], terms[k])) {
    const prev = terms[k - 1];
    // Hyphenated compounds may carry a stray Verb tag ("peer-to-peer"): keep them in the phrase.
    if (!prev.tags.has('Hyphenated') && (!isModifier(prev) || prev.tags.has('Verb'))) break;
    if (prev.tags.has('Pronoun') && !prev.tags.has('Possessive')) break;
    k--;
  }
  const negated = ['no', 'none', 'nothing', 'nobody', 'neither'].includes(terms[k].normal);
  return { firstIndex: k, negated };
}

/**
 * The grammatical subject of the verb at `verbIndex`: the noun phrase before its verb group. A
 * verb joined to an earlier predicate ("became unstable and suffered …") shares that predicate's
 * subject; a relative clause ("the outage that occurred") takes its antecedent.
 */
export function subjectOf(text: string, analysis: Analysis, verbIndex: number, depth = 0): Subject | undefined {
  const terms = analysis.terms;
  const group = verbGroup(text, analysis, verbIndex);
  const k = group.first - 1;
  if (k < 0 || depth > 3) return undefined;
  const t = terms[k];
  // Punctuation between the subject and its verb group ends the clause.
  if (punctuationBetween(text, t, terms[k + 1])) return undefined;
  if (COORDINATORS.has(t.normal)) {
    // Coordinated predicate: the nearest earlier main verb in the sentence shares the subject.
    for (let p = k - 1; p >= 0; p--) {
      const v = terms[p];
      if (v.tags.has('Verb') && !isAuxiliary(v)) return subjectOf(text, analysis, p, depth + 1);
    }
    return undefined;
  }
  if (RELATIVES.has(t.normal)) {
    // "the outage that occurred", "an error, which occurred": the antecedent is the subject.
    const a = k - 1;
    if (a >= 0 && isNominal(terms[a]) && !terms[a].tags.has('Possessive')) {
      const phrase = nounPhraseEndingAt(text, analysis, a);
      return { start: terms[phrase.firstIndex].start, end: terms[a].end, head: terms[a], headIndex: a, firstIndex: phrase.firstIndex, relative: true, negated: phrase.negated };
    }
    if (t.normal !== 'that') return undefined;
  }
  if (!isNominal(t)) return undefined;
  // A pronoun subject ("it", "that", "something") stands alone: nothing to its left belongs to it.
  if (STANDALONE.has(t.normal) || (t.tags.has('Pronoun') && !t.tags.has('Possessive'))) {
    return { start: t.start, end: t.end, head: t, headIndex: k, firstIndex: k, relative: false, negated: t.normal === 'nothing' };
  }
  let headIndex = k;
  let phrase = nounPhraseEndingAt(text, analysis, k);
  // Walk left over what belongs to an earlier head: coordination inside the subject ("Issues and
  // Pull Requests"), prepositional phrases ("customers in Europe"), and relative or participle
  // clauses ("the cluster that powers search", "jobs submitted through the UI").
  for (let hops = 0; hops < 4; hops++) {
    const p = phrase.firstIndex - 1;
    const prev = terms[p];
    const before = terms[p - 1];
    if (!prev || !before || punctuationBetween(text, prev, terms[p + 1]) || punctuationBetween(text, before, prev)) break;
    if ((prev.normal === 'and' || prev.normal === 'or') && !terms[phrase.firstIndex].tags.has('Determiner') && isNominal(before) && isModifier(before)) {
      phrase = { ...phrase, firstIndex: nounPhraseEndingAt(text, analysis, p - 1).firstIndex };
      continue;
    }
    // A clause verb (possibly after a preposition: "jobs submitted through the UI").
    const verbAt = prev.tags.has('Verb') ? p : prev.tags.has('Preposition') && before.tags.has('Verb') ? p - 1 : -1;
    if (verbAt >= 0 && !isAuxiliary(terms[verbAt]) && !terms[verbAt].tags.has('Infinitive')) {
      let q = verbAt - 1;
      if (q >= 0 && RELATIVES.has(terms[q].normal)) q--;
      const holder = terms[q];
      if (!holder || !isNominal(holder) || !isModifier(holder) || holder.tags.has('Pronoun') || punctuationBetween(text, holder, terms[q + 1])) break;
      headIndex = q;
      phrase = { firstIndex: nounPhraseEndingAt(text, analysis, q).firstIndex, negated: phrase.negated };
      continue;
    }
    if (prev.tags.has('Preposition')) {
      if (!isNominal(before) || !isModifier(before) || before.tags.has('Pronoun')) break;
      const outer = nounPhraseEndingAt(text, analysis, p - 1);
      // "5% of customers", "a number of users": the quantity's complement is the head.
      const quantity = prev.normal === 'of' && (before.tags.has('Value') || /^(?:%|percent|number|majority|minority|subset|handful|portion|share|some|many|most|all|none|each|one|part|proportion|series|string|chain|combination|set|couple|range|variety|sequence|cluster|pair)$/.test(before.normal) || /%$/.test(before.text));
      if (!quantity) headIndex = p - 1;
      phrase = { firstIndex: outer.firstIndex, negated: phrase.negated || outer.negated };
      continue;
    }
    break;
  }
  return { start: terms[phrase.firstIndex].start, end: t.end, head: terms[headIndex], headIndex, firstIndex: phrase.firstIndex, relative: false, negated: phrase.negated };
}

/** Index of the first term of the clause holding term `index` (after the last punctuation). */
export function clauseStartIndex(text: string, analysis: Analysis, index: number): number {
  const terms = analysis.terms;
  let k = index;
  // An empty term is compromise's implicit negation ("cannot" -> "can" + ""): part of the clause.
  while (k > 0 && (isWord(terms[k - 1]) || terms[k - 1].text === '') && !punctuationBetween(text, terms[k - 1], terms[k])) k--;
  return k;
}

/** The infinitive of a verb term, by compromise's conjugator (falls back to the word itself). */
export function infinitiveOf(analysis: Analysis, term: Term): string {
  if (term.tags.has('Infinitive')) return term.normal;
  return analysis.conjugate(term.normal)?.Infinitive?.toLowerCase() ?? term.normal;
}

/** Is the term a person or group of people (we, users, customers, our team)? */
export function isPersonTerm(term: Term, people?: RegExp): boolean {
  if (term.tags.has('Pronoun') && !['it', 'this', 'that', 'these', 'those'].includes(term.normal)) return true;
  return term.tags.has('Person') || term.tags.has('Actor') || (!!people && people.test(term.normal.replace(/'s?$/, '')));
}

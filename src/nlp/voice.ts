// Who speaks: does a text speak as "we"/"I", and does it name the company in the third person as
// the one acting ("Acme is aware", "The company regrets")? Used by impersonal-voice.

import type { Analysis, Term } from './analysis.js';
import type { Span } from './matchers.js';
import { subjectOf, verbGroup } from './subjects.js';
import { startsWithUpper } from './letters.js';

// "US" (the country) and "IT" are not pronouns, so "us" counts only in lower case.
const FIRST_PERSON = /\b(?:[Ww]e|WE|[Oo]urs?|OURS?|[Oo]urselves|us|Us|I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ll]et's|[Ll]et’s)\b/;

/** True when the text speaks as "we" or "I" anywhere. A text test: no tagging needed. */
export function speaksAsWe(text: string): boolean {
  return FIRST_PERSON.test(text);
}

export interface CompanySubjectLists {
  /** Nouns that stand for the company or its people ("company", "team", "management"). */
  companyNouns: ReadonlySet<string>;
  /** Words that make a subject someone else ("provider", "partner", "vendor"). */
  thirdParty: ReadonlySet<string>;
  /** Capitalised words that are not names ("Everyone", "Nothing"). */
  notNames: ReadonlySet<string>;
  /** The predicate after the subject must match: an act or stance only a company takes ("is aware", "regrets"). */
  predicate: RegExp;
}

export interface CompanySubject extends Span {
  /** The subject noun phrase ("Acme Corporation", "The company"). */
  subject: Span;
  /** The first word of the predicate ("is", "regrets", "has"). */
  verb: Term;
}

// A passive predicate ("Fix has been deployed", "Recovery is expected") makes the subject the
// thing acted on, not the company acting. Adjectives of stance ("is committed") are not passive.
const PASSIVE = /^\s+(?:(?:has|have|had|will|would|can|could|may|might|should|must|also|now|currently|already|since|further|fully|not)\s+)*(?:is|are|was|were|be|been|being)\s+(?:[\p{L}]+ly\s+)?([\p{L}]+)/iu;
const STANCE = new Set(['committed', 'determined', 'dedicated', 'concerned', 'pleased', 'saddened', 'disappointed', 'embarrassed', 'engaged', 'focused', 'prepared']);
const IRREGULAR_PARTICIPLES = new Set(['found', 'begun', 'taken', 'made', 'done', 'seen', 'known', 'given', 'shown', 'built', 'sent', 'put', 'set', 'run', 'brought', 'held']);

function isPassive(predicate: string): boolean {
  const word = PASSIVE.exec(predicate)?.[1]?.toLowerCase();
  return !!word && !STANCE.has(word) && (/ed$/.test(word) || IRREGULAR_PARTICIPLES.has(word));
}

function isCapitalised(term: Term): boolean {
  return startsWithUpper(term.text);
}

/**
 * Finds a clause whose subject is the company named in the third person and whose predicate is
 * something only the company does or feels: "Acme Corporation is aware", "The company regrets",
 * "The team has identified". Products ("Copilot is operating normally"), people ("Users are
 * aware") and pronouns ("They are investigating") are not the company.
 */
export function findCompanySubject(analysis: Analysis, text: string, lists: CompanySubjectLists): CompanySubject | undefined {
  const terms = analysis.terms;
  for (let v = 1; v < terms.length; v++) {
    const verb = terms[v];
    if (!verb.tags.has('Verb')) continue;
    // Only the first word of a verb group: "is" in "is investigating", not "investigating".
    const group = verbGroup(text, analysis, v);
    if (group.first !== v) continue;
    const subject = subjectOf(text, analysis, v);
    if (!subject || subject.relative || subject.negated) continue;
    const phrase = terms.slice(subject.firstIndex, subject.headIndex + 1);
    // Drop a leading "the"/"a": what remains names the subject.
    const named = phrase[0].tags.has('Determiner') ? phrase.slice(1) : phrase;
    if (named.length === 0) continue;
    if (phrase.some((t) => (t.tags.has('Pronoun') && !lists.companyNouns.has(t.normal)) || t.tags.has('Verb') || t.tags.has('PastTense') || t.tags.has('Conjunction') || lists.thirdParty.has(t.normal))) continue;
    if (!isCompany(named, subject.head, subject.firstIndex === 0, lists)) continue;
    const predicate = text.slice(subject.end);
    if (!lists.predicate.test(predicate) || isPassive(predicate)) continue;
    return { start: subject.start, end: verb.end, subject: { start: subject.start, end: subject.end }, verb };
  }
  return undefined;
}

function isCompany(named: Term[], head: Term, atStart: boolean, lists: CompanySubjectLists): boolean {
  if (lists.companyNouns.has(head.normal)) return true;
  // A name: every word capitalised ("Acme", "Acme Corporation"), not a person or crowd.
  if (!named.every(isCapitalised) || lists.notNames.has(head.normal)) return false;
  if (named.some((t) => t.tags.has('Organization'))) return true;
  if (head.tags.has('Actor') || head.tags.has('Plural') || head.tags.has('Pronoun')) return false;
  // A lone capitalised word mid-sentence is a name; at the sentence start only its tags tell.
  return !atStart || named.length > 1 || head.tags.has('ProperNoun') || !head.tags.has('Uncountable');
}

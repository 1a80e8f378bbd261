// Agency: does a clause make the failure its own actor ("an outage occurred", "the network became
// unstable", "the database crashed"), as if nobody caused it? Shared by agentless-failure and by
// rules that build suggestions and must not quote such a clause. The verb lists are vocabulary
// (src/nlp/phrases/agency.json); tense, negation and the subject come from compromise's tags
// through subjects.ts.

import type { Sentence } from '../engine/model.js';
import type { Analysis } from './analysis.js';
import impactPhrases from './phrases/impact.json' with { type: 'json' };
import agencyPhrases from './phrases/agency.json' with { type: 'json' };
import { phraseRegex } from './phrases.js';
import { clauseStartIndex, isNegation, isPersonTerm, punctuationBetween, subjectOf, verbGroup, type Subject } from './subjects.js';

export const AGENCY_PHRASES = agencyPhrases;

export interface AgencyLists {
  /** "occurred", "arose", "took place": the failure happens by itself. */
  happenVerbs: readonly string[];
  /** "suffered", "experienced": a system undergoes the failure. */
  sufferVerbs: readonly string[];
  /** "became", "went": with a failure state ("became unstable", "went wrong"). */
  becomeVerbs: readonly string[];
  /** "crashed", "froze": a system fails by itself. */
  failVerbs: readonly string[];
  failureStates: readonly string[];
  /** Subjects that are a failure ("an outage", "things"). */
  failureNouns: readonly string[];
  /** Subjects that experience a failure rather than stand for it: people, and units of work (requests, jobs). */
  experiencers: readonly string[];
  /** Words of harm in the object of "suffered"/"experienced". */
  harm?: readonly string[];
  /**
   * "suffered", "sustained": verbs that make even us a victim ("we suffered a major outage"): the
   * failure befalls us and nobody caused it. "We experienced errors" only reports; it stays fine.
   */
  victimVerbs?: readonly string[];
}

export const DEFAULT_AGENCY_LISTS: AgencyLists = { ...agencyPhrases, harm: impactPhrases.harm };

export type AgentlessKind = 'happen' | 'suffer' | 'become' | 'fail';

export interface AgentlessFailure {
  start: number;
  end: number;
  subject: Subject;
  kind: AgentlessKind;
  /** "We suffered a major outage": the writer tells itself as the failure's victim. */
  victim?: boolean;
}

interface Compiled {
  prefilter: RegExp;
  failureWords: RegExp[];
  verbs: RegExp;
  kinds: [AgentlessKind, RegExp][];
  states: RegExp;
  failure: RegExp;
  people: RegExp;
  suffer: RegExp;
  victim: RegExp;
  harm: RegExp;
}

/** A word before a verb that makes it anything but past narration of a failure. */
const NOT_NARRATION = /^(?:is|are|am|being|will|would|may|might|can|could|should|must|shall|to|not|never|\w+n't|cannot|if|unless)$/;
/** The word before a run of perfect auxiliaries right before the verb ("may" in "may have been"), separated by spaces only. */
const AUXILIARY_RUN = /(?:^|[^\p{L}'])([\p{L}']+)(?:\s+(?:have|has|had|be|been))+\s+$/iu;
/** Words that make verbGroup call the group modal, negated or an infinitive whatever their tags (subjects.ts reads them by word). */
const MODAL_OR_NEGATION = /^(?:will|would|may|might|can|could|should|must|shall|to|not|never|\w+n't|cannot)$/;

const compiledLists = new WeakMap<AgencyLists, Compiled>();
/** Irregular past forms that are never present or infinitive. */
const ONLY_PAST = new Set(['went', 'became', 'grew', 'fell', 'arose', 'underwent', 'froze', 'broke', 'took', 'came', 'turned']);

/** A whole-string match of a phrase list (compiled once per list). */
const anchoredCache = new WeakMap<readonly string[], RegExp>();
function anchored(list: readonly string[]): RegExp {
  let re = anchoredCache.get(list);
  if (!re) anchoredCache.set(list, (re = new RegExp(`^(?:${list.map((p) => `(?:${p})`).join('|') || '(?!)'})$`, 'iu')));
  return re;
}

function compile(lists: AgencyLists): Compiled {
  let c = compiledLists.get(lists);
  if (!c) {
    const prefilter = phraseRegex([...lists.happenVerbs, ...lists.sufferVerbs, ...lists.becomeVerbs, ...lists.failVerbs]);
    const harm = phraseRegex(lists.harm ?? impactPhrases.harm);
    c = {
      prefilter,
      // A failure verb with no failure word around it can still fail by itself ("the database crashed").
      failureWords: [phraseRegex(lists.failureNouns), phraseRegex(lists.failureStates), harm, phraseRegex(lists.failVerbs)],
      verbs: new RegExp(prefilter.source, 'giu'),
      kinds: [
        ['happen', anchored(lists.happenVerbs)],
        ['suffer', anchored(lists.sufferVerbs)],
        ['become', anchored(lists.becomeVerbs)],
        ['fail', anchored(lists.failVerbs)],
      ],
      states: anchored(lists.failureStates),
      failure: anchored(lists.failureNouns),
      people: anchored(lists.experiencers),
      suffer: anchored(lists.sufferVerbs),
      victim: anchored(lists.victimVerbs ?? agencyPhrases.victimVerbs),
      harm,
    };
    compiledLists.set(lists, c);
  }
  return c;
}

/** Cheap text test before any tagging: one of the verbs, and a failure word. */
export function mayHaveAgentlessFailure(text: string, lists: AgencyLists = DEFAULT_AGENCY_LISTS): boolean {
  const c = compile(lists);
  return c.prefilter.test(text) && c.failureWords.some((re) => re.test(text));
}

/**
 * "may have experienced", "to have occurred", "not have happened": a modal, "to" or a negation
 * before a run of perfect auxiliaries right before the verb at `at`. verbGroup (subjects.ts)
 * walks back over those words by their spelling, whatever compromise tags them, and calls the
 * group modal, negated or an infinitive, which rules the verb out: so can this, before tagging.
 */
export function modalBeforeAuxiliaries(text: string, at: number): boolean {
  const run = AUXILIARY_RUN.exec(text.slice(0, at));
  return !!run && MODAL_OR_NEGATION.test(run[1].toLowerCase());
}

/** The clauses in the sentence whose actor is the failure itself. */
export function findAgentlessFailures(sentence: Sentence, lists: AgencyLists = DEFAULT_AGENCY_LISTS): AgentlessFailure[] {
  const c = compile(lists);
  const text = sentence.text;
  const hits: AgentlessFailure[] = [];
  if (!mayHaveAgentlessFailure(text, lists)) return hits;
  // Rule out hits from the word before them, without tagging: "users experienced" (people are
  // experiencers), "is experiencing"/"may occur"/"to happen"/"not happened" (not past narration).
  c.verbs.lastIndex = 0;
  const matches = [...text.matchAll(c.verbs)].filter((m) => {
    const previous = /([\p{L}']+)\W*$/u.exec(text.slice(Math.max(0, (m.index ?? 0) - 40), m.index))?.[1].toLowerCase() ?? '';
    if (NOT_NARRATION.test(previous)) return false;
    if (modalBeforeAuxiliaries(text, m.index ?? 0)) return false;
    if (c.victim.test(m[0]) && /^(?:we|i)$/.test(previous)) return true;
    return !(c.suffer.test(m[0]) && (c.people.test(previous) || /^(?:we|i|you|they)$/.test(previous)));
  });
  if (matches.length === 0) return hits;
  const nlp: Analysis = sentence.nlp;
  const terms = nlp.terms;
  for (const m of matches) {
    const at = m.index ?? 0;
    const verbIndex = terms.findIndex((t) => t.start <= at && at < t.end);
    if (verbIndex < 0) continue;
    const verb = terms[verbIndex];
    // Past narration only: "is experiencing" is a live status, "experienced engineers" an adjective.
    // compromise can tag a phrasal past as present ("went down": went/PresentTense), so a form
    // that is only ever past counts as past whatever its tag.
    const past = verb.tags.has('PastTense') || verb.tags.has('Participle') || verb.tags.has('Passive') || ONLY_PAST.has(verb.normal);
    if (!verb.tags.has('Verb') || !past) continue;
    const group = verbGroup(text, nlp, verbIndex);
    if (group.negated || group.modal || group.infinitive || group.present) continue;
    const kind = c.kinds.find(([, re]) => re.test(m[0].toLowerCase().replace(/\s+/g, ' ')))?.[0];
    if (!kind) continue;
    const subject = subjectOf(text, nlp, verbIndex);
    if (!subject || subject.negated) continue;
    const head = subject.head.normal.replace(/'s$/, '');
    const isFailure = c.failure.test(head);
    // People anywhere in the subject ("100% of users attempting to sign up") make them the
    // experiencers: that describes impact, not a failure acting by itself. The clause's first
    // noun is its grammatical subject when the walk to the head got lost in a long modifier.
    const clauseStart = clauseStartIndex(text, nlp, verbIndex);
    const firstNoun = terms.slice(clauseStart, verbIndex).find((t) => t.tags.has('Noun') && !t.tags.has('Value') && !t.tags.has('Date'));
    const isPerson = isPersonTerm(subject.head, c.people) || (!!firstNoun && isPersonTerm(firstNoun, c.people));
    let end = at + m[0].length;
    let victim = false;
    if (kind === 'happen') {
      if (!isFailure) continue;
    } else if (kind === 'fail') {
      // "the database crashed": a thing fails by itself; "users stopped working" is not a failure.
      if (isPerson || c.people.test(head) || group.be) continue;
    } else if (kind === 'suffer') {
      if (group.be) {
        // "errors were experienced": the failure is the subject of a passive.
        if (!isFailure) continue;
      } else {
        // "the network suffered critical disruption": a system undergoes harm, nobody caused it.
        // "We suffered a major outage": we are its victim, and the outage has no cause either.
        const victimWe = /^(?:we|i)$/.test(subject.head.normal) && c.victim.test(m[0]);
        if ((isPerson && !victimWe) || isFailure) continue;
        const object = clauseAfter(text, nlp, verbIndex);
        if (!object || /^\s*(?:no|zero|none)\b/i.test(object.text)) continue;
        const harm = c.harm.exec(object.text) ?? (victimWe ? c.failureWords[0].exec(object.text) : null);
        if (!harm) continue;
        end = object.start + harm.index + harm[0].length;
        victim = victimWe;
      }
    } else {
      // "became unstable", "went wrong": the state must be a failure, within two words.
      if (isPerson) continue;
      const stateIndex = [verbIndex + 1, verbIndex + 2].find(
        (k) => terms[k] && !punctuationBetween(text, terms[k - 1], terms[k]) && c.states.test(terms[k].normal),
      );
      if (stateIndex === undefined || terms.slice(verbIndex + 1, stateIndex).some(isNegation)) continue;
      end = terms[stateIndex].end;
    }
    hits.push({ start: subject.start, end, subject, kind, ...(victim ? { victim } : {}) });
  }
  return hits;
}

/** The rest of the verb's clause (its object), up to punctuation or a new clause, at most eight words. */
function clauseAfter(text: string, nlp: Analysis, verbIndex: number): { text: string; start: number } | undefined {
  const terms = nlp.terms;
  let last = verbIndex;
  for (let k = verbIndex + 1; k < terms.length && k <= verbIndex + 8; k++) {
    if (punctuationBetween(text, terms[k - 1], terms[k])) break;
    if (['and', 'but', 'which', 'that', 'while', 'when', 'because', 'due', 'after', 'leading'].includes(terms[k].normal) && k > verbIndex + 1) break;
    last = k;
  }
  if (last === verbIndex) return undefined;
  return { text: text.slice(terms[verbIndex + 1].start, terms[last].end), start: terms[verbIndex + 1].start };
}

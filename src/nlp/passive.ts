// Passive voice: "the issue has been identified", "payments could not be sent", "checkout was
// impacted by a deploy we made". Shared by passive-voice and by any rule that asks whether a
// clause hides its actor. compromise tags the words; this module decides which be + participle
// groups are passives, which are states ("the service is degraded"), whether a "by" phrase names
// an agent ("by our provider") or only a manner ("by mistake", "by 14:00 UTC"), and whether a
// negated passive reassures ("no data was lost") or reports a failure ("payments were not sent").

import type { Analysis, Term } from './analysis.js';
import type { Clause } from '../engine/model.js';
import type { Span } from './matchers.js';
import { deniedByLead } from './denials.js';
import { phraseRegex } from './phrases.js';
import passivePhrases from './phrases/passive.json' with { type: 'json' };
import participleData from './phrases/participles.json' with { type: 'json' };

export const PASSIVE_PHRASES = passivePhrases;

export interface PassiveMatch extends Span {
  /** The participle, e.g. "identified". */
  verb: Term;
  /** Index of the first term of the verb group ("has" in "has not been fixed"), of the be-form, and of the participle. */
  groupIndex: number;
  auxIndex: number;
  verbIndex: number;
  /** A "by" agent follows ("was caused by a bad deploy"); not a manner or time ("by mistake", "by 14:00"). */
  hasAgent: boolean;
  /** The agent's phrase after "by", when there is one. */
  agent?: Span;
  /** A particle belongs to the verb ("rolled out", "rolled back"). */
  particle?: Term;
  /** The agent's head is an act that names nobody ("by an accidental deletion of records"). */
  agentAct?: Term;
  /**
   * The passive tells of no act that happened: it sits in a condition ("if the limit is reached
   * again") or a purpose ("so a repeat will be caught sooner", "to ensure all lines are restored").
   */
  hypothetical: boolean;
  /** An imperative to the reader ("please be assured"): the reader is addressed, nobody is hidden. */
  address: boolean;
  /** A manner of error goes with it ("switched off unintentionally", "deleted by mistake"): a mistake someone made. */
  mistake: boolean;
  /** An apology in the passive ("the disruption is deeply regretted"): it hides who is sorry. */
  apology: boolean;
  /**
   * A passive infinitive after a verb of causing ("a bad update caused traffic to be routed
   * incorrectly"): the sentence names what made it happen, as a "by" agent would.
   */
  caused: boolean;
  /**
   * The passive's subject is also the subject of a verb coordinated after it ("a team has been
   * sent and is working on it"): moving it behind an active verb would leave the second verb without one.
   */
  sharedSubject: boolean;
}

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', "'s", "'re", 'get', 'gets', 'got', 'getting', 'gotten']);
const ALLOWED_BETWEEN = new Set(['now', 'also', 'already', 'just', 'since', 'then', 'successfully', 'fully', 'finally', 'quickly', 'still', 'all', 'both', 'partially', 'automatically', 'manually', 'temporarily', 'completely', 'largely', 'mostly', 'recently', 'further']);
// Contracted negative modals too: compromise splits "cannot" into "cannot" and an empty negation.
const LEADING_AUX = new Set(['has', 'have', 'had', 'will', 'would', 'may', 'might', 'can', 'could', 'should', 'must', 'shall', 'cannot', "can't", "won't", "couldn't", "wouldn't", "shouldn't", "mustn't", "hasn't", "haven't", "hadn't"]);
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
const NEVER_ADVERB = new Set(['a', 'an', 'the', 'our', 'your', 'their', 'its', 'my', 'we', 'you', 'they', 'i', 'it', 'to', 'of', 'for', 'with', 'from', 'at', 'and', 'or', 'nor']);
// A figure ("was 46% and peaked", "were 2x slower") is a Value to compromise, never an adverb.
const STARTS_WITH_DIGIT = /^[0-9]/;
const WORDS = /[a-z0-9'\u2019]+(?:-[a-z0-9'\u2019]+)*/g;

// "re-routed", "rolled-back": compromise may keep the hyphenated word whole or split it.
const isPastForm = (word: string): boolean =>
  PARTICIPLE_ENDING.test(word) || IRREGULAR_PAST.has(word) || (word.includes('-') && word.split('-').some(isPastForm));

// "it's", "we're": compromise splits the contraction into a be-form.
const isBeWord = (word: string) =>
  BE.has(word) || word.endsWith("'s") || word.endsWith('\u2019s') || word.endsWith("'re") || word.endsWith('\u2019re');
// Some word of WORDS is a be-form (isBeWord): the same word, not inside a longer one. Most
// sentences hold none, and this test spares them cutting the text into words.
const ANY_BE_WORD = new RegExp(
  `(?<![a-z0-9'\u2019])(?:${[...BE].filter((w) => /^[a-z]+$/.test(w)).join('|')})(?![a-z0-9'\u2019])|['\u2019](?:s|re)(?![a-z0-9'\u2019])`,
);

const AGENT_DETERMINERS = new Set(['a', 'an', 'the', 'this', 'these', 'that', 'those']);

/** Does the agent starting at word `from` open with the incident itself ("by the outage", "by this")? */
function byIncident(words: readonly string[], from: number): boolean {
  const incident = phraseRegex(passivePhrases.incidentAgents);
  if (words[from] !== undefined && incident.test(words[from]) && !AGENT_DETERMINERS.has(words[from])) return true;
  return words[from] !== undefined && AGENT_DETERMINERS.has(words[from]) && words[from + 1] !== undefined && incident.test(words[from + 1]);
}

/** Could this sentence hold a passive (other than a state)? Saves tagging most sentences. */
export function mayHavePassive(text: string, statesList: readonly string[] = passivePhrases.states): boolean {
  const lower = text.toLowerCase();
  if (!ANY_BE_WORD.test(lower)) return false;
  const words = lower.match(WORDS);
  if (!words) return false;
  let states: RegExp | undefined;
  let mistakes: RegExp | undefined;
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
        // "was not isolated to one region": a scope, which findPassives rules out the same way.
        if (words[k + 1] === 'to' && phraseRegex(passivePhrases.statesBeforeTo).test(word)) break;
        states ??= phraseRegex(statesList);
        // "impacted by a deploy": a state with an agent is an event someone caused, unless the
        // agent is the incident itself ("affected by the outage"), as findPassives decides; so is
        // a state done by mistake ("disabled unintentionally"). Any "by" within the agent's reach
        // counts here, where findPassives reads which words stand between.
        if (!states.test(word)) return true;
        for (let b = k + 1; b < words.length && b <= k + AGENT_REACH + 1; b++) if (words[b] === 'by' && !byIncident(words, b + 1)) return true;
        mistakes ??= phraseRegex(passivePhrases.mistakeManners);
        if (mistakes.test(words.slice(i, k + 4).join(' '))) return true;
        break;
      }
      if (NEVER_ADVERB.has(word) || word.endsWith('ing') || STARTS_WITH_DIGIT.test(word)) break;
    }
  }
  return false;
}

export interface AgentLists {
  /** Nouns after "by" that give a manner, not an actor ("by mistake", "by email"). */
  notAgents: readonly string[];
  /** Agents that are the incident itself ("affected by the outage"): a state stays a state. */
  incidentAgents: readonly string[];
}

const DEFAULT_AGENT_LISTS: AgentLists = { notAgents: passivePhrases.notAgents, incidentAgents: passivePhrases.incidentAgents };

/**
 * The agent of a passive: "by" within two words after the participle, then a noun phrase whose
 * head is not a time ("by 14:00 UTC", "by Friday"), an amount ("by 20%") or a manner ("by
 * mistake", "by email").
 */
function agentAfter(terms: readonly Term[], last: number, lists: AgentLists): { span: Span; isIncident: boolean; head: Term } | undefined {
  // compromise keeps punctuation outside a term's text: a gap wider than one space holds some.
  const breakAfter = (k: number) => k + 1 >= terms.length || terms[k + 1].start - terms[k].end > 1;
  let by = -1;
  for (let k = last + 1; k < terms.length && k <= last + AGENT_REACH; k++) {
    if (breakAfter(k - 1)) return undefined;
    if (terms[k].normal === 'by') {
      by = k;
      break;
    }
    // Past the first three words only an adverbial ("within three minutes", "at 09:12 UTC") or a
    // coordinated participle ("detected and mitigated by") may stand before the agent: a verb or
    // a clause opener starts another phrase whose "by" is not this passive's ("the region served by").
    if (k > last + 2 && !adverbialWord(terms, k)) return undefined;
  }
  if (by < 0 || breakAfter(by)) return undefined;
  let k = by + 1;
  // Premodifiers, including a participle before its noun ("by an attempted migration").
  const premodifier = (t: Term) => t.tags.has('Determiner') || t.tags.has('Possessive') || t.tags.has('Adjective') || (isParticiple(t) && !!(terms[k + 1]?.tags.has('Noun') || terms[k + 1]?.tags.has('Gerund')));
  while (k < terms.length && premodifier(terms[k]) && !breakAfter(k)) k++;
  const head = terms[k];
  if (!head) return undefined;
  // A gerund after a premodifier is a noun: "by automated monitoring", "by our alerting".
  const gerundNoun = k > by + 1 && head.tags.has('Gerund');
  // "by one of our service providers": a count before "of" names who, "by 20%" or "by 14:00" does not.
  const countOf = head.tags.has('Value') && !/^\d/.test(head.text) && terms[k + 1]?.normal === 'of' && !breakAfter(k);
  if (head.tags.has('Date') || head.tags.has('Time') || head.tags.has('Duration') || (head.tags.has('Value') && !countOf) || /^\d/.test(head.text)) return undefined;
  if (phraseRegex(lists.notAgents).test(head.normal)) return undefined;
  if (!(head.tags.has('Noun') || head.tags.has('Pronoun') || countOf || gerundNoun)) return undefined;
  // The agent runs to the end of its clause ("a deploy we made", "our provider's DNS service").
  let end = k;
  // A modal or auxiliary starts the main clause ("members affected by the delays can claim …").
  // An auxiliary after a pronoun belongs to a relative clause ("a deploy that we had made").
  const mainVerb = (at: number) =>
    terms[at].tags.has('Modal') || (terms[at].tags.has('Auxiliary') && terms[at].normal !== 'being' && !terms[at - 1].tags.has('Pronoun') && !['that', 'which', 'who', 'whom'].includes(terms[at - 1].normal));
  while (!breakAfter(end) && end < k + 8 && !['and', 'but', 'so', 'while', 'because', 'which', 'after', 'before', 'when'].includes(terms[end + 1].normal) && !mainVerb(end + 1)) end++;
  // "affected by the outage", "impacted by it": the head says whether the agent is the incident.
  const isIncident = phraseRegex(lists.incidentAgents).test(head.normal);
  return { span: { start: terms[by + 1].start, end: terms[end].end }, isIncident, head };
}

/** How far after the participle a "by" may stand: "was detected within three minutes by automated monitoring". */
const AGENT_REACH = 8;

/** A word of an adverbial between a participle and its agent, or "and"/"or" joining a second participle. */
function adverbialWord(terms: readonly Term[], k: number): boolean {
  const t = terms[k];
  if (t.normal === 'and' || t.normal === 'or') return !!terms[k + 1] && (isParticiple(terms[k + 1]) || isPastForm(terms[k + 1].normal));
  // The participle after "and" ("and mitigated by a rollback").
  if ((terms[k - 1]?.normal === 'and' || terms[k - 1]?.normal === 'or') && (isParticiple(t) || isPastForm(t.normal))) return true;
  if (t.tags.has('Verb') || t.tags.has('Pronoun') || t.tags.has('Conjunction')) return false;
  return ['Preposition', 'Adverb', 'Determiner', 'Adjective', 'Noun', 'Value', 'Date', 'Time', 'Duration', 'Possessive'].some((tag) => t.tags.has(tag));
}

function isParticiple(term: Term): boolean {
  return term.tags.has('Verb') && (term.tags.has('PastTense') || term.tags.has('Participle') || term.tags.has('Passive')) && !term.tags.has('Auxiliary');
}

/**
 * Finds passive verb phrases: a form of "be" (or "get"), optional adverbs, then a participle.
 * Adjectival states are not passives: compromise tags them Adjective ("users are affected"), and
 * a list of state participles catches the rest ("the service is degraded").
 */
export function findPassives(
  analysis: Analysis,
  statesList: readonly string[] = passivePhrases.states,
  lists: AgentLists = DEFAULT_AGENT_LISTS,
): PassiveMatch[] {
  const states = phraseRegex(statesList);
  const mistakeManners = phraseRegex(passivePhrases.mistakeManners);
  const apologies = phraseRegex(passivePhrases.apologies);
  const acts = phraseRegex(passivePhrases.acts);
  const actNouns = phraseRegex(passivePhrases.actNouns);
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
    if (!verb) continue;
    // After "being" or "been" a past form is a participle even where compromise reads an
    // adjective: "mailboxes are being restored", "the issue has been isolated".
    const afterBeen = ['being', 'been'].includes(terms[j - 1]?.normal ?? '') && verb.tags.has('Adjective') && isPastForm(verb.normal);
    // compromise reads some past forms as adjectives after any be-form ("the rule was not updated",
    // "the disruption is deeply regretted"); they are acts when the words say so: an act participle
    // in the past tense or negated, an apology, or a manner of error.
    const mistake = mistakeManners.test(wordsAround(terms, i, mannerEnd(terms, j)));
    const apology = apologies.test(verb.normal);
    const pastOrNegated = terms.slice(i, j).some((t) => t.normal === 'was' || t.normal === 'were' || NEGATIONS.has(t.normal) || t.tags.has('Negative'));
    const adjectivalAct = verb.tags.has('Adjective') && isPastForm(verb.normal) && (apology || mistake || (pastOrNegated && acts.test(verb.normal)));
    if (!isParticiple(verb) && !afterBeen && !adjectivalAct) continue;
    // "is going", "was running": progressive, not passive.
    if (verb.tags.has('Gerund')) continue;
    const next = terms[j + 1];
    const particle = next && PARTICLES.has(next.normal) && !next.tags.has('Noun') ? next : undefined;
    const agent = agentAfter(terms, particle ? j + 1 : j, lists);
    // A state ("users are affected") is no passive, unless someone is named as acting on it
    // ("checkout was impacted by a deploy we made"; the incident itself is not such an agent) or
    // it was done by mistake ("sites were disabled unintentionally").
    if (states.test(verb.normal) && !(agent && !agent.isIncident) && !mistake) continue;
    // "was not isolated to one repository": a scope, not an act.
    if (next?.normal === 'to' && phraseRegex(passivePhrases.statesBeforeTo).test(verb.normal)) continue;
    const hasAgent = !!agent;
    const end = (particle ?? verb).end;
    // Show the whole verb group: "has now been identified", "will be deployed".
    let first = i;
    while (first > 0 && LEADING_AUX.has(terms[first - 1].normal)) first--;
    // "has now been", "has not been": an adverb or negation between the auxiliaries.
    for (let k = i - 1; k > 0 && k >= i - 2; k--) {
      if (!(ALLOWED_BETWEEN.has(terms[k].normal) || NEGATIONS.has(terms[k].normal) || terms[k].tags.has('Negative'))) break;
      if (LEADING_AUX.has(terms[k - 1].normal)) first = k - 1;
    }
    const agentAct = agent && !agent.isIncident && actNouns.test(agent.head.normal) && !namesActor(terms, agent.span, agent.head) ? agent.head : undefined;
    found.push({
      start: terms[first].start,
      end,
      verb,
      groupIndex: first,
      auxIndex: i,
      verbIndex: j,
      hasAgent,
      agent: agent?.span,
      particle,
      agentAct,
      hypothetical: inHypothetical(terms, first, i),
      address: isAddress(terms, first, i),
      mistake,
      apology,
      caused: afterCausing(terms, i),
      sharedSubject: subjectSharedAfter(terms, particle ? j + 1 : j),
    });
    i = j;
  }
  return found;
}

/**
 * "caused traffic to be routed", "what was causing the alerts to be triggered": "to be" after a
 * verb of causing, whose object may be long ("caused some customers whose traffic … to be blocked").
 */
function afterCausing(terms: readonly Term[], be: number): boolean {
  // "led to some card payments getting refused", "resulted in orders being dropped": a gerund
  // passive after a verb of leading to.
  if (/^(?:getting|being)$/.test(terms[be].normal)) {
    for (let k = be - 1; k >= 1 && k >= be - 12; k--) {
      if (terms[k].normal === 'to' && /^(?:led|lead|leads|leading)$/.test(terms[k - 1].normal)) return true;
      if (terms[k].normal === 'in' && /^(?:resulted|result|results|resulting)$/.test(terms[k - 1].normal)) return true;
    }
    return false;
  }
  if (terms[be].normal !== 'be' || terms[be - 1]?.normal !== 'to') return false;
  for (let k = be - 2; k >= 0 && k >= be - 16; k--) if (/^(?:caus(?:e|es|ed|ing)|made|forced|led)$/.test(terms[k].normal)) return true;
  return false;
}

/** The last word a manner after the participle may reach: two words, not past punctuation ("deleted by mistake"). */
function mannerEnd(terms: readonly Term[], participle: number): number {
  let end = participle;
  while (end < participle + 2 && terms[end + 1] && terms[end + 1].start - terms[end].end <= 1) end++;
  return end;
}

/** The normal forms of terms from..to joined by spaces, for phrase lists of several words ("by mistake"). */
function wordsAround(terms: readonly Term[], from: number, to: number): string {
  // Joined in a loop: a mapped slice changes array shape between empty and not, a deopt.
  const first = Math.max(0, from);
  const last = Math.min(terms.length, to + 1);
  let words = '';
  for (let k = first; k < last; k++) words += k === first ? terms[k].normal : ` ${terms[k].normal}`;
  return words;
}

/**
 * Does the agent phrase of an act say whose act it was: a possessive before it ("our migration"),
 * a person after it ("a deploy we made", "a deletion of records by one of our engineers")?
 */
function namesActor(terms: readonly Term[], span: Span, head: Term): boolean {
  return terms.some(
    (t) =>
      t.start >= span.start &&
      t.end <= span.end &&
      ((t.end <= head.start && t.tags.has('Possessive')) || (t.start > head.start && (t.normal === 'by' || ['we', 'i', 'they', 'he', 'she', 'you'].includes(t.normal)))),
  );
}

/** Words a passive's subject may hold, scanning back from its verb group to what opens the clause. */
const isSubjectWord = (t: Term) =>
  ['Noun', 'Determiner', 'Adjective', 'Possessive', 'Value', 'Pronoun', 'ProperNoun', 'Acronym'].some((tag) => t.tags.has(tag)) && !t.tags.has('Verb') && !t.tags.has('Conjunction');

/** The index of the first word of the passive's subject (its clause opens right before it). */
function subjectStart(terms: readonly Term[], group: number): number {
  let k = group - 1;
  // "if limits are reached": a plural noun compromise read as a verb, right before the verb group.
  if (k > 0 && terms[k].tags.has('PresentTense') && /[^s]s$/.test(terms[k].normal) && !terms[k].tags.has('Auxiliary')) k--;
  for (let n = 0; k >= 0 && n < 8 && isSubjectWord(terms[k]) && !['that', 'which', 'who'].includes(terms[k].normal); k--, n++) {
    if (k > 0 && terms[k].start - terms[k - 1].end > 1) return k;
  }
  return k + 1;
}

let hypotheticalLead: RegExp | undefined;
const PENDING = new Set(['once', 'until', 'till', 'when', 'whenever', 'before', 'after']);
const HAVE = new Set(['has', 'have', 'had']);
const MODALS = new Set(['will', 'would', 'can', 'could', 'may', 'might', 'shall', 'should']);

/**
 * Is the passive in a condition or a purpose, the words before its subject say ("if the limit is
 * reached", "so that a repeat is caught", "to ensure all lines were restored")? A bare "so" is a
 * purpose only before a modal: "so a repeat will be caught sooner", not "so requests were dropped".
 */
function inHypothetical(terms: readonly Term[], group: number, be: number): boolean {
  const open = subjectStart(terms, group);
  hypotheticalLead ??= new RegExp(`(?:^|\\s)(?:${passivePhrases.hypotheticalLeads.join('|')})$`);
  if (hypotheticalLead.test(wordsAround(terms, open - 4, open - 1))) return true;
  const opener = terms[open - 1]?.normal;
  // "once it is fixed", "after they are closed", "when service will be restored": not yet, or
  // any time; "when the fix was deployed" is a fact.
  if (opener && PENDING.has(opener)) return !terms.slice(group, be + 1).some((t) => t.normal === 'was' || t.normal === 'were' || HAVE.has(t.normal));
  return opener === 'so' && terms.slice(group, be).some((t) => MODALS.has(t.normal));
}

/** "Please be assured", "Be advised": a bare "be" opening its clause tells the reader something. */
function isAddress(terms: readonly Term[], group: number, be: number): boolean {
  if (group !== be || terms[be].normal !== 'be') return false;
  const before = terms[be - 1];
  return !before || before.normal === 'please' || before.start === 0 || terms[be].start - before.end > 1;
}

const CLAUSE_OPENERS = new Set(['which', 'that', 'who', 'whom', 'whose', 'where', 'when', 'while', 'after', 'before', 'because', 'since', 'until', 'once', 'if', 'unless', 'as', 'so']);

/**
 * Does a verb coordinated after the passive share its subject ("has been dispatched and is
 * working")? "and" followed by a verb, with no subject of its own, joins a second predicate.
 */
function subjectSharedAfter(terms: readonly Term[], last: number): boolean {
  for (let k = last + 1; k < terms.length && k <= last + 12; k++) {
    // "was deployed at 06:22 after which services began … and burned down": a clause of its own.
    if (CLAUSE_OPENERS.has(terms[k].normal)) return false;
    if (!['and', 'or', 'but'].includes(terms[k].normal)) continue;
    let n = k + 1;
    while (n < terms.length && terms[n].tags.has('Adverb') && !terms[n].tags.has('Verb')) n++;
    const next = terms[n];
    const verb = !!next && (next.tags.has('Verb') || next.tags.has('Auxiliary') || next.tags.has('Modal')) && !next.tags.has('Noun') && !next.tags.has('Gerund');
    // Only a singular verb breaks a rewrite with "we" ("we have sent a team and is working");
    // "… has been deployed, and are now watching" (the writer left out "we"), "… and will
    // report back" and "… and began" read well after "we".
    return verb && SINGULAR_VERB.test(next.normal);
  }
  return false;
}
const SINGULAR_VERB = /^(?:is|was|has|does|isn't|wasn't|hasn't|doesn't|(?!is$|was$|has$|does$)[a-z]+[^s]s)$/;

/**
 * A passive inside a denied finding or belief: "we have found no evidence that any data was
 * taken", "we do not believe any payment details were accessed". The clause reports what did not
 * happen, so nobody is hidden by it (src/nlp/denials.ts decides, as it does for harm).
 */
export function isInDeniedEvidence(text: string, analysis: Analysis, match: PassiveMatch): boolean {
  const first = analysis.terms[match.groupIndex];
  // The lead must govern the passive's own clause: at most its subject stands between them.
  return !!first && deniedByLead(text.slice(0, first.start), undefined, 6, true);
}

/** What opens a clause joined to the one before: "…, and", "so", "then", or a time ("after", "once"). */
const JOINED = new Set(['and', 'so', 'then', 'after', 'once', 'when', 'as', 'while', 'before']);

/**
 * Does the sentence say that we acted, so the passive hides nobody? A clause joined after an act
 * of ours: "we retuned the filter and the issue has since been resolved", "engineers have worked
 * through the night and service is being restored", "the team carried on after the site was
 * restored". `clauses` are the sentence's clause facts.
 */
export function saidByUs(analysis: Analysis, match: PassiveMatch, clauses: readonly Clause[]): boolean {
  const terms = analysis.terms;
  const opener = terms[subjectStart(terms, match.groupIndex) - 1];
  if (!opener || !JOINED.has(opener.normal)) return false;
  return clauses.some((c) => c.end <= opener.start && c.agent === 'we' && !c.passive && !c.negated && c.modality === 'fact' && !c.infinitive);
}

/** True for a negated passive ("no data was lost", "payments could not be sent"). */
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
  // "The regulator and the police have been informed": two subjects joined, not a new clause.
  if (before && ['and', 'or', 'nor'].includes(before.normal) && !terms.slice(0, start - 1).some((t) => t.tags.has('Verb'))) return undefined;
  // The phrase must hold a noun or pronoun to be a subject.
  if (!terms.slice(start, end + 1).some((t) => t.tags.has('Noun') || t.tags.has('Pronoun'))) return undefined;
  return { start: terms[start].start, end: terms[end].end };
}

/**
 * A negated passive of harm done to the reader reassures ("no data was lost", "your card was not
 * charged"); a negated act is a failure that still hides who failed ("salary payments could not
 * be sent", "no further changes will be made").
 */
export function isReassurance(analysis: Analysis, match: PassiveMatch, harms: readonly string[] = passivePhrases.reassurances): boolean {
  return isNegatedPassive(analysis, match) && phraseRegex(harms).test(match.verb.normal);
}

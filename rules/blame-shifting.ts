import { defineRule, type CauseFact, type Sentence, type Statement } from '../src/rule.js';
import type { Term } from '../src/nlp/analysis.js';
import { globalPhraseRegex, mayOccurIn, phraseRegex } from '../src/nlp/phrases.js';
import { mayTellSubjectCause } from '../src/nlp/understanding.js';
import { clauseStartIndex, isNegation, subjectOf } from '../src/nlp/subjects.js';
import data from './data/blame-shifting.json' with { type: 'json' };

interface Options {
  /** Words that assign a cause ("caused by", "due to"). */
  causeMarkers: string[];
  /** Verbs whose subject did the harm ("our provider's failure caused the outage"). */
  harmVerbs: string[];
  /** Parties fault can be put on. */
  users: string[];
  vendors: string[];
  nature: string[];
  attackers: string[];
  /** Signs that an attack is established, not assumed. */
  attackEvidence: string[];
  /** Phrases that disown the failure outright ("beyond our control"). */
  disowning: string[];
  /** Phrases by which the statement owns the consequence ("that was our decision"). */
  ownership: string[];
}

type Party = 'users' | 'vendors' | 'nature' | 'attackers';
const PARTIES: Party[] = ['users', 'vendors', 'nature', 'attackers'];

interface Blame {
  party: Party | 'disowning';
  start: number;
  end: number;
}

/** Where a cause's complement ends: punctuation, or a word that opens a new clause or an effect. */
const COMPLEMENT_END = /[,;:.()]|\s(?:and|but|which|who|while|so|affecting|impacting|causing|leading|resulting|preventing|that (?:affected|impacted|caused|led)|for (?:some|all|many|our)|when|where|until|after|before)\b/i;
/** Verbs that place a failure at a supplier rather than make it a victim ("a shutdown impacting our courier partner"). */
const LOCUS_VERBS = /^(?:affect|impact|hit|strik|disrupt)\w*$/;
/** Where a cause's complement may run on for a supplier: "a shutdown impacting our courier partner". */
const LOCUS_CONTINUES = /^\s(?:affecting|impacting|hitting|striking|disrupting|at)\b/i;
/** Temporal clauses that tell a cause by its timing: "… were cancelled when an ice storm swept across the network". */
const TEMPORAL = /\b(?:when|as|after|once)\s/gi;
/** Verbs of repair: a party that fixed something in a "when/after" clause is not where the fault lies. */
const REPAIR_VERBS = /^(?:mitigat|resolv|fix|restor|recover|repair|rolled|revert|deploy|patch|address|clear|complet|finish|confirm|return)\w*$/;
/** Party words that say "elsewhere" wherever they stand in a phrase ("an upstream problem"). */
const LOCATIVE_PARTY = /^(?:third[- ]?part(?:y|ies)|(?:upstream|downstream|external|outside)\b.*)$/i;

function partyRegex(options: Options, party: Party): RegExp {
  return phraseRegex(options[party]);
}

/** The terms from `from` (inclusive) to `to` (exclusive) offsets. */
function termsIn(terms: readonly Term[], from: number, to: number): Term[] {
  return terms.filter((t) => t.start >= from && t.end <= to);
}

/**
 * Is the party word at `at` what the cause is about? It must head its noun phrase or possess it
 * ("users running old versions", "customers' clients", "an issue with our upstream provider"),
 * not be a victim after a verb ("a change that affected customers").
 */
function partyIsTheCause(sentence: Sentence, complementStart: number, at: number, end: number, party: Party): boolean {
  const terms = sentence.nlp.terms;
  const inRange = termsIn(terms, complementStart, sentence.text.length);
  const index = inRange.findIndex((t) => t.start <= at && at < t.end);
  if (index < 0) return false;
  const word = inRange[index];
  if (word.tags.has('Verb') && !word.tags.has('Noun')) return false;
  const before = inRange.slice(0, index);
  // A verb between the marker and the party makes the party its object: a victim, not the cause.
  // A participle after a determiner describes a noun ("a misconfigured record") and does not count.
  const attributive = (k: number) => k > 0 && (before[k - 1].tags.has('Determiner') || before[k - 1].tags.has('Adjective') || before[k - 1].tags.has('Possessive'));
  // "a shutdown impacting our courier partner": for a supplier, the failure happened at theirs.
  const atParty = (t: Term) => party === 'vendors' && LOCUS_VERBS.test(t.normal);
  if (before.some((t, k) => t.tags.has('Verb') && !t.tags.has('Auxiliary') && !t.tags.has('Adjective') && !t.tags.has('Hyphenated') && !attributive(k) && !atParty(t))) return false;
  if (party === 'users') {
    // Users must be the first noun phrase: "caused by users running …", "due to a few customers".
    if (before.some((t) => t.tags.has('Preposition') && t.normal !== 'of')) return false;
  }
  // Nature and attackers blame wherever they stand in the phrase ("a lightning strike", "a hacker group").
  if (party === 'nature' || party === 'attackers') return true;
  if (LOCATIVE_PARTY.test(sentence.text.slice(at, end)) || word.tags.has('Possessive') || /'$/.test(sentence.text.slice(at, end))) return true;
  // Head of its phrase: the next word is not another noun of the same phrase ("Azure Marketplace offering").
  const last = inRange.findIndex((t) => t.end >= end);
  const next = inRange[last + 1];
  const compound = next && next.tags.has('Noun') && !next.tags.has('Pronoun') && !/ing$/.test(next.normal) && !sentence.text.slice(inRange[last].end, next.start).trim();
  return !compound;
}

/** Extends a party word to the end of its noun phrase ("an upstream" -> "an upstream model provider"). */
function phraseEnd(sentence: Sentence, end: number, limit: number): number {
  let last = end;
  for (const t of sentence.nlp.terms) {
    if (t.start < end) continue;
    if (t.end > limit || !(t.tags.has('Noun') || t.tags.has('Adjective') || t.tags.has('Hyphenated')) || t.tags.has('Pronoun')) break;
    if (sentence.text.slice(last, t.start).trim()) break;
    last = t.end;
  }
  return last;
}

function findBlame(sentence: Sentence, options: Options, causeOf: () => CauseFact | undefined): Blame | undefined {
  const text = sentence.text;
  const disown = phraseRegex(options.disowning).exec(text);
  if (disown) return { party: 'disowning', start: disown.index, end: disown.index + disown[0].length };
  // Text-only passes first; the tagger is read only for a party inside a cause's complement.
  const markers = globalPhraseRegex(options.causeMarkers);
  const found: { start: number; end: number }[] = [];
  for (let m = markers.exec(text); m; m = markers.exec(text)) found.push({ start: m.index, end: m.index + m[0].length });
  for (const marker of found) {
    const rest = text.slice(marker.end);
    let stop = COMPLEMENT_END.exec(rest);
    // A supplier after "impacting"/"affecting" is still where the cause lies: read on to the next stop.
    // Not when the cause before it is ours ("a bug in our warehouse software affecting our partners").
    if (stop && LOCUS_CONTINUES.test(rest.slice(stop.index)) && !/\b(?:our|we|us)\b/i.test(rest.slice(0, stop.index))) {
      const further = COMPLEMENT_END.exec(rest.slice(stop.index + stop[0].length));
      stop = further ? ({ index: stop.index + stop[0].length + further.index } as RegExpExecArray) : null;
    }
    const complementEnd = marker.end + (stop ? stop.index : rest.length);
    const complement = text.slice(marker.end, complementEnd);
    for (const party of PARTIES) {
      const m = partyRegex(options, party).exec(complement);
      if (!m) continue;
      // "was not caused by users": a denied attribution blames nobody.
      const terms = sentence.nlp.terms;
      const markerIndex = terms.findIndex((t) => t.start >= marker.start);
      if (markerIndex >= 0) {
        const from = clauseStartIndex(text, sentence.nlp, markerIndex);
        if (terms.slice(from, markerIndex + 1).some(isNegation)) break;
      }
      const at = marker.end + m.index;
      if (!partyIsTheCause(sentence, marker.end, at, at + m[0].length, party)) continue;
      return { party, start: marker.start, end: phraseEnd(sentence, at + m[0].length, complementEnd) };
    }
  }
  // The cause as the subject of an effect verb (the shared cause fact): "a lightning strike on our
  // data centre knocked out payments", "our upstream provider's failure caused the outage".
  // The cause fact is read only here, and only when its words allow a cause told by its subject:
  // finding it may tag the sentence.
  const cause = mayTellSubjectCause(sentence.text) ? causeOf() : undefined;
  if (cause?.via === 'subject' && cause.cause) {
    const blame = partyInSubject(sentence, options, cause.cause, cause.end);
    if (blame) return blame;
  }
  const temporal = partyInTemporalClause(sentence, options);
  if (temporal) return temporal;
  // The party as the subject of a harm verb: "our upstream provider's failure caused the outage".
  const harm = globalPhraseRegex(options.harmVerbs);
  for (let m = harm.exec(text); m; m = harm.exec(text)) {
    const before = text.slice(0, m.index);
    if (!PARTIES.some((party) => partyRegex(options, party).test(before))) continue;
    const terms = sentence.nlp.terms;
    const verbIndex = terms.findIndex((t) => t.start <= m!.index && m!.index < t.end);
    if (verbIndex < 0 || !terms[verbIndex].tags.has('Verb')) continue;
    // "customers who have been disrupted by the lack of service": in the passive the subject is
    // the one harmed, not the one at fault.
    if (inPassive(terms, verbIndex)) continue;
    const subject = subjectOf(text, sentence.nlp, verbIndex);
    if (!subject || subject.negated) continue;
    const phrase = text.slice(subject.start, subject.end);
    for (const party of PARTIES) {
      const p = partyRegex(options, party).exec(phrase);
      if (!p) continue;
      // The party phrase's last word ("hosting partner" -> "partner") is what may head the subject.
      const at = subject.start + p.index + Math.max(0, p[0].trimEnd().length - 1);
      const word = terms.find((t) => t.start <= at && at < t.end);
      // The head of the subject, or its possessor ("the provider's failure").
      if (word && (word === subject.head || word.tags.has('Possessive') || LOCATIVE_PARTY.test(p[0]))) {
        return { party, start: subject.start, end: m.index + m[0].length };
      }
    }
  }
  return undefined;
}

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'got', 'gets', 'getting']);

/** Is the verb at `index` a participle after a form of "be" ("were disrupted", "have been knocked out")? */
function inPassive(terms: readonly Term[], index: number): boolean {
  for (let k = index - 1; k >= 0 && k >= index - 3; k--) {
    if (BE_FORMS.has(terms[k].normal)) return true;
    if (!(terms[k].tags.has('Adverb') || terms[k].tags.has('Negative'))) return false;
  }
  return false;
}

/** A party heading or possessing the cause phrase; nature and attackers anywhere in it. */
function partyInSubject(sentence: Sentence, options: Options, subject: { start: number; end: number }, end: number): Blame | undefined {
  const terms = sentence.nlp.terms;
  const phrase = sentence.text.slice(subject.start, subject.end);
  for (const party of PARTIES) {
    const p = partyRegex(options, party).exec(phrase);
    if (!p) continue;
    const at = subject.start + p.index + Math.max(0, p[0].trimEnd().length - 1);
    const word = terms.find((t) => t.start <= at && at < t.end);
    const last = [...terms].reverse().find((t) => t.end <= subject.end);
    if (party === 'nature' || party === 'attackers' || (word && (word === last || word.tags.has('Possessive') || LOCATIVE_PARTY.test(p[0])))) {
      return { party, start: subject.start, end };
    }
  }
  return undefined;
}

/** The parties a temporal clause can blame (users doing ordinary things are not blamed by one). */
const TEMPORAL_PARTIES = ['nature', 'vendors', 'attackers'] as const;

/**
 * Could a temporal clause's subject hold a party it can blame? The subject follows the first
 * temporal word, so some word of a party must stand after it (mayOccurIn: a no is certain).
 */
function partyMayFollowTemporal(text: string, options: Options): boolean {
  TEMPORAL.lastIndex = 0;
  const first = TEMPORAL.exec(text);
  if (!first) return false;
  const after = text.slice(first.index + first[0].length);
  return TEMPORAL_PARTIES.some((party) => mayOccurIn(options[party], after));
}

/**
 * A temporal clause whose subject is nature, a supplier or attackers tells the cause by its
 * timing: "trains were cancelled when an ice storm swept across the network". Users doing
 * ordinary things ("when customers signed in") are not blamed by it.
 */
function partyInTemporalClause(sentence: Sentence, options: Options): Blame | undefined {
  const text = sentence.text;
  // The rule's trigger may have let the sentence in for a cause word: tag it here only for a party.
  if (!partyMayFollowTemporal(text, options)) return undefined;
  TEMPORAL.lastIndex = 0;
  for (let m = TEMPORAL.exec(text); m; m = TEMPORAL.exec(text)) {
    const from = m.index + m[0].length;
    const terms = sentence.nlp.terms;
    const verbIndex = terms.findIndex((t) => t.start >= from && t.tags.has('Verb') && !t.tags.has('Auxiliary') && (t.tags.has('PastTense') || t.tags.has('PresentTense')));
    if (verbIndex < 0 || terms.slice(0, verbIndex).some((t) => t.start >= from && /[,;:]/.test(text.slice(t.end, t.end + 1)))) continue;
    // "after the provider mitigated the degradation": the party fixing it is not blamed by it.
    if (REPAIR_VERBS.test(terms[verbIndex].normal)) continue;
    const subject = subjectOf(text, sentence.nlp, verbIndex);
    if (!subject || subject.negated || subject.start < from) continue;
    const phrase = text.slice(subject.start, subject.end);
    for (const party of TEMPORAL_PARTIES) {
      if (partyRegex(options, party).test(phrase)) return { party, start: m.index, end: terms[verbIndex].end };
    }
  }
  return undefined;
}

const MESSAGES: Record<Blame['party'], (phrase: string) => string> = {
  users: (p) =>
    `"${p}" puts the fault on your users. Say what your system did wrong with what they did or sent ("our [system] could not cope with …"), and what you are changing.`,
  vendors: (p) =>
    `"${p}" puts the fault on a supplier without owning the consequence. Keep the fact and own your part in the same statement: "we relied on [them] for [what]; that was our decision, and [what we are changing]".`,
  nature: (p) =>
    `"${p}" blames nature. Say what in your own setup failed under it ("our [system] did not hold up to …"), and what you are changing.`,
  attackers: (p) =>
    `"${p}" blames attackers without evidence. Say what you know and how you know it ("we traced the traffic to …"), or say you are still checking.`,
  disowning: (p) =>
    `"${p}" disowns the failure. Say what was in your control: how you prepared, detected and responded, and what you will change.`,
};

function ownsConsequence(statement: Statement, ownership: RegExp): boolean {
  return ownership.test(statement.text);
}

export default defineRule<Options>({
  meta: {
    id: 'blame-shifting',
    principle: 'P2',
    scope: 'sentence',
    severity: 'warning',
    description: 'Fault is put on users, a vendor, nature or attackers, and the statement does not own the consequence.',
    maintenance: false,
    docs: {
      why:
        'Skype\'s 2007 outage began with a Windows update that restarted millions of computers at once; a statement that stopped there would have blamed Microsoft. The honest version names the update and owns the bug in Skype\'s own software that turned the restarts into a two-day outage. Pointing at users, suppliers or nature reads as an excuse, even when the facts are right.',
      fix: 'Keep the facts, and own your part in the same statement: "we relied on a single provider; that was our decision, and we are adding a second one". For users, say what your system did wrong with their input ("our servers could not cope with older app versions"). For attacks, give the evidence or say you are still checking.',
      fail: [
        { text: '---\nstatus: resolved\n---\nOur sites were unreachable for three hours. Apparently our hosting partner misrouted a range of addresses.' },
        {
          text: '---\nstatus: identified\n---\nLogin failed for many of you this morning. The problem was caused by users running outdated versions of the app.',
        },
        { text: '---\nstatus: resolved\n---\nCheckout was down for an hour due to an issue with our upstream payment provider.' },
        { text: '---\nstatus: resolved\n---\nThe outage was caused by severe weather in Virginia. Service is back.' },
        { text: '---\nstatus: resolved\n---\nThe disruption was beyond our control. Everything works again.' },
        { text: '---\nstatus: resolved\n---\nOrders were late due to a shutdown impacting our courier partner.' },
        { text: '---\nstatus: resolved\n---\nHundreds of trains were cancelled when an ice storm swept across the network.' },
        { text: '---\nstatus: resolved\n---\nParcels were held for two days after a flood reached the sorting hub.' },
      ],
      pass: [
        { text: '---\nstatus: resolved\n---\nOur sites were unreachable for three hours after our hosting partner misrouted a range of addresses. We relied on a single partner; that was our decision, and we are adding a second one.' },
        {
          text: '---\nstatus: resolved\n---\nCheckout was down for an hour because our payment provider failed. We relied on a single provider; that was our decision, and we are adding a second one this month.',
        },
        { text: '---\nstatus: resolved\n---\nA configuration change we deployed blocked users from signing up between 10:00 and 10:40 UTC.' },
        { text: '---\nstatus: resolved\n---\nThe outage was not caused by an attack or by our customers: a certificate we manage expired.' },
        { text: '---\nstatus: resolved\n---\nThe app slowed down when customers signed in at the start of the sale, because our login servers were too few.' },
        { text: '---\nstatus: resolved\n---\nOrders were late due to a bug in our warehouse software affecting our courier partners.' },
        // A flood of requests or a retry storm is load on our own systems, not weather.
        { text: '---\nstatus: resolved\n---\nThe search API slowed down due to a flood of requests from a single integration; we now rate-limit each key.' },
        { text: '---\nstatus: resolved\n---\nLogins failed because a retry storm from our mobile app overloaded the session store; we have added backoff to the app.' },
      ],
    },
    options: {
      causeMarkers: data.causeMarkers,
      harmVerbs: data.harmVerbs,
      users: data.users,
      vendors: data.vendors,
      nature: data.nature,
      attackers: data.attackers,
      attackEvidence: data.attackEvidence,
      disowning: data.disowning,
      ownership: data.ownership,
    },
  },
  check(context) {
    const { options } = context;
    // Cheap prefilter: a party word next to a cause or harm word, or a disowning phrase.
    const parties = PARTIES.map((p) => partyRegex(options, p));
    const causal = [phraseRegex(options.causeMarkers), phraseRegex(options.harmVerbs)];
    const disowning = phraseRegex(options.disowning);
    // Without a cause word, only two readings can blame: a cause told through its subject (which
    // needs the understanding's own subject-cause words) and a temporal clause whose subject is
    // nature, a supplier or attackers ("when an ice storm swept across the network"); users
    // doing ordinary things in a "when" clause are never blamed, so their words alone do not
    // make the sentence worth tagging.
    const mayBlameInTime = (text: string) => (/\b(?:when|as|after|once)\b/i.test(text) && mayTellSubjectCause(text)) || partyMayFollowTemporal(text, options);
    const mayBlame = (text: string) =>
      disowning.test(text) || (parties.some((re) => re.test(text)) && (causal.some((re) => re.test(text)) || mayBlameInTime(text)));
    const ownership = phraseRegex(options.ownership);
    const evidence = phraseRegex(options.attackEvidence);
    for (const statement of context.incident.statements) {
      let owned: boolean | undefined;
      for (const sentence of statement.sentences) {
        if (!mayBlame(sentence.text)) continue;
        const blame = findBlame(sentence, options, () => context.facts(sentence).cause);
        if (!blame) continue;
        owned ??= ownsConsequence(statement, ownership);
        if (owned) break;
        if (blame.party === 'attackers' && evidence.test(statement.text)) continue;
        context.report({
          statement,
          sentence,
          start: blame.start,
          end: blame.end,
          message: MESSAGES[blame.party](sentence.text.slice(blame.start, blame.end)),
        });
      }
    }
  },
});

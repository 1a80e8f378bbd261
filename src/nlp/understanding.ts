// The statement-understanding layer: what a statement is (its kind and phase), and what each of
// its sentences says (clause facts, and the shared detectors that answer from them: harm, cause,
// promise, resolution, remedy, prevention). Computed once, on first use, and shared by every
// rule; rules read these facts and never re-derive them.
// Every detector first runs a cheap text trigger (its vocabulary, compiled once); only a sentence
// that passes is tagged and cut into clauses, and the clauses decide (a resolution that is only
// predicted, negated or aimed at is none; someone else's schedule is not our promise).

import { isMaintenancePhase } from '../engine/model.js';
import type {
  CauseFact,
  Clause,
  HarmFact,
  HarmKind,
  Incident,
  Phase,
  PreventionFact,
  PromiseFact,
  RemedyFact,
  ResolutionFact,
  Sentence,
  SentenceFacts,
  Statement,
  StatementKind,
  StatementUnderstanding,
  TextSpan,
} from '../engine/model.js';
import { isTagged } from './analysis.js';
import { isApology } from './apology.js';
import { clausesOf } from './clauses.js';
import { deniedByLead } from './denials.js';
import { globalPhraseRegex, phraseRegex } from './phrases.js';
// Gated (prefilter.ts): the longer patterns below compile only once a text holds one of their words.
import { GatedRegExp } from './prefilter.js';
import understandingPhrases from './phrases/understanding.json' with { type: 'json' };
import impactPhrases from './phrases/impact.json' with { type: 'json' };
import causePhrases from './phrases/cause.json' with { type: 'json' };
import { findRemedy } from './remedy.js';
import { findFollowUp, findPrevention } from './prevention.js';
import { findInfoPromise, findUpdatePromise, hasConcreteTime, PROMISE_PHRASES } from './promises.js';

export const UNDERSTANDING_PHRASES = understandingPhrases;

// ---- per-sentence facts ---------------------------------------------------------------------

const factsMemo = new WeakMap<Sentence, SentenceFacts>();

/** The facts of one sentence, each computed on first access and kept. */
export function factsOf(sentence: Sentence): SentenceFacts {
  let facts = factsMemo.get(sentence);
  if (!facts) factsMemo.set(sentence, (facts = new LazyFacts(sentence)));
  return facts;
}

// Which facts a LazyFacts has computed (an undefined fact is an answer too).
const HARM = 1;
const POSSIBLE_HARM = 2;
const CAUSE = 4;
const PROMISE = 8;
const RESOLUTION = 16;
const REMEDY = 32;
const PREVENTION = 64;

/** Thrown by a sentence's clauses while a fact is asked for without tagging (settledFact). */
const NEEDS_TAGS = Symbol('needs tags');
/** What settledFact answers when only tagging the sentence could tell the fact. */
export const UNSETTLED = Symbol('unsettled');

/** Facts that settledFact can be asked for. */
export type SettledFactName = 'cause' | 'harm' | 'possibleHarm' | 'promise' | 'remedy' | 'prevention' | 'resolution' | 'partialResolution';

/**
 * The fact when it can be told without tagging the sentence: its detector decided from words
 * alone, or the sentence is tagged already. Otherwise UNSETTLED, and nothing is kept: a later
 * factsOf(sentence)[name] tags and decides. A rule that needs the fact in any of several
 * sentences asks this of all of them first, so that no sentence is tagged for an answer another
 * sentence gives in words (the same answer: the detector runs as it always does).
 */
export function settledFact<K extends SettledFactName>(sentence: Sentence, name: K): SentenceFacts[K] | typeof UNSETTLED {
  const facts = factsOf(sentence);
  return facts instanceof LazyFacts ? facts.settled(name) : facts[name];
}

/**
 * Does some sentence hold the fact? The same answer as sentences.some((s) => factsOf(s)[name]),
 * but sentences are tagged for it only when none of them settles it in words.
 */
export function someSentenceHas(sentences: readonly Sentence[], name: SettledFactName): boolean {
  let unsettled: Sentence[] | undefined;
  for (const sentence of sentences) {
    const fact = settledFact(sentence, name);
    if (fact === UNSETTLED) (unsettled ??= []).push(sentence);
    else if (fact) return true;
  }
  return !!unsettled && unsettled.some((sentence) => !!factsOf(sentence)[name]);
}

// One field per fact and a bit for each, rather than a Map of closures: rules read these facts
// hundreds of thousands of times on a big run, and each read allocated a closure.
class LazyFacts implements SentenceFacts {
  private clauseList?: readonly Clause[];
  private computed = 0;
  private harmFact: HarmFact | undefined = undefined;
  private possibleHarmFact: HarmFact | undefined = undefined;
  private causeFact: CauseFact | undefined = undefined;
  private promiseFact: PromiseFact | undefined = undefined;
  private resolutionReading: ResolutionReading = NO_RESOLUTION;
  private remedyFact: RemedyFact | undefined = undefined;
  private preventionFact: PreventionFact | undefined = undefined;
  /** The detectors take the clauses as a thunk: only a sentence that needs them is tagged. */
  private readonly clauseThunk = (): readonly Clause[] => this.clauses;
  /** Set while settled() runs a detector: the clauses may not tag the sentence then. */
  private withoutTagging = false;
  constructor(private readonly sentence: Sentence) {}

  get clauses(): readonly Clause[] {
    if (!this.clauseList && this.withoutTagging && !isTagged(this.sentence.text)) throw NEEDS_TAGS;
    return (this.clauseList ??= clausesOf(this.sentence.text, this.sentence.nlp));
  }
  /** Facts found unsettled, not asked again until the sentence is tagged (a detector's words are read once for it). */
  private unsettled?: Set<SettledFactName>;
  settled<K extends SettledFactName>(name: K): SentenceFacts[K] | typeof UNSETTLED {
    if (this.unsettled?.has(name) && !this.clauseList && !isTagged(this.sentence.text)) return UNSETTLED;
    this.withoutTagging = true;
    try {
      return this[name];
    } catch (error) {
      if (error !== NEEDS_TAGS) throw error;
      (this.unsettled ??= new Set()).add(name);
      return UNSETTLED;
    } finally {
      this.withoutTagging = false;
    }
  }
  get harm(): HarmFact | undefined {
    if (!(this.computed & HARM)) {
      this.harmFact = detectHarm(this.sentence.text, this.clauseThunk, 'done');
      this.computed |= HARM;
    }
    return this.harmFact;
  }
  /** Harm only forecast or hedged ("sessions may drop", "an interruption is possible"). */
  get possibleHarm(): HarmFact | undefined {
    if (!(this.computed & POSSIBLE_HARM)) {
      this.possibleHarmFact = detectHarm(this.sentence.text, this.clauseThunk, 'possible');
      this.computed |= POSSIBLE_HARM;
    }
    return this.possibleHarmFact;
  }
  get cause(): CauseFact | undefined {
    if (!(this.computed & CAUSE)) {
      this.causeFact = detectCause(this.sentence.text, this.clauseThunk);
      this.computed |= CAUSE;
    }
    return this.causeFact;
  }
  get promise(): PromiseFact | undefined {
    if (!(this.computed & PROMISE)) {
      this.promiseFact = detectPromise(this.sentence.text, this.clauseThunk);
      this.computed |= PROMISE;
    }
    return this.promiseFact;
  }
  private get resolutions(): ResolutionReading {
    if (!(this.computed & RESOLUTION)) {
      this.resolutionReading = detectResolution(this.sentence.text, this.clauseThunk);
      this.computed |= RESOLUTION;
    }
    return this.resolutionReading;
  }
  get resolution(): ResolutionFact | undefined {
    return this.resolutions.done;
  }
  /** Repair done for a share only ("99% of mailboxes are restored"): progress, the incident is still open. */
  get partialResolution(): ResolutionFact | undefined {
    return this.resolutions.done ? undefined : this.resolutions.partial;
  }
  get remedy(): RemedyFact | undefined {
    if (!(this.computed & REMEDY)) {
      this.remedyFact = detectRemedy(this.sentence.text, this.clauseThunk);
      this.computed |= REMEDY;
    }
    return this.remedyFact;
  }
  get prevention(): PreventionFact | undefined {
    if (!(this.computed & PREVENTION)) {
      this.preventionFact = detectPrevention(this.sentence.text, this.clauseThunk);
      this.computed |= PREVENTION;
    }
    return this.preventionFact;
  }
}

const span = (text: string, start: number, end: number): TextSpan => ({ text: text.slice(start, end), start, end });
// Facts are built field by field, the span's fields first as a spread would put them: a spread
// copies through a generic clone on every detector's answer.
const resolutionSpan = (text: string, m: RegExpExecArray, informal: boolean): ResolutionFact => ({ text: text.slice(m.index, m.index + m[0].length), start: m.index, end: m.index + m[0].length, informal });

/** The clause that holds an offset (the innermost one starting at or before it). */
export function clauseAt(clauses: readonly Clause[], offset: number): Clause | undefined {
  let found: Clause | undefined;
  for (const c of clauses) if (c.start <= offset && offset < Math.max(c.end, c.start + 1)) found = c;
  if (found) return found;
  // Before the first verb (a fronted subject): the first clause.
  return clauses.find((c) => offset < c.end) ?? clauses[clauses.length - 1];
}

// Cheap triggers: words that can make a clause other than a plain fact. A sentence with none of
// them states its facts as facts, and is not cut into clauses for that question.
const NEGATION = /\b(?:not|no|never|none|nothing|nobody|neither|yet|without|cannot)\b|n['’]t\b/i;
const FORECAST = /\b(?:will|would|shall|may|might|could|should|must|going to|expect\w*|anticipat\w*|hope\w*|likely|possibl[ey]|soon|shortly)\b|['’]ll\b/i;
const CONDITION = /\b(?:if|unless|once|until|till|whenever|whether|as soon as|in case|when)\b/i;
const AIM = /\b(?:to be|remain(?:ing|s)? to|work(?:ing|s)? (?:to|towards?|on)|try(?:ing)? to|aim(?:ing|s)? to|plan(?:ning|s)? to|intend(?:s|ing)? to|need(?:s)? to|being|to (?:find|identify|determine|understand|restore|resolve|fix|recover|get|bring))\b/i;

/** The clause at an offset, or undefined (a plain fact) when none of the given cues is in the sentence. */
function qualifyingClause(text: string, clauses: () => readonly Clause[], offset: number, cues: readonly RegExp[] = [NEGATION, FORECAST, CONDITION, AIM]): Clause | undefined {
  return cues.some((cue) => cue.test(text)) ? clauseAt(clauses(), offset) : undefined;
}

/** True when a clause states something as a fact that holds (not predicted, aimed at, conditional or denied). */
export function isStatedFact(clause: Clause | undefined): boolean {
  return !clause || (clause.modality === 'fact' && !clause.negated);
}

// ---- harm ----------------------------------------------------------------------------------

const HARM_LISTS: [HarmKind, readonly string[]][] = [
  ['security', understandingPhrases.harm.security],
  ['data', understandingPhrases.harm.data],
  ['money', understandingPhrases.harm.money],
  ['outage', understandingPhrases.harm.outage],
  ['degradation', impactPhrases.harm],
  ['soft', understandingPhrases.harm.soft],
  ['repair', understandingPhrases.harm.repair],
];
/** The harm phrase itself carries the negation ("could not sign in", "unable to"): the clause's negation is the harm. */
const NEGATION_IN_HARM = /\b(?:not|n't|cannot|unable|no longer|never)\b|n't\b/i;

const PURPOSE = phraseRegex(understandingPhrases.harm.purpose);
const WATCHED_FOR = new RegExp(`\\b(?:${understandingPhrases.harm.watchedFor.join('|')})\\s+$`, 'i');
const RESOLVED_AFTER = /^\s+(?:has|have|is|are|was|were)\s+(?:since\s+|now\s+|also\s+|fully\s+)*(?:been\s+)?(?:resolved|fixed|addressed|closed|mitigated)\b/i;

const OTHERS = phraseRegex(understandingPhrases.harm.others);
const OURS = phraseRegex(understandingPhrases.harm.ours);

/**
 * Harm that belongs to others: "attackers worldwide are exploiting the flaw to run code on
 * servers", "many companies had their servers compromised". The sentence names others (the
 * industry, other companies, servers around the world) and neither us, our customers nor our
 * incident. "Thousands of websites went down when our CDN failed" and "yesterday's outage
 * disrupted businesses around the world" are ours.
 */
function othersHarm(text: string): boolean {
  return OTHERS.test(text) && !OURS.test(text);
}

/** "went out", "is out": a failure for power or a service, a dispatch for a reminder or a fix. */
const GOES_OUT = /^(?:is|are|was|were|went) out$/i;
const SENT_THING = phraseRegex(understandingPhrases.harm.sentThings);
/** The words of the clause before a position: back to the last comma, semicolon or clause-joining word. */
const CLAUSE_LEAD = /[,;:]|\b(?:and|but|while|when|after|before|because|as|so)\b/gi;

/** "Reminders went out to every member", "the fix is out": sent or released, not an outage. */
function sentOut(text: string, clauses: () => readonly Clause[], at: number): boolean {
  const clause = clauseAt(clauses(), at);
  const subject = clause?.subject && clause.subject.end <= at ? clause.subject.text : text.slice(0, at).split(CLAUSE_LEAD).pop() ?? '';
  // The head of the subject is its last word before any preposition: "power to the mail
  // servers" is power, "renewal reminders for annual plans" are reminders.
  const head = subject.split(/\b(?:to|for|of|from|about|with|in|on|at|by)\b/i)[0].trim().split(/\s+/).pop() ?? '';
  return SENT_THING.test(head) && SENT_THING.exec(head)![0].length === head.replace(/[^\p{L}\p{N}-]/gu, '').length;
}

/** A subject that opens with a definite or possessive determiner: the thing it names happened. */
const PRESUPPOSING = /^(?:the|this|that|these|those|our|today's|yesterday's|last night's|the recent|this week's)\s+(?:[\w'’-]+\s+){0,3}$/i;
const DENIED_BEFORE = /\b(?:no|without|zero|not any|never|nor|none of (?:the|our|your))\b(?:\s+[\w-]+){0,2}\s*$/i;

function detectHarm(text: string, clauses: () => readonly Clause[], want: 'done' | 'possible'): HarmFact | undefined {
  if (othersHarm(text)) return undefined;
  for (const [kind, list] of HARM_LISTS) {
    if (!phraseRegex(list).test(text)) continue;
    // Every mention, not only the first: "issue-related" may be denied where "degraded" is not.
    const all = globalPhraseRegex(list);
    for (let m = all.exec(text), seen = 0; m && seen < 4; m = all.exec(text), seen++) {
    // "no data loss", "without errors", "no data was lost": denied right before the harm word.
    if (DENIED_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    // "changed our tooling so that a change cannot reach every region": a purpose, not harm done.
    if (PURPOSE.test(text.slice(0, m.index))) continue;
    // "we have found no evidence that any data was taken": denied by the clause that governs it.
    if (deniedByLead(text.slice(0, m.index))) continue;
    // "we are monitoring for errors": what we watch for is not harm told.
    if (WATCHED_FOR.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    // "this issue has since been resolved": a vague incident word as the subject of its own
    // resolution points back at the incident; it tells no harm.
    if (/^(?:issues?|problems?)$/i.test(m[0]) && RESOLVED_AFTER.test(text.slice(m.index + m[0].length))) continue;
    // "alerts were triggered in error": a manner (by mistake), not errors users saw.
    if (/^error$/i.test(m[0]) && /\bin\s+$/i.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    if (kind === 'outage' && GOES_OUT.test(m[0]) && sentOut(text, clauses, m.index)) continue;
    const clause = qualifyingClause(text, clauses, m.index, [NEGATION, FORECAST, CONDITION]);
    const negationIsHarm = NEGATION_IN_HARM.test(m[0]);
    // "The disruption could not have come at a worse time", "this outage did not affect payments":
    // a definite subject presupposes the harm; the negation or modal is about what it did.
    const presupposed = !!clause?.subject && clause.subject.start <= m.index && m.index < clause.subject.end && PRESUPPOSING.test(text.slice(clause.subject.start, m.index));
    if (clause?.negated && !negationIsHarm && !presupposed) continue;
    const possible = !presupposed && !!clause && clause.modality !== 'fact' && !(kind === 'repair' && clause.modality === 'aim');
    if ((want === 'possible') !== possible) continue;
    // "what is affected" is a named thing, not any noun: the clause's subject or object when it is not vague.
    const who = clause?.object && /\b(?:customers?|users?|members?|shoppers?|passengers?|clients?|people|account holders?|you)\b/i.test(clause.object.text) ? clause.object : undefined;
    const end = m.index + m[0].length;
    return { text: text.slice(m.index, end), start: m.index, end, kind, who, what: clause?.subject };
    }
  }
  return undefined;
}

const SEVERE_LISTS = [understandingPhrases.harm.security, understandingPhrases.harm.data, understandingPhrases.harm.money];

/** Cheap test, before any tagging: could the text tell of a security breach, lost data or lost money? */
export function mayTellSevereHarm(text: string): boolean {
  return SEVERE_LISTS.some((list) => phraseRegex(list).test(text));
}

// ---- cause ---------------------------------------------------------------------------------

const EFFECT_SUBJECT_VAGUE = phraseRegex(understandingPhrases.cause.incidentNouns);
const INCIDENT_ABSENCE = new RegExp(`^(?:${understandingPhrases.cause.incidentAbsence.join('|')})`, 'i');

const PASSIVE_AGENT = new GatedRegExp(/\b(?:impacted|affected|broken|disrupted|interrupted|degraded|delayed|blocked|slowed|knocked out|taken down|brought down|overloaded|corrupted|triggered|caused|stopped|halted) by (?:a|an|the|our|one|some|this|that|[\w-]+ing)\b/i);

/**
 * Could the sentence's cause be told through a subject (`CauseFact.via === 'subject'`: "floodwater
 * knocked out payments", "we deleted the table by mistake")? detectCause finds one only behind
 * these two word tests, so a no here is certain and costs no tagging; a yes may still find none.
 */
export function mayTellSubjectCause(text: string): boolean {
  return FAULT_MANNER.test(text) || phraseRegex(understandingPhrases.cause.effectVerbs).test(text);
}

function detectCause(text: string, clauses: () => readonly Clause[]): CauseFact | undefined {
  // Every marker, not only the first: "at first it appeared to be due to X, but we found the problem to be Y".
  for (const connective of findCauseMarkers(text)) {
    const clause = qualifyingClause(text, clauses, connective.start, [NEGATION, AIM]);
    const theory = /^(?:we|i) /i.test(connective.text);
    // "it was not caused by an attack" denies a cause; "we are working to find out what caused it" aims at one.
    const stated = theory || !clause || (!clause.negated && clause.modality !== 'aim');
    if (stated && !tellsEffectOnPeople(text, connective, clauses)) return { text: connective.text, start: connective.start, end: connective.end, via: theory ? 'theory' : 'connective' };
  }
  // A passive with its agent: "impacted by a recent backend change", "was triggered by a bad deploy".
  const agent = PASSIVE_AGENT.exec(text);
  if (agent) {
    const clause = clauseAt(clauses(), agent.index);
    const by = clause?.object?.text.replace(/^by\s+/i, '').split(/[,;]| (?:and|which|that|causing|leading|resulting)\b/)[0].trim() ?? '';
    // "affected by the outage" names the incident itself, not what caused it.
    // So does "disrupted by the lack of service": the absence of the service is the harm, not its cause.
    const incidentItself = (EFFECT_SUBJECT_VAGUE.test(by) && by.split(/\s+/).length <= 3) || INCIDENT_ABSENCE.test(by);
    if (clause?.passive && !clause.negated && clause.modality === 'fact' && clause.object && /^by\b/i.test(clause.object.text) && !incidentItself && !phraseRegex(understandingPhrases.cause.feelings).test(clause.object.text)) {
      return { text: text.slice(clause.verb.start, clause.object.end), start: clause.verb.start, end: clause.object.end, via: 'connective', cause: clause.object, effect: clause.subject };
    }
  }
  // Our own act told as a mistake: "we put the router back into service too early", "we
  // deleted the table by mistake". The act is the cause, and we own it.
  if (FAULT_MANNER.test(text)) {
    const all = clauses();
    for (const clause of all) {
      // "We are investigating reports of users mistakenly seeing …": our work under way, not our mistake.
      if (clause.agent !== 'we' || clause.negated || clause.modality !== 'fact' || clause.tense === 'future' || clause.infinitive || clause.progressive) continue;
      // The manner may follow the verb's object and particles, which the clause cutter can split
      // off, but not another subject's clause.
      const next = all.find((c) => c.start > clause.start && c.subject && c.agent !== 'we');
      const manner = FAULT_MANNER.exec(text.slice(clause.start, next?.start ?? text.length));
      if (manner) {
        const act = span(text, clause.start, clause.start + manner.index + manner[0].length);
        return { text: act.text, start: act.start, end: act.end, via: 'subject', cause: act };
      }
    }
  }
  const during = duringCause(text, clauses);
  if (during) return during;
  if (!phraseRegex(understandingPhrases.cause.effectVerbs).test(text)) return undefined;
  // A cause that is the subject of an effect verb: "Floodwater in our data centre knocked out payments".
  for (const clause of clauses()) {
    if (!clause.object || clause.negated || clause.passive || clause.infinitive) continue;
    if (clause.modality !== 'fact') continue;
    // The verb as written too: compromise's lemma can be off ("overloaded" -> "overloade").
    if (!phraseRegex(understandingPhrases.cause.effectLemmas).test(clause.lemma) && !phraseRegex(understandingPhrases.cause.effectVerbs).test(clause.verb.text)) continue;
    if (phraseRegex(understandingPhrases.cause.feelings).test(clause.object.text)) continue;
    // "We stopped the import job", "we blocked the traffic": our response, not the cause.
    if (clause.agent === 'we' && phraseRegex(understandingPhrases.cause.mitigations).test(clause.lemma)) continue;
    // "the failure caused real hardship": the incident itself as subject tells its effect, not its
    // cause. "This resulted in …", "…, which caused …", or a subject cut off by a purpose clause
    // ("an update to mitigate X led to …") point back at a cause told just before, and count.
    const causal = /^(?:result|lead|cause|trigger)/.test(clause.lemma);
    const subjectText = clause.subject?.text ?? '';
    // "This is causing errors": under way, "this" is the incident itself, not a cause told before.
    const pointsBack = causal && !clause.progressive && (!clause.subject || /^(?:this|that|which|these|it)$/i.test(subjectText));
    if (clause.progressive && /^(?:this|that|which|these|it|they)$/i.test(subjectText)) continue;
    if (!clause.subject && !pointsBack) continue;
    if (!pointsBack && EFFECT_SUBJECT_VAGUE.test(subjectText) && subjectText.split(/\s+/).length <= 3) continue;
    if (clause.lemma === 'result' && !/^in\b/i.test(clause.object.text)) continue;
    // "The terminals crashed during the lunch rush", "the readers stopped working": a failure told
    // intransitively has no object, only a time, a place or a gerund; it names no cause.
    if (!causal && NOT_AN_OBJECT.test(clause.object.text)) continue;
    return { text: text.slice(clause.start, clause.end), start: clause.start, end: clause.end, via: 'subject', cause: clause.subject, effect: clause.object };
  }
  return undefined;
}

const FAULT_MANNER = phraseRegex(understandingPhrases.cause.faultManners);
const NOT_AN_OBJECT = /^(?:(?:during|at|on|in|for|after|before|since|until|over|from|to|by|around|across|with|without|within|under|through|throughout|while|when|as|again|again,|briefly|overnight|yesterday|today|tonight|earlier|later|shortly|repeatedly|intermittently|completely|entirely|just|this|last|early|late|once|twice|several|multiple|and|but|so|or|then)\b|\d|[\w-]+ing\b)/i;
const FAILURE = phraseRegex(understandingPhrases.cause.failures);
const PASSIVE_FAILURE = phraseRegex(understandingPhrases.cause.passiveFailures);
const NOT_ACTIVITY = phraseRegex(understandingPhrases.cause.notActivity);

/**
 * A change or task of ours told around a failure in the same sentence: "X started to crash after
 * a routine configuration change we made", "While running a maintenance script, some sites were
 * disabled unintentionally". A cause only when the failure is told as a fact in the past; "after
 * the upgrade we will re-enable writes" or "while we investigate, …" name no cause.
 */
function duringCause(text: string, clauses: () => readonly Clause[]): CauseFact | undefined {
  const m = phraseRegex(understandingPhrases.cause.during).exec(text);
  if (!m || NOT_ACTIVITY.test(m[0])) return undefined;
  const from = m.index;
  const to = m.index + m[0].length;
  const blank = (start: number, end: number) => text.slice(start, Math.min(end, from)) + ' ' + text.slice(Math.max(start, to), end);
  // A failure told as a past fact in another clause ("the search page failed"), or harm done
  // outside the time clause ("mailboxes were deleted by mistake"). "As part of the migration we
  // removed old records" tells work, not a failure; "after the upgrade we will …" predicts.
  const failed =
    (FAILURE.test(blank(0, text.length)) || PASSIVE_FAILURE.test(blank(0, text.length))) &&
    clauses().some((c) => c.tense === 'past' && isStatedFact(c) && (FAILURE.test(blank(c.start, c.end)) || (c.passive && PASSIVE_FAILURE.test(c.verb.text))));
  const harm = failed ? undefined : detectHarm(text, clauses, 'done');
  if (!failed && !(harm && (harm.end <= from || harm.start >= to))) return undefined;
  // The cause runs to the end of its time clause ("While running a maintenance script").
  const clauseEnd = /[,;:]/.exec(text.slice(to));
  const end = to + (clauseEnd && clauseEnd.index <= 80 && from < 3 ? clauseEnd.index : 0);
  return { text: text.slice(from, end), start: from, end, via: 'connective' };
}

const FEELINGS = phraseRegex(understandingPhrases.cause.feelings);

/**
 * "The power cut caused real distress to patients": a cause word that is the subject of an effect
 * on people tells the incident's effect, not what caused it.
 */
function tellsEffectOnPeople(text: string, marker: TextSpan, clauses: () => readonly Clause[]): boolean {
  if (!FEELINGS.test(text) || !phraseRegex(understandingPhrases.cause.effectVerbs).test(text)) return false;
  return clauses().some(
    (c) => !!c.subject && !!c.object && c.subject.start <= marker.start && marker.end <= c.subject.end && phraseRegex(understandingPhrases.cause.effectLemmas).test(c.lemma) && FEELINGS.test(c.object.text),
  );
}

/** The cause connectives and stated theories (at most a few), not inside a phrase that only mentions a cause. */
function findCauseMarkers(text: string): TextSpan[] {
  const markers = phraseRegex(causePhrases.markers);
  if (!markers.test(text)) return [];
  const excluded: [number, number][] = [];
  // The lists' global twins, compiled once (not a fresh RegExp of the whole alternation per call).
  const notCause = globalPhraseRegex(causePhrases.notCause);
  for (let m = notCause.exec(text); m; m = notCause.exec(text)) excluded.push([m.index, m.index + m[0].length]);
  const re = globalPhraseRegex(causePhrases.markers);
  const found: TextSpan[] = [];
  for (let m = re.exec(text); m && found.length < 4; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!excluded.some(([s, e]) => start < e && end > s)) found.push(span(text, start, end));
  }
  return found;
}

// ---- promise -------------------------------------------------------------------------------

const THIRD_PARTY = /\b(?:provider|providers|vendor|vendors|partner|partners|supplier|suppliers|upstream|third[- ]party|carrier|host|isp|they|he|she|someone|authorit(?:y|ies))\b/i;

function detectPromise(text: string, clauses: () => readonly Clause[]): PromiseFact | undefined {
  const update = findUpdatePromise(text, undefined);
  const info = findInfoPromise(text);
  if (!update && !info) return undefined;
  const start = Math.min(update?.start ?? Infinity, info?.start ?? Infinity);
  const end = Math.max(update?.end ?? 0, info?.end ?? 0);
  // Only who promises and a negation matter here; "will" is in every promise.
  const clause = NEGATION.test(text) || THIRD_PARTY.test(text) ? clauseAt(clauses(), start) : undefined;
  // Someone else's schedule ("our hosting provider expects to report back by noon") is not our promise.
  if (clause && clause.agent === 'other') return undefined;
  if (clause && clause.negated) return undefined;
  const rest = text.slice(start);
  const channels = phraseRegex(PROMISE_PHRASES.channels).exec(text);
  const timed = update ?? (hasConcreteTime(rest) ? findTimeSpan(text, start) : undefined);
  return {
    text: text.slice(start, end),
    start,
    end,
    kind: info?.kind ?? 'update',
    who: clause?.subject,
    when: timed ? span(text, timed.start, timed.end) : undefined,
    cadence: update?.cadence,
    where: channels ? span(text, channels.index, channels.index + channels[0].length) : undefined,
  };
}

function findTimeSpan(text: string, from: number): TextSpan | undefined {
  const m = /\b(?:by|before|on|at|within|in|until|no later than)\b[^,;.]*/i.exec(text.slice(from));
  return m ? span(text, from + m.index, from + m.index + m[0].length) : span(text, from, text.length);
}

// ---- resolution ----------------------------------------------------------------------------

const PENDING_BEFORE = new GatedRegExp(/\b(?:before|until|till|once|as soon as|unless|if|when|while|confirm(?:ing|s)? (?:that|whether))\b(?:\s+[\w'’-]+){0,5}\s*$|\bmark(?:ing|ed)?\s+(?:this|the|it)(?:\s+\w+)?\s+(?:as\s+)?$/i);
/** Where the resolution's own clause starts and ends: a share told in another clause is about something else. */
const CLAUSE_BREAK_BEFORE = /^[\s\S]*(?:[,;:()]|\s[-–—]\s|\b(?:and|(?<!\ball )but|while|whereas|although|though|after|following|since)\b)/i;
const CLAUSE_BREAK_AFTER = /[,;:()]|\s[-–—]\s|\b(?:and|(?<!\ball )but|while|whereas|although|though|so|which|who)\b/i;

/**
 * "99% of mailboxes are restored", "we have restored 78% of users", "most stores are back online",
 * "all but a few sites are back": repair done for a share only, in the resolution's own clause.
 * "All", "every", "100%" and "fully" are no share.
 */
function shareOf(text: string, m: RegExpExecArray): TextSpan | undefined {
  const shares = phraseRegex(understandingPhrases.resolution.partialShares);
  const from = Math.max(0, m.index - 80);
  const before = text.slice(from, m.index);
  const cut = CLAUSE_BREAK_BEFORE.exec(before);
  const start = from + (cut ? cut[0].length : 0);
  const afterStart = m.index + m[0].length;
  const rest = text.slice(afterStart, afterStart + 80);
  const stop = CLAUSE_BREAK_AFTER.exec(rest);
  const end = afterStart + (stop ? stop.index : rest.length);
  // "The issue affecting some customers has been resolved", "we mitigated the issue causing slow
  // pages for some users": a share after the problem's own noun tells whom the problem hit.
  for (const [from, to] of [[start, m.index], [afterStart, end]]) {
    const part = text.slice(from, to);
    const problem = PROBLEM_NOUN.exec(part);
    const share = shares.exec(problem ? part.slice(0, problem.index) : part);
    if (share) return span(text, from + share.index, from + share.index + share[0].length);
  }
  return undefined;
}
const PROBLEM_NOUN = /\b(?:issues?|problems?|incidents?|outages?|errors?|failures?|degradation|disruptions?|delays?|bugs?|faults?|interruptions?|slowness|latency)\b/i;

/** What a sentence says of resolution: done (the problem is over), or done for a share only. */
interface ResolutionReading {
  done?: ResolutionFact;
  partial?: ResolutionFact;
}
const NO_RESOLUTION: ResolutionReading = {};
/** Repair told as under way or as an aim, within a few words before the resolution word (not across a comma). */
const UNDER_WAY_BEFORE = new GatedRegExp(/\b(?:being|bring(?:s|ing)?|get(?:s|ting)?|com(?:es|ing)|work(?:s|ing)?(?: [\w-]+){0,4}? (?:to|towards?|on)|(?:path|way|road) to|ensur(?:e|es|ing)|make sure|in order to|so that|aim(?:s|ing)? (?:to|for)|hop(?:e|es|ing) to|expect(?:s|ed|ing)?(?: [\w-]+){0,3}? to be)\b(?:\s+[\w'’-]+){0,5}\s*$/i);
const FORECAST_BEFORE = /(?:\b(?:will|would|should|shall|may|might|could|expect(?:s|ed|ing)?|anticipat(?:e|es|ed|ing)|going to)|['’]ll)\b(?:\s+[\w'’-]+){0,4}\s*$/i;
/** A resolution word used as a modifier: after a determiner or preposition ("both fixed and mobile", "of restored customers"). */
const ATTRIBUTIVE_BEFORE = /\b(?:a|an|the|our|your|their|its|both|of|any|these|those|newly)\s+$/i;
const ATTRIBUTIVE_AFTER = new GatedRegExp(/^(?:-[a-z]|\s+(?:and|or)\s+(?!(?:is|are|was|were|has|have|working|running|back|operating|available|online)\b)[a-z]+\s+(?:lines?|broadband|network|services?|phones?|connections?|customers?|users?)\b|\s+(?:line|lines|broadband|wireless|price|prices|fee|fees|rate|rates|term|ip|income|costs?|point|width|assets?)\b)/i);
/** "We have restored a snapshot": our repair of a thing, not the problem solved. */
const WE_REPAIRED = /\bwe(?:['’]ve| have)?\s+(?:\w+ly\s+)?(?:restored|fixed|resolved|recovered|repaired)\b/i;
const PROBLEM_OBJECT = /^(?:the |this |that |all |full |most |our |your )?(?:[\w-]+ ){0,2}?(?:issues?|problems?|incidents?|outages?|services?|access|functionality|connectivity|it|everything|impact|errors?|failures?|disruption|degradation|root cause|cause|bug|faults?|defects?)\b/i;

function detectResolution(text: string, clauses: () => readonly Clause[]): ResolutionReading {
  const informal = phraseRegex(understandingPhrases.resolution.informal).exec(text);
  if (informal && text.split(/\s+/).length <= 8) return { done: resolutionSpan(text, informal, true) };
  if (!phraseRegex(understandingPhrases.resolution.words).test(text)) return {};
  // Every mention, not only the first: "we have resolved the electrical fault and all services
  // have been restored" is over although our repair of the fault alone does not say so.
  const all = globalPhraseRegex(understandingPhrases.resolution.words);
  let partial: ResolutionFact | undefined;
  for (let m = all.exec(text), seen = 0; m && seen < 3; m = all.exec(text), seen++) {
    const found = resolutionAt(text, clauses, m);
    if (!found) continue;
    // "We have restored 78% of users": progress, not the end; a later mention may still be whole.
    if (shareOf(text, m)) partial ??= found;
    else return { done: found };
  }
  return { partial };
}

function resolutionAt(text: string, clauses: () => readonly Clause[], m: RegExpExecArray): ResolutionFact | undefined {
  // "before marking this issue resolved", "until it is fixed": a pending clause compromise may not cut.
  if (PENDING_BEFORE.test(text.slice(Math.max(0, m.index - 60), m.index))) return undefined;
  // "services are now being restored", "bringing the platform back up", "working hard to ensure all
  // services are back to normal": repair under way or aimed at, not done.
  // "with all services being fully operational at 17:06" is a state reached, not repair under way.
  const before = text.slice(Math.max(0, m.index - 60), m.index);
  const stateReached = /\bbeing\s+(?:\w+ly\s+)?$/i.test(before) && !/^(?:resolved|fixed|restored|recovered|mitigated|brought)\b/i.test(m[0]);
  if (!stateReached && UNDER_WAY_BEFORE.test(before)) return undefined;
  // "users will see connectivity restored", "we expect everything back up": a forecast compromise may not cut.
  if (FORECAST_BEFORE.test(text.slice(Math.max(0, m.index - 50), m.index))) return undefined;
  // "both fixed and mobile", "the majority of restored customers": the word describes a noun.
  if (/^(?:resolved|fixed|restored|recovered|mitigated)$/i.test(m[0]) && (ATTRIBUTIVE_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index)) || ATTRIBUTIVE_AFTER.test(text.slice(m.index + m[0].length)))) return undefined;
  const clause = WE_REPAIRED.test(text) ? clauseAt(clauses(), m.index) : qualifyingClause(text, clauses, m.index);
  if (!clause) return resolutionSpan(text, m, false);
  const transitive = !!clause.object && !/^(?:and|but|or|from|after|to|in|on|at|by|for|with|as|now|again|fully|successfully)\b/i.test(clause.object.text);
  if (clause.agent === 'we' && !clause.passive && transitive && /^(?:restore|fix|resolve|recover|repair)$/.test(clause.lemma) && !PROBLEM_OBJECT.test(clause.object!.text) && !shareOf(text, m)) return undefined;
  if (clause.negated || clause.modality !== 'fact') return undefined;
  // "is being restored": under way, not done.
  if (clause.progressive && clause.passive) return undefined;
  if (clause.progressive && /^(?:restor|recover|resolv|fix|work on)/.test(clause.lemma)) return undefined;
  return resolutionSpan(text, m, false);
}

// ---- remedy, prevention --------------------------------------------------------------------

function detectRemedy(text: string, clauses: () => readonly Clause[]): RemedyFact | undefined {
  const m = findRemedy(text);
  if (!m) return undefined;
  const clause = qualifyingClause(text, clauses, m.start, [NEGATION]);
  // "we will not refund", "if you were charged twice" (a condition, not an offer) still offer nothing.
  if (clause?.negated && !/\b(?:no|not)\b.*\b(?:charge|cost|action)/i.test(text.slice(m.start, m.end))) return undefined;
  return { text: text.slice(m.start, m.end), start: m.start, end: m.end, kind: m.kind };
}

const ANNOUNCED = new RegExp(`\\b(?:${understandingPhrases.prevention.announced.join('|')})\\b(?:[^.;:]{0,50})$`, 'i');

function detectPrevention(text: string, clauses: () => readonly Clause[]): PreventionFact | undefined {
  const now = phraseRegex(understandingPhrases.prevention.changes).exec(text);
  if (now) return { text: text.slice(now.index, now.index + now[0].length), start: now.index, end: now.index + now[0].length, kind: 'change' };
  const m = findPrevention(text);
  // "an update on what we found, and what we're doing to make things more secure": an
  // announcement of prevention, not a step taken.
  if (m && /^what\b/i.test(text.slice(m.start, m.end)) && ANNOUNCED.test(text.slice(Math.max(0, m.start - 60), m.start))) return undefined;
  if (m) {
    // "This will never happen again.": a vow, not a change.
    if (phraseRegex(understandingPhrases.prevention.vows).test(text) && !phraseRegex(understandingPhrases.prevention.substance).test(text)) return undefined;
    const clause = qualifyingClause(text, clauses, m.start, [NEGATION]);
    if (clause?.negated && clause.agent === 'we') return undefined;
    return { text: text.slice(m.start, m.end), start: m.start, end: m.end, kind: 'marker' };
  }
  return undefined;
}

/** Follow-up work once the incident is over ("we are adding …"): prevention only in a closed statement. */
export function followUpIn(text: string): TextSpan | undefined {
  const m = findFollowUp(text);
  return m ? span(text, m.start, m.end) : undefined;
}

// ---- the statement ---------------------------------------------------------------------------

const understandingMemo = new WeakMap<Statement, StatementUnderstanding>();

/** What a statement is. The engine calls `understandIncident` first, which fills these in order. */
export function understandingOf(statement: Statement): StatementUnderstanding {
  return understandingMemo.get(statement) ?? { kind: kindFromPhase(statement.phase), phase: statement.phase };
}

function kindFromPhase(phase: Phase): StatementKind {
  if (phase === 'resolved') return 'resolution';
  if (phase === 'postmortem') return 'postmortem';
  if (phase === 'scheduled' || phase === 'in_progress' || phase === 'completed') return 'maintenance';
  return 'live-update';
}

const understood = new WeakSet<Incident>();
const notices = new WeakSet<Incident>();

/**
 * Not a crisis: planned maintenance (that did not overrun), or a security advisory that says we
 * are not affected and reports no harm done ("our products are not affected by the published vulnerability"). Rules that ask
 * for an apology, a cause, a remedy or prevention do not apply.
 */
export function isNotice(incident: Incident): boolean {
  return incident.isMaintenance || notices.has(incident);
}

/**
 * Reads every statement of an incident once, before the rules run: its kind and the phase its
 * own words give (a phase the input gave is kept). Planned work recognised from its wording makes
 * the incident maintenance; planned work that overran into an outage is judged as an incident.
 */
export function understandIncident(incident: Incident): void {
  if (understood.has(incident)) return;
  understood.add(incident);
  const statements = incident.statements;
  const title = incident.meta.title ?? '';
  const readPhases = new Map<Statement, Phase | undefined>();
  // Planned work: said by the input, or in the words of the title and first statement.
  const firstText = `${title}\n${statements[0]?.text ?? ''}`;
  // Maintenance by the input's structure (its impact or phases); planned work told in words is read here.
  const givenMaintenance = incident.isMaintenance;
  const unlabelled = statements.every((s) => s.phaseSource !== 'given');
  const plannedWork = givenMaintenance || (unlabelled && readsAsPlannedWork(firstText));
  // Planned work that overran: "the upgrade took far longer than planned", "the migration caused an
  // unexpected outage" (the overrun words themselves may say "unexpected", which reads as unplanned).
  const mentionsPlanned = givenMaintenance || (unlabelled && (phraseRegex(understandingPhrases.kind.planned).test(firstText) || phraseRegex(understandingPhrases.kind.plannedWork).test(firstText)));
  const overranWords = mentionsPlanned && statements.some(tellsOverrun);
  // Something went wrong that the plan did not intend, and someone was hurt: "during our maintenance
  // window a disk failed and mail was down for two hours". Announced work that runs into it has
  // overrun; an account told after the fact that only names the window is an incident, not a notice.
  const ranIntoHarm = plannedWork && !overranWords && statements.some(tellsUnplannedHarm);
  const overran = overranWords || (ranIntoHarm && (givenMaintenance || statements.length > 1));
  const planned = plannedWork && !overran && !ranIntoHarm;
  const overrunAt = overranWords ? statements.find(tellsOverrun) : overran ? statements.find(tellsUnplannedHarm) : undefined;
  if (overrunAt) overrunStatements.set(incident, overrunAt);
  let previous: Phase | undefined;
  for (const statement of statements) {
    let phase = statement.phase;
    let read: Phase | undefined = phase;
    if (statement.phaseSource === 'previous' && previous) {
      // An "Update" label is the page's "no change of status": the model keeps the phase it
      // continues (so every format of the same page agrees), and the understanding records what
      // its own words say ("every mailbox has been restored" reads as resolved) for the rules.
      read = readPhase(statement, title, previous) ?? previous;
      phase = previous;
    } else if (statement.phaseSource !== 'given') {
      read = readPhase(statement, title, previous);
      phase = read ?? previous ?? 'unknown';
      read = phase;
    }
    readPhases.set(statement, read);
    statement.phase = phase;
    previous = phase;
  }
  if (planned && !overran) {
    incident.isMaintenance = true;
    // A maintenance notice's phases are the maintenance ones, read from the same words.
    for (const s of statements) {
      if (s.phaseSource === 'given' && (s.phase === 'scheduled' || s.phase === 'in_progress' || s.phase === 'completed')) continue;
      if (s.phaseSource === 'given' && !givenMaintenance) continue;
      // An "Update" label keeps the phase it continues; its own words may say the work is done
      // ("Update - All systems rebooted.").
      const said = readPhases.get(s) ?? s.phase;
      s.phase = said === 'resolved' || said === 'postmortem' || said === 'completed' ? 'completed' : s.index === 0 ? 'scheduled' : 'in_progress';
    }
  }
  if ((overran || ranIntoHarm) && givenMaintenance) {
    incident.isMaintenance = false;
    // An update that only continued a maintenance phase ("Update" under "In progress") takes the
    // incident phase its words give: "the shop is down for all customers" is a live outage.
    for (const s of statements) {
      const read = readPhases.get(s);
      if (s.phaseSource !== 'given' && isMaintenancePhase(s.phase) && read && !isMaintenancePhase(read)) s.phase = read;
    }
  }
  for (const statement of statements) {
    const phase = incident.isMaintenance ? statement.phase : readPhases.get(statement) ?? statement.phase;
    understandingMemo.set(statement, { kind: kindOf(statement, incident, planned, overran, phase), phase });
  }
  const advisoryOnly = statements.length > 0 && statements.every((s) => understandingMemo.get(s)!.kind === 'security-advisory');
  // A notice only when it says we are not affected: an advisory we are affected by ("we are
  // applying the patch now") is a live security incident.
  const notAffected = statements.some((s) => phraseRegex(understandingPhrases.kind.advisoryNotAffected).test(s.text));
  // Harm the advisory tells of the vulnerability itself ("it is already being exploited to spread
  // malware"), naming neither us nor our customers, is the vulnerability's, not ours.
  const ours = (sentence: Sentence) => !!factsOf(sentence).harm && !(VULNERABILITY_TOLD.test(sentence.text) && !OURS.test(sentence.text));
  if (advisoryOnly && notAffected && !statements.some((s) => s.sentences.some(ours))) notices.add(incident);
}

function kindOf(statement: Statement, incident: Incident, planned: boolean, overran: boolean, phase: Phase): StatementKind {
  if (overran) return 'maintenance-overrun';
  if (planned || incident.isMaintenance) return 'maintenance';
  const text = `${statement.index === 0 ? incident.meta.title ?? '' : ''}\n${statement.text}`;
  if (phraseRegex(understandingPhrases.kind.advisory).test(text)) return 'security-advisory';
  // Told after the fact: a post-mortem when it says it is one (or comes as one), else a press
  // statement or letter looking back ("Our outage last Friday was unacceptable").
  if (phase === 'postmortem') return statement.phaseSource === 'given' || namesItselfPostmortem(text) ? 'postmortem' : 'letter';
  if (phase === 'resolved') return 'resolution';
  if (phraseRegex(understandingPhrases.kind.letter).test(text)) return 'letter';
  return 'live-update';
}

const VULNERABILITY_TOLD = phraseRegex(understandingPhrases.kind.vulnerabilityTold);

const CLOSED_READ: ReadonlySet<Phase> = new Set<Phase>(['resolved', 'postmortem', 'completed']);

/** The phase a statement's words give (see StatementUnderstanding.phase). */
export function readPhaseOf(statement: Statement): Phase {
  return understandingOf(statement).phase;
}

/** True when the statement closes the incident, by its phase or by its own words. */
export function closesIncident(statement: Statement): boolean {
  return CLOSED_READ.has(statement.phase) || CLOSED_READ.has(readPhaseOf(statement)) || unknownPhaseOwes(statement) === 'after-the-fact';
}

/**
 * What a statement whose words give no phase (`unknown`) owes, read from its kind (RULES.md:
 * missing-next-update judges an unresolved update; missing-prevention a resolution or
 * post-mortem). Only a statement that tells harm is about an incident at all ("We value every
 * member" owes nothing). A letter or press statement about the harm is told after the fact: it
 * owes what a post-mortem owes (prevention, a remedy), not a next update. An update that tells the
 * harm and does not say it is over leaves readers waiting: it is unresolved and owes a next update.
 */
export function unknownPhaseOwes(statement: Statement): 'after-the-fact' | 'live' | undefined {
  if (statement.phase !== 'unknown' || readPhaseOf(statement) !== 'unknown') return undefined;
  const kind = understandingOf(statement).kind;
  if (kind !== 'letter' && kind !== 'live-update') return undefined;
  const harmed = statement.sentences.filter((s) => factsOf(s).harm);
  if (harmed.length === 0) return undefined;
  if (kind === 'letter') return 'after-the-fact';
  // "We're sorry for the outage." alone looks back at the harm it apologises for; an update tells
  // the harm as news ("a number of storefronts were switched off by mistake").
  if (harmed.every((s) => isApology(s.text))) return undefined;
  // "Performance issues.", "Network Outage (IPv4)": a title or a label, not an update telling news.
  if (!harmed.some((s) => factsOf(s).clauses.some((c) => !c.infinitive))) return undefined;
  return readsAsOver(statement) ? undefined : 'live';
}

/** Where a closing rule reports: the last statement that closes the incident (by phase or words), else the newest. */
export function closingStatement(incident: Incident): Statement {
  const statements = incident.statements;
  for (let i = statements.length - 1; i >= 0; i--) if (closesIncident(statements[i])) return statements[i];
  return statements[statements.length - 1];
}

/**
 * The statement says planned work overran, as a fact: "the upgrade took far longer than planned",
 * "the maintenance ran over by two hours", "extended beyond the window", "did not complete as
 * planned", "caused an unexpected outage". Not when only feared or denied ("if the migration takes
 * longer than planned we will extend the window", "we do not expect it to overrun").
 */
function tellsOverrun(statement: Statement): boolean {
  if (!OVERRUN.test(statement.text)) return false;
  return statement.sentences.some((sentence) => {
    const m = OVERRUN.exec(sentence.text);
    return !!m && isStatedFact(qualifyingClause(sentence.text, () => factsOf(sentence).clauses, m.index, [NEGATION, FORECAST, CONDITION]));
  });
}
const OVERRUN = phraseRegex(understandingPhrases.kind.overrun);
const UNPLANNED_FAILURE = phraseRegex(understandingPhrases.kind.unplannedFailure);
const AS_PLANNED = phraseRegex(understandingPhrases.kind.asPlanned);
/** Verbs whose past is spelled as their present. */
const SAME_IN_PAST = /^(?:cut|hit|put|set|shut|split|spread|burst|hurt|let|cost|quit|broadcast)$/i;

/**
 * Something went wrong that planned work does not intend (a failure, a deletion, a mistake), told
 * as a fact (not announced), in a statement that tells harm done: "a disk failed and took the mail
 * servers offline for two hours". Downtime the notice announced ("the dashboard was read-only
 * for ten minutes, as planned") or a failure only feared ("if the upgrade fails we will roll
 * back") is not.
 */
function tellsUnplannedHarm(statement: Statement): boolean {
  if (!UNPLANNED_FAILURE.test(statement.text)) return false;
  const failed = statement.sentences.some((sentence) => {
    const m = UNPLANNED_FAILURE.exec(sentence.text);
    if (!m || AS_PLANNED.test(sentence.text)) return false;
    const clause = clauseAt(factsOf(sentence).clauses, m.index);
    // Told as a fact in the past, not announced ("we will replace a faulty card") nor told as
    // the work's expected effect while it runs ("the dashboard returns errors while the database
    // restarts"); compromise reads a past that looks like the present ("cut", "hit") as present.
    const past = clause?.tense === 'past' || (clause?.tense === 'present' && SAME_IN_PAST.test(clause.verb.text));
    return !!clause && past && isStatedFact(clause);
  });
  return failed && statement.sentences.some((sentence) => !AS_PLANNED.test(sentence.text) && factsOf(sentence).harm);
}

const overrunStatements = new WeakMap<Incident, Statement>();

/** In planned work that overran into an outage, the first update that tells the overrun: the outage starts there, not at the notice. */
export function overrunStatement(incident: Incident): Statement | undefined {
  understandIncident(incident);
  return overrunStatements.get(incident);
}

/** Planned work from its wording: "we will upgrade the database servers on Saturday", "scheduled maintenance". */
export function readsAsPlannedWork(text: string): boolean {
  return phraseRegex(understandingPhrases.kind.planned).test(text) && !phraseRegex(understandingPhrases.kind.unplanned).test(text);
}

const POSTMORTEM_TITLE = /\b(?:post-?mortem|incident report|retrospective|root cause analysis|incident summary|incident review)\b/i;
const POSTMORTEM_SECTION = /^\s*#{1,6}\s*(?:root cause|timeline|what happened|what went wrong|impact|lessons|action items|follow-?up|remediation)/im;

/** The text calls itself a post-mortem or incident report, or is laid out as one (its sections). */
function namesItselfPostmortem(text: string): boolean {
  return POSTMORTEM_TITLE.test(text) || phraseRegex(understandingPhrases.phase.postmortem).test(text.slice(0, 200)) || POSTMORTEM_SECTION.test(text);
}

/**
 * The phase a statement's own words give, or undefined when they do not say. Resolution wording
 * counts only as a stated fact; a summary told in the past with dates or durations is a
 * post-mortem; an ongoing problem or work in progress is a live phase.
 */
export function readPhase(statement: Statement, title: string, previous: Phase | undefined): Phase | undefined {
  const text = statement.text;
  if (/\b(?:post-?mortem|incident report|retrospective|root cause analysis|incident summary)\b/i.test(title)) return 'postmortem';
  if (phraseRegex(understandingPhrases.phase.postmortem).test(text.slice(0, 200))) return 'postmortem';
  const sentences = statement.sentences;
  const resolved = sentences.some((s) => factsOf(s).resolution);
  // "We have restored 78% of users": recovery under way, the incident is still open.
  const partial = !resolved && sentences.some((s) => factsOf(s).partialResolution);
  const ongoing = phraseRegex(understandingPhrases.phase.ongoing).test(text);
  if (resolved && !ongoingAfterResolution(statement)) {
    // A summary after the fact: told in the past, with a date or a duration, and what was done.
    if (pastSummary(statement)) return 'postmortem';
    return 'resolved';
  }
  // A letter, press statement or post-mortem intro told after the fact: "the outage last Friday",
  // with its present tense only for follow-up ("we are refunding", "we are working on improvements").
  if (!partial && lookingBack(statement)) return 'postmortem';
  if (phraseRegex(understandingPhrases.phase.monitoring).test(text)) return 'monitoring';
  if (phraseRegex(understandingPhrases.phase.identified).test(text) || sentences.some((s) => causeInPresent(s))) return 'identified';
  // The problem told as still there ("some shops still report declined cards") is live too.
  if (ongoing || sentences.some(liveProgressive) || ongoingAfterResolution(statement)) return 'investigating';
  // Resolution words with work still going on ("available again for reading; the rest is being
  // re-imported"): recovery under way.
  if (resolved || partial) return 'monitoring';
  if (pastSummary(statement)) return 'postmortem';
  if (!previous && phraseRegex(understandingPhrases.phase.live).test(text)) return 'investigating';
  return undefined;
}

/**
 * The statement's own words say the problem is over ("every mailbox has been restored", "Fixed.")
 * and nothing in it says work goes on, whatever label it carried.
 */
export function readsAsOver(statement: Statement): boolean {
  return statement.sentences.some((s) => factsOf(s).resolution) && !ongoingAfterResolution(statement);
}

/**
 * Work still going on beside a resolution. Something still broken ("uploads are still failing",
 * "the remaining stores") always keeps the statement open. A line of work under way ("we are
 * working around the clock to get everyone back") is weighed against the resolution: a letter that
 * says twice that everyone is back and keeps one older progress line is told after the fact; an
 * update with one earlier fix and one line of work still going on is live.
 */
function ongoingAfterResolution(statement: Statement): boolean {
  if (phraseRegex(understandingPhrases.phase.stillBroken).test(statement.text)) return true;
  const work = phraseRegex(understandingPhrases.phase.workUnderWay);
  if (!work.test(statement.text)) return false;
  const working = statement.sentences.filter((s) => work.test(s.text)).length;
  const resolved = statement.sentences.filter((s) => factsOf(s).resolution).length;
  return working >= resolved;
}

const PROGRESSIVE = /(?<!\b(?:if|when|once|until|while|whether)\s+(?:\w+\s+){0,3})\b(?:we are|we['’]re|is|are)\s+(?:\w+ly\s+)?(?:still\s+)?(?!going\b|being\b)(?:\w{2,}ing)\b/i;
const NOT_LIVE = /\b(?:thank(?:ing)?|apologi[sz]ing|looking forward|hoping|sorry)\b/i;

/** Something under way now, told as a fact: "we are having to shut down GPU workloads" (on the words: every read statement runs it). */
function liveProgressive(sentence: Sentence): boolean {
  return PROGRESSIVE.test(sentence.text) && !NOT_LIVE.test(sentence.text) && !NEGATION.test(sentence.text);
}

function causeInPresent(sentence: Sentence): boolean {
  return phraseRegex(understandingPhrases.phase.identified).test(sentence.text);
}

/** Told after the fact: a past date or duration, verbs in the past, and nothing still under way. */
function pastSummary(statement: Statement): boolean {
  const text = statement.text;
  if (!phraseRegex(understandingPhrases.phase.pastMarkers).test(text)) return false;
  if (phraseRegex(understandingPhrases.phase.ongoing).test(text)) return false;
  // Counted on the words, not the clauses: this runs on every statement whose phase is read, and
  // tagging them all would cost more than the rest of the run.
  const past = text.match(PAST_VERB)?.length ?? 0;
  const present = text.match(PRESENT_PROGRESSIVE)?.length ?? 0;
  return past >= 2 && present === 0;
}

/** Work on the problem itself, still going on: what makes a statement live, unlike follow-up work. */
const PROBLEM_WORK = /\b(?:(?:are|is|am|['’]re)\s+(?:\w+\s+){0,2}?(?:investigating|restoring|recovering|fixing|repairing|rectifying|reinstating|bringing|getting|monitoring|experiencing|seeing|working (?:\w+ ){0,4}?(?:to|on) (?:restor|fix|get|bring|resolv|recover|repair|rectif|reinstat|investigat|the (?:issue|problem|outage|fault)))|continu\w* to (?:investigat|restor|work on (?:the|this|a fix))|(?:is|are|remains?) (?:still )?(?:ongoing|under way|underway|in progress)|ongoing investigation|making (?:good |steady |some )?progress|(?:hope|expect|aim|plan)\w* to (?:[\w-]+ ){0,5}?(?:restore|reinstate|bring|get|resume|resolve|fix)|do(?:ing)? (?:\w+ ){0,3}?(?:utmost|everything|all) (?:\w+ ){0,3}?to (?:restore|reinstate|bring|get|resume|resolve|fix|rectify|repair)|continu\w* (?:working|to work) (?:\w+ ){0,3}?(?:to|on) (?:resolv|restor|fix|get|bring|recover|repair)|(?:are|is|['’]re) (?:just )?(?:starting|beginning) to (?:see|come|return|recover)|(?:don['’]t|do not|does not|doesn['’]t) (?:yet )?have an? (?:eta|estimate|timeline|time)|as we (?:restore|recover|repair|rebuild|bring)|being (?:restored|recovered|repaired|brought back|rebuilt|re-?enabled|fixed|reconnected)|(?:restoration|recovery|repairs?|fix) (?:is|are) (?:now )?(?:expected|estimated|scheduled|due|delayed)|(?:it|this) is having|(?:are|is|am|['’]re) currently|currently (?:investigating|working|experiencing|seeing|unable|down|unavailable|affected)|at (?:the|this) moment|right now)/i;

/**
 * Told after the fact: a past date, verbs in the past, no present harm or problem still being
 * worked on. Present tense for follow-up work ("we are refunding fees", "we are working on
 * improvements") does not make it live.
 */
function lookingBack(statement: Statement): boolean {
  const text = statement.text;
  if (PROBLEM_WORK.test(text) || phraseRegex(understandingPhrases.phase.live).test(text) || phraseRegex(understandingPhrases.phase.stillBroken).test(text) || phraseRegex(understandingPhrases.phase.workUnderWay).test(text)) return false;
  // A past date already dates it, and one verb in the past confirms it tells what happened;
  // without one, a story told in the past ("at 5:00 we discovered …, at 8:00 we reset …").
  if (phraseRegex(understandingPhrases.phase.pastMarkers).test(text)) return text.search(PAST_VERB) >= 0;
  return toldAsFinished(text);
}

const FINISHED_END = phraseRegex(understandingPhrases.phase.finishedEnd);
/** Words before a repair verb that make it not yet done: "will be restored", "to fix", "expect to have it fixed". */
const NOT_DONE_BEFORE = /\b(?:will|would|shall|should|may|might|could|must|to|be|being|expect\w*|hope\w*|plan\w*|until|once|if|when|before|not|n['’]t)\s+(?:[\w-]+\s+){0,2}$/i;

/**
 * A story told to its end, with no date to anchor it: the failure told in the past and the repair
 * or recovery that closed it told in the past too ("At 14:02 checkout began returning errors. At
 * 14:40 we rolled back the release. By 15:10 all requests succeeded."). Work or harm still under
 * way, or a promised next update, has been ruled out by the caller.
 */
function toldAsFinished(text: string): boolean {
  if (!FINISHED_END.test(text)) return false;
  let end: RegExpExecArray | undefined;
  const ends = globalPhraseRegex(understandingPhrases.phase.finishedEnd);
  for (let m = ends.exec(text); m; m = ends.exec(text)) {
    if (!NOT_DONE_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) end = m;
  }
  if (!end) return false;
  // A promised next update ("we will post again at 12:00") keeps the story open.
  if (findUpdatePromise(text, undefined) || findInfoPromise(text)?.kind === 'update') return false;
  // Something went wrong before the end, told in the past: a failure, and a verb in the past.
  const before = text.slice(0, end.index);
  return FAILURE.test(before) && (before.match(PAST_VERB) ?? []).some((verb) => !/^(?:was|were|had|did)$/i.test(verb));
}

const PAST_VERB = /\b(?:was|were|had|did|went|took|ran|broke|began|came|found|made|lost|sent|led|caused|returned|failed|identified|replaced|pushed|deployed|rolled|reverted|restored|resolved|fixed|affected|received|experienced|saw|started|stopped|crashed|became|discovered|determined|observed|noticed|tried|reset|rerouted|hit|struck|disrupted|interrupted|suffered|stranded)\b/gi;
const PRESENT_PROGRESSIVE = /\b(?:is|are|am)\s+(?:currently\s+|still\s+|now\s+)?(?:\w+ing)\b/gi;

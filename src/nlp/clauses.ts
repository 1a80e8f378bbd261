// Clause facts: each sentence cut into verb groups with their subject, object, negation, tense and
// modality (fact, forecast, aim, conditional), read from compromise's tags. compromise's own
// verb chunker splits "have not yet resolved" and "is being restored" into unrelated groups, so the
// groups are built here from its per-term tags (Verb, Auxiliary, Modal, Negative, PastTense,
// Gerund, Infinitive, Copula) and its conjugator gives each main verb's infinitive.
// Only computed for sentences some detector's cheap trigger lets through (understanding.ts).

import type { Analysis, Term } from './analysis.js';
import type { Clause, ClauseAgent, ClauseModality, ClauseTense, TextSpan } from '../engine/model.js';
import { hasLetterOrDigit } from './letters.js';

const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'am', "'s", "'re", "'m"]);
const HAVE = new Set(['has', 'have', 'had', "'ve", "'d"]);
const DO = new Set(['do', 'does', 'did']);
const FUTURE = new Set(['will', "'ll", 'shall', 'wo']);
const MODAL_FORECAST = new Set(['may', 'might', 'could', 'should', 'would', 'must', 'can', 'ought']);
const NEGATORS = new Set(['not', "n't", 'never', 'no longer', 'nt']);
/** Verbs whose to-infinitive (or that-clause) is a forecast: "expect supply to be restored". */
const FORECAST_VERBS = new Set(['expect', 'anticipate', 'estimate', 'predict', 'project', 'forecast', 'hope', 'believe', 'likely']);
/** Verbs whose to-infinitive is an aim: "working to restore", "aim to fix". */
const AIM_VERBS = new Set(['work', 'aim', 'try', 'attempt', 'strive', 'plan', 'intend', 'want', 'need', 'seek', 'endeavour', 'endeavor', 'continue', 'prepare', 'hope', 'schedule', 'have', 'commit', 'promise', 'expect', 'going', 'go']);
const CONDITIONAL = new Set(['if', 'unless', 'whether', 'provided', 'should']);
/** Openers after which a present-tense clause is not yet true: "until this is resolved", "once it is fixed". */
const PENDING = new Set(['once', 'until', 'till', 'when', 'whenever', 'before', 'after']);
const SUBORDINATORS = new Set([
  'if', 'unless', 'whether', 'once', 'until', 'till', 'when', 'whenever', 'before', 'after', 'because', 'since', 'as',
  'while', 'although', 'though', 'whereas', 'so', 'and', 'but', 'or', 'which', 'that', 'who', 'where', 'then',
]);
const NEGATIVE_SUBJECT = /^(?:no|none|nothing|nobody|neither|never)\b/i;
const PARTICLES = new Set(['out', 'back', 'up', 'down', 'off', 'over', 'in']);
const WE = /^(?:we|i|us|(?:the )?(?:engineers|technicians|crews?)|our (?:[\w-]+ ){0,3}?(?:team|teams|engineers?|staff|people|company|support|on-?call|sre|ops|operations|developers?|lead|leads|ceo|cto|founders?|[\w-]+ team)|the (?:[\w-]+ )?team|[A-Z][\w-]* (?:engineering|support|operations))$/i;
const YOU = /^(?:you|your\b|customers?|users?|members?|subscribers?|clients?|account holders?)/i;
const OTHER = /\b(?:provider|providers|vendor|vendors|partner|partners|supplier|suppliers|upstream|third[- ]party|carrier|host|hosting company|isp|contractor|they|he|she|someone|somebody|attacker|attackers|hackers?|authorit(?:y|ies)|regulators?|police)\b/i;

const isWord = (t: Term) => hasLetterOrDigit(t.text) || t.text === '';
const norm = (t: Term) => t.normal.replace(/[’]/g, "'");

function isVerbish(t: Term): boolean {
  if (t.tags.has('Particle') && !t.tags.has('Auxiliary')) return false;
  return t.tags.has('Verb') || t.tags.has('Auxiliary') || t.tags.has('Modal') || t.tags.has('Copula');
}

const AUX_WORDS = (n: string) => BE.has(n) || HAVE.has(n) || DO.has(n) || FUTURE.has(n) || MODAL_FORECAST.has(n);

/** A word compromise tagged as a verb that the words around it show is a noun. */
function nounInDisguise(terms: readonly Term[], i: number): boolean {
  const t = terms[i];
  const n = norm(t);
  if (AUX_WORDS(n) || t.tags.has('Auxiliary') || t.tags.has('Modal')) return false;
  const before = terms[i - 1];
  // A verb right after a main verb is its object: "paused deploys".
  if (before && isVerbish(before) && !AUX_WORDS(norm(before)) && !before.tags.has('Auxiliary') && !before.tags.has('Modal') && !t.tags.has('Gerund') && !t.tags.has('Infinitive') && !PARTICLES.has(n)) return true;
  // "a full write-up", "the rollback", "our hosting provider"
  // "This led to …": a demonstrative before a past form is a subject, not a determiner.
  const demonstrative = !!before && /^(?:this|that|these|those|which|it)$/.test(norm(before)) && t.tags.has('PastTense');
  if (before && !demonstrative && (before.tags.has('Determiner') || before.tags.has('Possessive') || (before.tags.has('Adjective') && !BE.has(norm(before)))) && !t.tags.has('Gerund')) return true;
  // "may result in slightly increased latency", "due to degraded performance": a participle right
  // after a preposition (and its adverb) modifies the noun that follows; it is not a clause.
  const lead = before && before.tags.has('Adverb') && /ly$/.test(norm(before)) ? terms[i - 2] : before;
  if (lead && lead.tags.has('Preposition') && /ed$/.test(n) && terms[i + 1]?.tags.has('Noun') && !terms[i + 1].tags.has('Pronoun')) return true;
  // "Engineers expect …": a plural noun read as a verb, followed by the real verb.
  const next = terms[i + 1];
  if (next && isVerbish(next) && !next.tags.has('Gerund') && !t.tags.has('Infinitive') && /s$/.test(n) && !PARTICLES.has(norm(next)) && (i === 0 || !isVerbish(before))) return true;
  return false;
}

function isNegator(t: Term): boolean {
  return NEGATORS.has(norm(t)) || (t.tags.has('Negative') && !/^(?:no|none|nothing|nobody)$/.test(norm(t)));
}

/** A participle compromise tagged as an adjective after a be-form: "is being restored". */
function participleLike(t: Term): boolean {
  return /^[a-z]+(?:ed|en|wn|ne|lt|pt|ught|ent)$/.test(norm(t)) && !t.tags.has('Noun');
}

interface Group {
  first: number;
  last: number;
  main: number;
  aux: string[];
  negated: boolean;
  infinitive: boolean;
}

/** Finds verb groups: auxiliaries, adverbs and negations, then a main verb (and its particle). */
function verbGroups(terms: readonly Term[]): Group[] {
  const groups: Group[] = [];
  let i = 0;
  while (i < terms.length) {
    const t = terms[i];
    const n = norm(t);
    // "to" before a base verb, but not after a verb that takes "to" as a preposition ("led to crashes").
    const afterPreposition = i > 0 && /^(?:led|lead|leads|leading|due|related|according|prior|back|up|return|returned|close|next|thanks|owing|contributed|contribute|contributes|respond|responded|switch|switched|moved|migrated|access|compared)$/.test(norm(terms[i - 1]));
    const nextVerb = terms[i + 1];
    const infinitive =
      n === 'to' && !afterPreposition && !!nextVerb && nextVerb.tags.has('Verb') &&
      (nextVerb.tags.has('Infinitive') || BE.has(norm(nextVerb)) || (nextVerb.tags.has('PresentTense') && !/(?:s|ed|ing)$/.test(norm(nextVerb))));
    if (!infinitive && (!isVerbish(t) || nounInDisguise(terms, i))) {
      i++;
      continue;
    }
    // A gerund opening a noun phrase ("Keeping every train on time is …") is a subject, not a group.
    if (!infinitive && t.tags.has('Gerund') && !terms.slice(Math.max(0, i - 2), i).some((p) => BE.has(norm(p)))) {
      i++;
      continue;
    }
    const group: Group = { first: i, last: i, main: i, aux: [], negated: false, infinitive };
    let j = infinitive ? i + 1 : i;
    for (; j < terms.length; j++) {
      const u = terms[j];
      const un = norm(u);
      if (isNegator(u)) {
        group.negated = true;
        continue;
      }
      if (un === 'yet' || un === 'still' || un === 'now' || un === 'also' || un === 'already' || un === 'just' || (u.tags.has('Adverb') && !isVerbish(u))) {
        // An adverb inside the group only if a verb follows it.
        const next = terms.slice(j + 1, j + 3).find((x) => isVerbish(x) || participleLike(x));
        if (next && j > group.main) continue;
        if (next && j === group.first) continue;
        break;
      }
      // "have to roll back", "need to restart", "going to migrate": the verb after "to" is the main one.
      if ((HAVE.has(un) || un === 'need' || un === 'needs' || un === 'going' || un === 'got') && norm(terms[j + 1] ?? u) === 'to' && terms[j + 2] && isVerbish(terms[j + 2])) {
        group.aux.push(un === 'going' ? 'going' : 'have-to');
        j++;
        continue;
      }
      const auxLike = BE.has(un) || HAVE.has(un) || DO.has(un) || FUTURE.has(un) || MODAL_FORECAST.has(un) || t.tags.has('Modal');
      if (isVerbish(u) || (j > i && participleLike(u) && group.aux.some((a) => BE.has(a)))) {
        if (j > group.main && !group.aux.length && group.main !== group.first) break;
        // Another auxiliary or the main verb.
        const nextVerb = terms.slice(j + 1, j + 4).find((x) => !isNegator(x) && !x.tags.has('Adverb') && norm(x) !== 'yet');
        if ((auxLike || u.tags.has('Auxiliary')) && nextVerb && (isVerbish(nextVerb) || participleLike(nextVerb)) && !(BE.has(un) && nextVerb.tags.has('Gerund') === false && !isVerbish(nextVerb) && !participleLike(nextVerb))) {
          group.aux.push(un);
          group.main = j;
          group.last = j;
          continue;
        }
        group.main = j;
        group.last = j;
        j++;
        break;
      }
      break;
    }
    // "was not a cyber attack": a negation right after a copula main verb; "nor was it a
    // failure": "nor" before the group.
    if ((j < terms.length && j === group.main + 1 && BE.has(norm(terms[group.main])) && isNegator(terms[j])) || /^(?:nor|neither)$/.test(norm(terms[group.first - 1] ?? terms[group.first]))) group.negated = true;
    // The particle of a phrasal verb: "knocked out", "rolled back".
    if (j < terms.length && PARTICLES.has(norm(terms[j])) && (terms[j].tags.has('Particle') || terms[j].tags.has('PhrasalVerb'))) group.last = j++;
    // The main verb of "has been", "is" alone is the copula itself.
    groups.push(group);
    i = Math.max(j, group.last + 1);
  }
  return groups;
}

function spanOf(text: string, terms: readonly Term[], from: number, to: number): TextSpan | undefined {
  while (from <= to && !isWord(terms[from])) from++;
  while (to >= from && !isWord(terms[to])) to--;
  if (from > to) return undefined;
  const start = terms[from].start;
  const end = terms[to].end;
  if (end <= start) return undefined;
  return { text: text.slice(start, end), start, end };
}

const FRONTED = /^(?:(?:at|on|in|by|after|before|during|around|since|from|over|shortly after|just after|just before|earlier|later|yesterday|today|tonight|then|last|this)\b[^,]*?(?:,\s*|\s+(?=(?:we|i|our|the)\b)))/i;

function agentOf(subject: TextSpan | undefined): ClauseAgent {
  if (!subject) return 'none';
  const s = subject.text.trim().replace(/['’](?:re|ve|ll|d|m|s)$/i, '');
  if (WE.test(s)) return 'we';
  // A fronted time or place before the subject: "At 09:00 we", "Shortly after midnight our team".
  const fronted = FRONTED.exec(s);
  if (fronted && WE.test(s.slice(fronted[0].length))) return 'we';
  if (OTHER.test(s)) return 'other';
  if (YOU.test(s)) return 'you';
  return 'thing';
}

/** Cuts a tagged sentence into clauses. */
export function clausesOf(text: string, analysis: Analysis): Clause[] {
  const terms = analysis.terms;
  const groups = verbGroups(terms);
  const clauses: Clause[] = [];
  // compromise keeps punctuation out of a term's text: a clause break is in the gap after it.
  const breakAfter = (k: number) => /[,;:(—–]/.test(text.slice(terms[k].end, terms[k + 1]?.start ?? text.length));
  let previousEnd = -1;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    const main = terms[group.main];
    const mainNormal = norm(main);
    // Where the clause opens: after the previous group, at the last comma or clause opener.
    let open = previousEnd + 1;
    let subordinator: string | undefined;
    for (let k = group.first - 1; k > previousEnd; k--) {
      const kn = norm(terms[k]);
      if (breakAfter(k)) {
        open = k + 1;
        break;
      }
      if (SUBORDINATORS.has(kn) && (terms[k].tags.has('Conjunction') || terms[k].tags.has('Preposition') || ['which', 'that', 'who', 'where', 'if', 'once', 'until', 'when', 'while', 'because', 'unless', 'after', 'before', 'since', 'so', 'then', 'as', 'whether', 'though', 'although'].includes(kn))) {
        subordinator = kn;
        open = k + 1;
        break;
      }
    }
    if (!subordinator && open > 0) {
      const before = terms[open - 1];
      if (before && SUBORDINATORS.has(norm(before))) subordinator = norm(before);
    }
    // "as soon as", "in case", "in order to"
    const lead = terms.slice(Math.max(0, open - 3), open).map(norm).join(' ');
    if (/\bas soon as$/.test(lead)) subordinator = 'once';
    if (/\bin case$/.test(lead) || /\bin the event$/.test(lead)) subordinator = 'if';
    const clauseStartTerm = group.infinitive ? group.first : open;
    const subject = group.infinitive ? undefined : spanOf(text, terms, open, group.first - 1);
    // The clause ends before the next group's opening (its subject), or at a comma.
    const nextGroup = groups[g + 1];
    let endTerm = nextGroup ? nextGroup.first - 1 : terms.length - 1;
    if (nextGroup) {
      for (let k = group.last + 1; k < nextGroup.first; k++) {
        const kn = norm(terms[k]);
        if (breakAfter(k) || (k > group.last + 1 && SUBORDINATORS.has(kn) && (terms[k].tags.has('Conjunction') || ['which', 'that', 'who', 'if', 'once', 'until', 'when', 'while', 'because', 'unless', 'after', 'before'].includes(kn)))) {
          endTerm = breakAfter(k) ? k : k - 1;
          break;
        }
      }
    }
    if (nextGroup?.infinitive && endTerm >= nextGroup.first - 1) endTerm = nextGroup.first - 1;
    const object = spanOf(text, terms, group.last + 1, endTerm);
    const verb = spanOf(text, terms, group.first, group.last);
    if (!verb) continue;
    const aux = group.aux;
    const hasAux = (set: Set<string>) => aux.some((a) => set.has(a));
    const passive = (aux.some((a) => BE.has(a)) && (main.tags.has('PastTense') || main.tags.has('Participle') || main.tags.has('Passive') || participleLike(main)) && !main.tags.has('Gerund')) || (group.infinitive && BE.has(norm(terms[group.first + 1] ?? main)) && participleLike(main));
    const progressive = ((main.tags.has('Gerund') || /ing$/.test(mainNormal)) && aux.some((a) => BE.has(a))) || (aux.includes('being') && aux.length > 1);
    const perfect = hasAux(HAVE) && !aux.includes('had') ? true : false;
    let tense: ClauseTense;
    if (hasAux(FUTURE) || aux.includes('going')) tense = 'future';
    else if (group.negated && aux.includes('could')) tense = 'past';
    else if (aux.some((a) => ['was', 'were', 'did', 'had', "'d"].includes(a)) || (!aux.length && main.tags.has('PastTense') && !group.infinitive) || ['was', 'were'].includes(mainNormal)) tense = 'past';
    else if (perfect) tense = 'past';
    else tense = 'present';
    let negated = group.negated;
    if (subject && NEGATIVE_SUBJECT.test(subject.text)) negated = true;
    // "yet to be restored", "has yet to"
    if (/\byet to\b/i.test(text.slice(verb.start, (object?.end ?? verb.end) + 1)) && !/\bnot yet\b/i.test(verb.text)) negated = true;
    let modality: ClauseModality = 'fact';
    const negatedModal = negated && aux.some((a) => a === 'could' || a === 'can');
    if (hasAux(FUTURE) || (aux.some((a) => MODAL_FORECAST.has(a)) && !negatedModal)) modality = 'forecast';
    if (mainNormal === 'be' || BE.has(mainNormal)) {
      // "an interruption is possible", "supply is expected back"
      if (object && /^(?:(?:very |quite |most |more |less )?(?:possible|likely|unlikely|expected|anticipated|scheduled|planned|due))\b/i.test(object.text)) modality = 'forecast';
    }
    if (passive && /^(?:expect|anticipat|schedul|plan|due)/.test(mainNormal)) modality = 'forecast';
    if (subordinator && CONDITIONAL.has(subordinator)) modality = 'conditional';
    if (subordinator && PENDING.has(subordinator) && tense !== 'past') modality = 'conditional';
    if (group.infinitive) {
      // Governed by the clause before: "expect X to be restored" (forecast), "working to restore" (aim).
      const governor = clauses[clauses.length - 1];
      const lemma = governor?.lemma.split(' ').pop() ?? '';
      if (governor && governor.modality === 'conditional') modality = 'conditional';
      else if (governor && FORECAST_VERBS.has(lemma) && !AIM_VERBS.has(lemma)) modality = 'forecast';
      else if (governor && (lemma === 'expect' || (governor.passive && /^expect/.test(lemma)))) modality = 'forecast';
      else if (governor && lemma === 'be' && /^(?:expected|likely|scheduled|due|set|going|about)\b/i.test(governor.object?.text ?? '')) modality = 'forecast';
      else modality = 'aim';
      if (governor && !governor.purpose) governor.purpose = spanOf(text, terms, group.first, endTerm);
    }
    // A verb joined by "and"/"or" to an infinitive or a non-fact, with no subject of its own,
    // shares its modality: "working to increase capacity and get the wait time back to normal".
    const joined = clauses[clauses.length - 1];
    if (!subject && !group.infinitive && joined && (joined.infinitive || joined.modality !== 'fact') && (subordinator === 'and' || subordinator === 'or' || /^\s*(?:and|or)\s*$/.test(text.slice(joined.end, verb.start)))) {
      modality = joined.modality;
    }
    const lemma = lemmaOf(main, terms[group.last] !== main ? terms[group.last] : undefined);
    clauses.push({
      start: terms[clauseStartTerm]?.start ?? verb.start,
      end: object?.end ?? verb.end,
      subject,
      // An infinitive, or a verb joined to the one before without a subject ("we restored …, updated …"), shares its subject.
      agent: group.infinitive || (!subject && clauses.length > 0) ? clauses[clauses.length - 1]?.agent ?? 'none' : agentOf(subject),
      verb,
      lemma,
      object,
      negated,
      tense,
      perfect,
      progressive,
      passive,
      modality,
      infinitive: group.infinitive,
      subordinator,
    });
    previousEnd = Math.max(group.last, endTerm);
  }
  return clauses;
}

function lemmaOf(main: Term, particle: Term | undefined): string {
  const n = norm(main);
  let base: string;
  if (BE.has(n)) base = 'be';
  else if (HAVE.has(n)) base = 'have';
  else if (main.tags.has('Infinitive') && !main.tags.has('PastTense')) base = n;
  else if (/^[a-z][a-z-]*$/.test(n)) base = infinitiveOf(n);
  else base = n;
  return particle && PARTICLES.has(norm(particle)) ? `${base} ${norm(particle)}` : base;
}

const IRREGULAR: Record<string, string> = { sent: 'send', lost: 'lose', brought: 'bring', built: 'build', caught: 'catch', took: 'take', taken: 'take', went: 'go', gone: 'go', ran: 'run', made: 'make', found: 'find', held: 'hold', hit: 'hit', put: 'put', set: 'set', shut: 'shut', cut: 'cut', left: 'leave', kept: 'keep', began: 'begin', begun: 'begin', broke: 'break', broken: 'break', fell: 'fall', fallen: 'fall', got: 'get', gotten: 'get', knew: 'know', known: 'know', led: 'lead', paid: 'pay', said: 'say', saw: 'see', seen: 'see', spent: 'spend', told: 'tell', wrote: 'write', written: 'write', rebuilt: 'rebuild', shown: 'show', driven: 'drive', overran: 'overrun', undone: 'undo' };

/** The infinitive of a verb form: compromise's conjugator, then the regular endings. */
function infinitiveOf(n: string): string {
  if (IRREGULAR[n]) return IRREGULAR[n];
  // compromise's conjugator would cost a tagging run per new verb: the regular endings and the
  // irregular table above cover the verbs the detectors ask about.
  if (/ied$/.test(n)) return n.slice(0, -3) + 'y';
  if (/eed$/.test(n)) return n.slice(0, -1);
  if (/ed$/.test(n)) return pastStem(n.slice(0, -2));
  if (/ing$/.test(n)) return n.slice(0, -3);
  if (/ies$/.test(n)) return n.slice(0, -3) + 'y';
  if (/(?:ss|sh|ch|x)es$/.test(n)) return n.slice(0, -2);
  if (/s$/.test(n) && !/ss$/.test(n)) return n.slice(0, -1);
  return n;
}

/**
 * The infinitive under a regular "-ed" form, from the stem's ending: "stopp" -> "stop",
 * "caus" -> "cause", "restor" -> "restore" but "monitor", "migrat" -> "migrate" but "repeat".
 */
function pastStem(stem: string): string {
  if (/([bdfgklmnprtvz])\1$/.test(stem) && !/(?:ll|ss|ff|zz)$/.test(stem) && stem.length > 3) return stem.slice(0, -1);
  if (/creat$/.test(stem)) return `${stem}e`;
  if (/(?:eat|ooted|oot|ited|it|itor|rror|rr|ain|ioned|ion|ened|en|elop|orm|irm|ck|[^aeiou]k|ss)$/.test(stem)) return stem;
  if (/(?:at|ut|ot|et|id|ud|ad|od|v|ur|or|ir|ar|us|as|is|iz|os|ps|ns|rs|ys|c|[^g]g|ul|[bptdkgcz]l|ok|ik|ak|in|un|on|im|am|um|ip|yp|op|ap|z|u)$/.test(stem)) return `${stem}e`;
  return stem;
}

import { defineRule, type Sentence, type Statement } from '../src/rule.js';
import type { Analysis } from '../src/nlp/analysis.js';
import { IMPACT_PHRASES } from '../src/nlp/impact.js';
import { findCause } from '../src/nlp/matchers.js';
import { phraseRegex } from '../src/nlp/phrases.js';
import { clauseStartIndex, isNegation, isPersonTerm, punctuationBetween, subjectOf, verbGroup, type Subject } from '../src/nlp/subjects.js';
import data from './data/agentless-failure.json' with { type: 'json' };

interface Options {
  /** "occurred", "arose", "took place": the failure happens by itself. */
  happenVerbs: string[];
  /** "suffered", "experienced": a system undergoes the failure. */
  sufferVerbs: string[];
  /** "became", "went": with a failure state ("became unstable", "went wrong"). */
  becomeVerbs: string[];
  failureStates: string[];
  /** Subjects that are a failure ("an outage", "things"). */
  failureNouns: string[];
  /** Subjects that experience a failure rather than stand for it: people, and units of work (requests, jobs). */
  experiencers: string[];
}

type Kind = 'happen' | 'suffer' | 'become';

interface Compiled {
  /** Cheap tests on the text before any tagging: one of the verbs, and a failure word. */
  prefilter: RegExp;
  failureWords: RegExp[];
  verbs: RegExp;
  kinds: [Kind, RegExp][];
  states: RegExp;
  failure: RegExp;
  people: RegExp;
  suffer: RegExp;
}

/** A word before a verb that makes it anything but past narration of a failure. */
const NOT_NARRATION = /^(?:is|are|am|being|will|would|may|might|can|could|should|must|shall|to|not|never|\w+n't|cannot|if|unless)$/;

/** Words of harm in the object of "suffered"/"experienced" (shared with the other impact rules). */
const harmRegex = phraseRegex(IMPACT_PHRASES.harm);

const compiled = new WeakMap<Options, Compiled>();

function compile(options: Options): Compiled {
  let c = compiled.get(options);
  if (!c) {
    const prefilter = phraseRegex([...options.happenVerbs, ...options.sufferVerbs, ...options.becomeVerbs]);
    c = {
      prefilter,
      failureWords: [phraseRegex(options.failureNouns), phraseRegex(options.failureStates), harmRegex],
      // The same list scans for every hit; `kinds` classifies each one.
      verbs: new RegExp(prefilter.source, 'giu'),
      kinds: [
        ['happen', anchored(options.happenVerbs)],
        ['suffer', anchored(options.sufferVerbs)],
        ['become', anchored(options.becomeVerbs)],
      ],
      states: anchored(options.failureStates),
      failure: anchored(options.failureNouns),
      people: anchored(options.experiencers),
      suffer: anchored(options.sufferVerbs),
    };
    compiled.set(options, c);
  }
  return c;
}

/** A whole-string match of a phrase list (compiled once per list). */
const anchoredCache = new WeakMap<readonly string[], RegExp>();
function anchored(list: readonly string[]): RegExp {
  let re = anchoredCache.get(list);
  if (!re) anchoredCache.set(list, (re = new RegExp(`^(?:${list.map((p) => `(?:${p})`).join('|') || '(?!)'})$`, 'iu')));
  return re;
}

interface Hit {
  start: number;
  end: number;
  subject: Subject;
  kind: Kind;
}

/** The clauses in the sentence whose actor is the failure itself. */
function findAgentlessFailures(sentence: Sentence, c: Compiled): Hit[] {
  const text = sentence.text;
  const hits: Hit[] = [];
  // Rule out hits from the word before them, without tagging: "users experienced" (people are
  // experiencers), "is experiencing"/"may occur"/"to happen"/"not happened" (not past narration).
  const matches = [...text.matchAll(c.verbs)].filter((m) => {
    const previous = /([\p{L}']+)\W*$/u.exec(text.slice(Math.max(0, (m.index ?? 0) - 40), m.index))?.[1].toLowerCase() ?? '';
    if (NOT_NARRATION.test(previous)) return false;
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
    if (!verb.tags.has('Verb') || !(verb.tags.has('PastTense') || verb.tags.has('Participle') || verb.tags.has('Passive'))) continue;
    const group = verbGroup(text, nlp, verbIndex);
    if (group.negated || group.modal || group.infinitive || group.present) continue;
    const kind = c.kinds.find(([, re]) => re.test(m[0].toLowerCase().replace(/\s+/g, ' ')))?.[0];
    if (!kind) continue;
    const subject = subjectOf(text, nlp, verbIndex);
    if (!subject || subject.negated) continue;
    const head = subject.head.normal.replace(/'s$/, '');
    const isFailure = c.failure.test(head);
    // People anywhere in the subject ("100% of users attempting to sign up") make them the
    // experiencers: that describes impact, not a failure acting by itself.
    // The clause's first noun is its grammatical subject when the walk to the head got lost in a
    // long modifier ("100% of users attempting to sign up with a password experienced errors").
    const clauseStart = clauseStartIndex(text, nlp, verbIndex);
    const firstNoun = terms.slice(clauseStart, verbIndex).find((t) => t.tags.has('Noun') && !t.tags.has('Value') && !t.tags.has('Date'));
    const isPerson = isPersonTerm(subject.head, c.people) || (!!firstNoun && isPersonTerm(firstNoun, c.people));
    let end = at + m[0].length;
    if (kind === 'happen') {
      if (!isFailure) continue;
    } else if (kind === 'suffer') {
      if (group.be) {
        // "errors were experienced": the failure is the subject of a passive.
        if (!isFailure) continue;
      } else {
        // "the network suffered critical disruption": a system undergoes harm, nobody caused it.
        if (isPerson || isFailure) continue;
        const object = clauseAfter(text, nlp, verbIndex);
        if (!object || /^\s*(?:no|zero|none)\b/i.test(object.text)) continue;
        const harm = harmRegex.exec(object.text);
        if (!harm) continue;
        end = object.start + harm.index + harm[0].length;
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
    hits.push({ start: subject.start, end, subject, kind });
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

function statementGivesCause(statement: Statement): boolean {
  return statement.sentences.some((s) => findCause(s.text));
}

export default defineRule<Options>({
  meta: {
    id: 'agentless-failure',
    principle: 'P2',
    scope: 'sentence',
    severity: 'warning',
    description: 'The failure is the grammatical actor ("an outage occurred"), so nobody caused it.',
    maintenance: false,
    docs: {
      why:
        'Skype\'s 2007 statement said "the Skype peer-to-peer network became unstable and suffered critical disruption", as if the network had fallen ill by itself. Its rewrite said "a Windows update caused a massive outage" and then owned the bug that turned restarts into a two-day outage. A failure that "occurred" or "arose" has no cause and no owner, and readers notice.',
      fix: 'Make the cause the subject and name it: "a Windows update caused a massive outage", "a bad configuration change we made took the routing layer down". If you do not know the cause yet, say what you are checking.',
      fail: [
        { text: '---\nstatus: resolved\n---\nYesterday an outage occurred on our network. Normal service is back.' },
        { text: '---\nstatus: resolved\n---\nThe network became unstable and suffered critical disruption. It is recovering.' },
        { text: '---\nstatus: resolved\n---\nErrors were experienced by customers in Europe between 09:00 and 11:00 CET. Things went wrong, and we are sorry.' },
      ],
      pass: [
        { text: '---\nstatus: resolved\n---\nA Windows update caused a massive outage of our network on Thursday.' },
        {
          text: '---\nstatus: resolved\n---\nBetween 09:00 and 11:00 UTC, the API experienced elevated error rates. This was caused by a configuration change we deployed at 08:55.',
        },
        { text: '---\nstatus: investigating\n---\nCustomers in Europe experienced errors when signing in. No data loss occurred. We are checking the load balancers.' },
      ],
    },
    options: {
      happenVerbs: data.happenVerbs,
      sufferVerbs: data.sufferVerbs,
      becomeVerbs: data.becomeVerbs,
      failureStates: data.failureStates,
      failureNouns: data.failureNouns,
      experiencers: data.experiencers,
    },
  },
  check(context) {
    const c = compile(context.options);
    for (const statement of context.incident.statements) {
      // A statement that names the cause elsewhere has given the failure its cause.
      let hasCause: boolean | undefined;
      for (const sentence of statement.sentences) {
        if (!c.prefilter.test(sentence.text) || !c.failureWords.some((re) => re.test(sentence.text))) continue;
        // The cause test is text-only, so it runs before any tagging.
        hasCause ??= statementGivesCause(statement);
        if (hasCause) break;
        const hits = findAgentlessFailures(sentence, c);
        for (const hit of hits) {
        const phrase = sentence.text.slice(hit.start, hit.end);
        const failure = sentence.text.slice(hit.subject.start, hit.subject.end);
        // For "an outage occurred" the rewrite keeps the writer's own noun: "[the cause] caused an outage".
        const own =
          hit.kind === 'happen' && !hit.subject.relative && /^(?:an?|the|some)\s/i.test(failure)
            ? `"[the cause] caused ${failure.replace(/^(?:The|An?|Some)\b/, (w) => w.toLowerCase())}", as in `
            : '';
        context.report({
          statement,
          sentence,
          start: hit.start,
          end: hit.end,
          message: `"${phrase}" makes the failure its own actor, as if nobody caused it. Name the cause as the subject: ${own}"a Windows update caused a massive outage". If you do not know it yet, say what you are checking.`,
        });
        }
      }
    }
  },
});

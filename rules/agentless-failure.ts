import { defineRule, type CauseFact, type Sentence, type Statement } from '../src/rule.js';
import { AGENCY_PHRASES, findAgentlessFailures, mayHaveAgentlessFailure, type AgentlessFailure } from '../src/nlp/agency.js';
import { IMPACT_PHRASES } from '../src/nlp/impact.js';
import { settledFact, UNSETTLED } from '../src/nlp/understanding.js';

interface Options {
  /** "occurred", "arose", "took place": the failure happens by itself. */
  happenVerbs: string[];
  /** "suffered", "experienced": a system undergoes the failure. */
  sufferVerbs: string[];
  /** "became", "went": with a failure state ("became unstable", "went wrong"). */
  becomeVerbs: string[];
  /** "crashed", "froze": a system fails by itself. */
  failVerbs: string[];
  failureStates: string[];
  /** Subjects that are a failure ("an outage", "things"). */
  failureNouns: string[];
  /** Subjects that experience a failure rather than stand for it: people, and units of work (requests, jobs). */
  experiencers: string[];
  harm: string[];
  /** "suffered", "sustained": verbs that make even "we" a victim of the failure. */
  victimVerbs: string[];
}

/** The writer as owner: "a configuration change we deployed", "our load balancer", "us". */
const OWNER = /\b(?:we|our|us|ours|ourselves)\b|\bwe['’](?:ve|d|re)\b/i;
/** A clause in which we set the failure off: "after we initiated a migration", "when we deployed". */
const WE_TRIGGERED = /\b(?:after|when|because|as|once|while|since)\s+(?:we|our (?:team|engineers))\b/i;
/** A clause that tells what set the failure off: "… occurred when increased load exposed …". */
const SET_OFF = /^\s*(?:[\w-]+\s+){0,2}?(?:when|after|as soon as|once|because)\s+(?!(?:we|you|users?|customers?)\b)(?:[\w'’-]+\s+){1,5}?[a-z]+(?:ed|ew|ook|ought|ame|ent|ell|ose|oke|ung|an|ad|it)\b/i;
/** A sentence about the failure just told: its subject points back to it ("This was caused by …", "The root cause was …"). */
const ABOUT_THE_FAILURE = /^\s*(?:this|that|it|these|those|the (?:(?:root )?cause|incident|issue|outage|degradation|problem|failure|disruption|errors?|delays?|interruption)s?)\b/i;

/**
 * Is the failure in this sentence given its cause? By the sentence itself; by another sentence
 * that is about the failure and says what caused it ("This was caused by …", "The root cause was
 * …": the explanation of this failure); or by a cause the writer owns ("a change we deployed").
 * A sentence with a subject of its own that names no owner ("A faulty database upgrade led to
 * the freeze.") leaves the failure here acting by itself.
 */
function causeGiven(statement: Statement, sentence: Sentence, hit: AgentlessFailure, cause: (s: Sentence) => CauseFact | undefined): boolean {
  // "… occurred after we initiated a migration": the sentence itself names us as the trigger.
  if (WE_TRIGGERED.test(sentence.text)) return true;
  // "The incident occurred when increased load exposed a bottleneck": a clause right after the
  // failure says what set it off.
  if (SET_OFF.test(sentence.text.slice(hit.end))) return true;
  // A cause read inside the failure's own words ("A compromise of …") is the failure, not its cause.
  const own = cause(sentence);
  if (own && !(own.start >= hit.start && own.end <= hit.end)) return true;
  return statement.sentences.some((other) => {
    if (other === sentence) return false;
    const given = cause(other);
    return !!given && ((ABOUT_THE_FAILURE.test(other.text) && given.via === 'connective') || OWNER.test(other.text));
  });
}

/**
 * Is every failure the tagger could find in the sentence excused before it is tagged? causeGiven's
 * tests that do not depend on the failure: we triggered it, or another sentence whose cause is
 * settled in words gives the cause (settledFact; a cause only tagging could tell is left for later).
 */
function excusedBeforeTagging(statement: Statement, sentence: Sentence): boolean {
  if (WE_TRIGGERED.test(sentence.text)) return true;
  return statement.sentences.some((other) => {
    if (other === sentence) return false;
    const given = settledFact(other, 'cause');
    return given !== UNSETTLED && !!given && ((ABOUT_THE_FAILURE.test(other.text) && given.via === 'connective') || OWNER.test(other.text));
  });
}

/** "[the cause] caused an outage", "[the cause] made the booking engine unresponsive": the writer's own words, cause first. */
function causeFirst(sentence: Sentence, hit: AgentlessFailure): string | undefined {
  const text = sentence.text;
  const failure = text.slice(hit.subject.start, hit.subject.end);
  const lower = failure.replace(/^(?:The|An?|Some|Our|This|That)\b/, (w) => w.toLowerCase());
  if (hit.subject.relative) return undefined;
  if (hit.kind === 'happen' && /^(?:an?|the|some)\s/i.test(failure)) return `[the cause] caused ${lower}`;
  if (hit.kind === 'become') {
    const state = /(\S+)$/.exec(text.slice(hit.subject.end, hit.end))?.[1];
    // "went down" -> "took … down"; "went wrong" has no object form to keep.
    if (state && /^(?:down|offline|dark|silent)$/i.test(state)) return `[the cause] took ${lower} ${state}`;
    if (state && !/^(?:wrong|awry|haywire|over)$/i.test(state)) return `[the cause] made ${lower} ${state}`;
  }
  if (hit.kind === 'fail' && /^(?:crashed|froze)$/i.test(text.slice(hit.subject.end, hit.end).trim())) {
    return `[the cause] ${text.slice(hit.subject.end, hit.end).trim()} ${lower}`;
  }
  return undefined;
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
        { text: '---\nstatus: resolved\n---\nThe booking engine became unresponsive on Friday evening. A faulty database upgrade led to the freeze.' },
        { text: '---\nstatus: resolved\n---\nA compromise of our mail server took place in June.' },
        { text: '---\nstatus: resolved\n---\nA series of errors came together to extend the downtime.' },
        { text: '---\nstatus: identified\n---\nAround 03:00 the ticketing database crashed. We are restoring it.' },
        // We as the failure's victim: it befell us, and nobody caused it.
        { text: '---\nstatus: investigating\n---\nWe suffered a major outage on our backbone link this morning. Calls are failing across the region.' },
      ],
      pass: [
        { text: '---\nstatus: resolved\n---\nA Windows update caused a massive outage of our network on Thursday.' },
        {
          text: '---\nstatus: resolved\n---\nBetween 09:00 and 11:00 UTC, the API experienced elevated error rates. This was caused by a configuration change we deployed at 08:55.',
        },
        { text: '---\nstatus: investigating\n---\nCustomers in Europe experienced errors when signing in. No data loss occurred. We are checking the load balancers.' },
        { text: '---\nstatus: resolved\n---\nThe booking engine became unresponsive on Friday evening because a database upgrade we ran locked its tables.' },
        { text: '---\nstatus: resolved\n---\nOur staff stopped working on the migration at 18:00. The report server crashed after our engineers pushed a faulty index.' },
        // Reporting what we saw is no victim's tale; a named attack is a cause.
        { text: '---\nstatus: resolved\n---\nWe experienced elevated error rates on the API for an hour. We suffered a cyber attack on our billing system last week.' },
      ],
    },
    options: {
      happenVerbs: AGENCY_PHRASES.happenVerbs,
      sufferVerbs: AGENCY_PHRASES.sufferVerbs,
      becomeVerbs: AGENCY_PHRASES.becomeVerbs,
      failVerbs: AGENCY_PHRASES.failVerbs,
      failureStates: AGENCY_PHRASES.failureStates,
      failureNouns: AGENCY_PHRASES.failureNouns,
      experiencers: AGENCY_PHRASES.experiencers,
      harm: IMPACT_PHRASES.harm,
      victimVerbs: AGENCY_PHRASES.victimVerbs,
    },
  },
  check(context) {
    const { options } = context;
    const cause = (s: Sentence) => context.facts(s).cause;
    for (const statement of context.incident.statements) {
      // Each sentence on its own: the cheap text test first, then the tagger, then the cause.
      for (const sentence of statement.sentences) {
        if (!mayHaveAgentlessFailure(sentence.text, options) || excusedBeforeTagging(statement, sentence)) continue;
        const hits = findAgentlessFailures(sentence, options);
        // "the issue that occurred the previous day" refers to a failure already named.
        for (const hit of hits.filter((h) => !(h.kind === 'happen' && h.subject.relative))) {
          if (causeGiven(statement, sentence, hit, cause)) continue;
          const phrase = sentence.text.slice(hit.start, hit.end);
          const rewrite = causeFirst(sentence, hit);
          context.report({
            statement,
            sentence,
            start: hit.start,
            end: hit.end,
            message: hit.victim
              ? `"${phrase}" tells the failure as something that befell you, as if nobody caused it. Say what caused it ("[the cause] caused …"); if you do not know it yet, say what you are checking.`
              : `"${phrase}" makes the failure its own actor, as if nobody caused it. Name the cause as the subject${rewrite ? `: "${rewrite}"` : ''}. If you do not know it yet, say what you are checking.`,
          });
        }
      }
    }
  },
});

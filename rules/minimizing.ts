import { defineRule, type Sentence, type SentenceFacts, type Suggestion } from '../src/rule.js';
import { countHedgeWords, findImpactHedges, HEDGE_PHRASES, type Hedge } from '../src/nlp/hedges.js';
import { describesHarm, IMPACT_PHRASES } from '../src/nlp/impact.js';
import { phraseRegex } from '../src/nlp/phrases.js';
import { subjectOf } from '../src/nlp/subjects.js';
import data from './data/minimizing.json' with { type: 'json' };

interface Options {
  /** How many hedges in one impact sentence make it minimizing. */
  minHedges: number;
  /** Hedge words (shared list; user entries extend it). */
  hedges: string[];
  /** Hedges a suggestion may delete outright ("slight", "minor"). */
  deletable: string[];
  /** Internal things a hedge may qualify without shrinking customer harm ("a subset of storage nodes"). */
  internal: string[];
  /** Words that make a sentence an impact sentence (the shared harm list). */
  harm: string[];
  /** A stated size ("35% of jobs", "all customers"): the hedges then do not hide how big it is. */
  scope: string[];
  /** Phrases that make the failure ordinary or small without a hedge ("outages happen to every provider"). */
  normalizing: string[];
}

/** Deleting "may" keeps the sentence grammatical only before a plural or first/second-person subject. */
function canDropModal(sentence: Sentence, hedge: Hedge): boolean {
  if (!/^(?:may|might|could)$/i.test(hedge.text)) return false;
  const terms = sentence.nlp.terms;
  const index = terms.findIndex((t) => t.start === hedge.start);
  const verb = terms[index + 1];
  if (!verb || !verb.tags.has('Verb') || !(verb.tags.has('Infinitive') || verb.normal === 'have' || verb.normal === 'be')) return false;
  if (verb.normal === 'be') return false; // "may be slow" -> "be slow" is not English
  const subject = subjectOf(sentence.text, sentence.nlp, index + 1);
  if (!subject) return false;
  return subject.head.tags.has('Plural') || ['we', 'you', 'they', 'i'].includes(subject.head.normal);
}

function suggestionsFor(sentence: Sentence, hedges: Hedge[], deletable: RegExp): Suggestion[] {
  const text = sentence.text;
  const out: Suggestion[] = [];
  for (const hedge of hedges) {
    const m = deletable.exec(hedge.text);
    const pure = !!m && m[0].length === hedge.text.length;
    if (!pure && !canDropModal(sentence, hedge)) continue;
    // Take the following space with the word so no double space is left behind.
    const end = text[hedge.end] === ' ' ? hedge.end + 1 : hedge.end;
    out.push({ desc: `Drop the hedge "${hedge.text}"`, text: '', start: hedge.start, end });
  }
  return out;
}

function hedgedHarm(facts: SentenceFacts): boolean {
  if (facts.harm) return true;
  if (!facts.possibleHarm) return false;
  // A condition ("if we have to roll back") or the future makes it a forecast; "when using X" does not.
  return !facts.clauses.some((c) => (c.modality === 'conditional' && c.subordinator !== 'when') || c.tense === 'future');
}

export default defineRule<Options>({
  meta: {
    id: 'minimizing',
    principle: 'P4',
    scope: 'sentence',
    severity: 'info',
    description: 'Hedges stacked to shrink the problem: "some users may experience intermittent issues".',
    maintenance: true,
    docs: {
      why:
        'Skype\'s 2010 outage statements were praised for apologising "especially to those of you who are still waiting": they named the people hit hardest instead of shrinking them. Readers who are hit hear "a small subset may notice slight delays" as a company that does not know, or will not say, how bad it is. One hedge can be honest; two or more in one sentence shrink the problem.',
      fix: 'Say plainly who is affected and how, with numbers if you have them: "about 5% of customers see checkout errors" rather than "some customers may experience intermittent issues". Keep a hedge only where you truly do not know.',
      fail: [
        { text: '---\nstatus: investigating\n---\nSome users may experience intermittent issues when signing in.' },
        { text: '---\nstatus: investigating\n---\nA small subset of customers might notice slight delays in email delivery.' },
        { text: '---\nstatus: resolved\n---\nThere was a minor hiccup with payments this morning.' },
        { text: '---\nstatus: resolved\n---\nOur ticket shop was down on Friday. This is not our first outage and it will not be the last.' },
        { text: '---\nstatus: resolved\n---\nCard payments failed for an hour. Outages happen to every provider.' },
        { text: '---\nstatus: resolved\n---\nSearch returned stale results on Monday, but only a small fraction of shoppers noticed.' },
        { text: '---\nstatus: resolved\n---\nThe ferry booking site was down for three hours on Sunday. Outages like this, unfortunately, cannot always be avoided.' },
        { text: '---\nstatus: resolved\n---\nLift passes could not be scanned at the gates this morning. Sadly, this can\'t be avoided when the network drops.' },
        { text: '---\nstatus: resolved\n---\nOur loyalty app was unreachable overnight. A failure of this kind is not something that can always be prevented.' },
        { text: '---\nstatus: resolved\n---\nLike many retailers across the country, we were affected by the card network failure on Saturday, and checkout failed for three hours.' },
        { text: '---\nstatus: identified\n---\nSome members cannot open the booking app. For the vast majority of our members, everything is working normally.' },
      ],
      pass: [
        { text: '---\nstatus: investigating\n---\nAbout 5% of customers see errors at checkout since 14:05 UTC.' },
        { text: '---\nstatus: investigating\n---\nSome users cannot sign in. We are investigating.' },
        { text: '---\nstatus: identified\n---\nThe storm has cut power to our Leeds data centre and payments are failing. Further outages cannot be ruled out until the grid is stable.' },
        { text: '---\nstatus: resolved\n---\nCard payments failed for an hour because of a bad deploy. This could have been avoided, and we are sorry.' },
        { text: '---\nstatus: scheduled\n---\nOn May 3 some dashboards will be read-only for a few minutes.' },
        { text: '---\nstatus: scheduled\n---\nWe will patch the mail servers on Sunday. No downtime is expected, and a short interruption is possible only if we have to roll back.' },
        { text: '---\nstatus: scheduled\n---\nWe will restart the chat cluster tonight. Some sessions may briefly drop for a few seconds while each node restarts.' },
        { text: '---\nstatus: scheduled\n---\nWe will move the build servers to a new region on Sunday; most teams will not notice the change.' },
        { text: '---\nstatus: resolved\n---\nThis is not the first time our ticket shop has failed during a big on-sale, and we are sorry: 40% of buyers saw errors for an hour.' },
      ],
    },
    options: {
      minHedges: 2,
      hedges: HEDGE_PHRASES.impact,
      deletable: data.deletable,
      internal: data.internal,
      harm: IMPACT_PHRASES.harm,
      scope: IMPACT_PHRASES.scope,
      normalizing: data.normalizing,
    },
  },
  check(context) {
    const { options } = context;
    const deletable = phraseRegex(options.deletable);
    const scope = phraseRegex(options.scope);
    const internal = phraseRegex(options.internal);
    // A hedge on an internal thing ("some internal API operations") describes our systems,
    // not the size of the customers' problem: it does not count.
    const onInternal = (text: string, hedge: Hedge) => internal.test(text.slice(hedge.end).split(/[,;:]/)[0].split(/\s+/).slice(0, 5).join(' '));
    const normalizing = phraseRegex(options.normalizing);
    for (const statement of context.incident.statements) {
      for (const sentence of statement.sentences) {
        // "Outages happen to every provider", "only a small fraction of users noticed": the
        // failure made ordinary or small, with no hedge to count. A text test on the vocabulary.
        const ordinary = normalizing.exec(sentence.text);
        if (ordinary) {
          context.report({
            statement,
            sentence,
            start: ordinary.index,
            end: ordinary.index + ordinary[0].length,
            message: `"${ordinary[0]}" makes the failure sound ordinary or small. Say what failed, for whom and for how long, and own it.`,
          });
          continue;
        }
        // Cheap gates first: enough hedge words, and harm in the sentence; only then tag it.
        if (countHedgeWords(sentence.text, options.hedges) < options.minHedges) continue;
        if (!describesHarm(sentence.text, options.harm) || scope.test(sentence.text)) continue;
        // Forecast or denied impact ("no downtime is expected", "a short interruption is possible
        // if we have to roll back", planned work that "may" drop sessions) is neither harm done
        // nor a shrinking of it. A hedged harm ("some users may see errors", "a small number of
        // services may see brief interruptions" during planned work) is.
        if (!hedgedHarm(context.facts(sentence))) continue;
        const hedges = findImpactHedges(sentence.text, sentence.nlp, options.hedges).filter((h) => !onInternal(sentence.text, h));
        // Distinct hedges: "jobs may queue or may time out" lists two outcomes, it does not stack.
        if (new Set(hedges.map((h) => h.text.toLowerCase())).size < options.minHedges) continue;
        const words = hedges.map((h) => `"${h.text}"`).join(', ');
        const suggestions = suggestionsFor(sentence, hedges, deletable);
        context.report({
          statement,
          sentence,
          start: hedges[0].start,
          end: hedges[hedges.length - 1].end,
          message: `${hedges.length} hedges in one sentence (${words}) shrink the problem. Say plainly who is affected and how, e.g. "about 5% of customers see checkout errors" rather than "some customers may experience intermittent issues".`,
          suggestions: suggestions.length ? suggestions : undefined,
        });
      }
    }
  },
});

import { defineRule, type Sentence, type SentenceFacts, type Statement, type TextSpan } from '../src/rule.js';
import { analyseTitle, IMPACT_PHRASES, namesAffected, statesDuration, type AffectedLists } from '../src/nlp/impact.js';
import { CAUSE_PHRASES, findCause } from '../src/nlp/matchers.js';
import { phraseRegex } from '../src/nlp/phrases.js';
import { someSentenceHas } from '../src/nlp/understanding.js';
import data from './data/hollow-resolution.json' with { type: 'json' };

interface Options extends AffectedLists {
  /** How many of the four elements a resolution must give. */
  minElements: number;
  /** What was done to fix it ("we rolled back", "a fix was deployed"). */
  fixActions: string[];
  /** What happens next: prevention, follow-up, remedy, a report. */
  nextSteps: string[];
  causeMarkers: string[];
  notCause: string[];
  symptoms: string[];
  scope: string[];
  vagueNouns: string[];
  duration: string[];
}

type Element = 'cause' | 'affected' | 'fix' | 'next';

const ADVICE: Record<Element, string> = {
  cause: 'what caused it',
  affected: 'who or what was affected and for how long',
  fix: 'what you did to fix it',
  next: 'what happens next (prevention, a remedy or a post-mortem link)',
};

/** Names what was affected, not counting the words that only say it is over ("Everything is back to normal"). */
function namesAffectedBesides(sentence: Sentence, resolution: TextSpan | undefined, options: Options): boolean {
  if (!resolution) return namesAffected(sentence.text, () => sentence.nlp, options);
  const rest = `${sentence.text.slice(0, resolution.start)}${sentence.text.slice(resolution.end)}`;
  return namesAffected(rest, () => analyseTitle(rest), options);
}

/** Which of the four elements the statements give. */
function elementsIn(statements: Statement[], options: Options, facts: (sentence: Sentence) => SentenceFacts): Set<Element> {
  const found = new Set<Element>();
  const fix = phraseRegex(options.fixActions);
  const next = phraseRegex(options.nextSteps);
  for (const statement of statements) {
    if (statement.links.length > 0) found.add('next');
    for (const sentence of statement.sentences) {
      if (found.size >= options.minElements) break;
      const text = sentence.text;
      if (!found.has('cause') && (facts(sentence).cause || (options.causeMarkers.length > CAUSE_PHRASES.markers.length && findCause(text, options.causeMarkers.slice(CAUSE_PHRASES.markers.length), options.notCause)))) found.add('cause');
      if (!found.has('fix') && fix.test(text)) found.add('fix');
      if (!found.has('next') && next.test(text)) found.add('next');
      if (!found.has('affected') && (statesDuration(text, options.duration) || namesAffectedBesides(sentence, facts(sentence).resolution, options))) found.add('affected');
    }
  }
  return found;
}

/**
 * How many elements the statements give in words alone: a link or next steps, a fix, a duration.
 * elementsIn finds at least these, so when they are enough the resolution is not hollow and no
 * sentence needs tagging for a cause or an affected thing.
 */
function plainElementCount(statements: Statement[], options: Options): number {
  const found = new Set<Element>();
  const fix = phraseRegex(options.fixActions);
  const next = phraseRegex(options.nextSteps);
  for (const statement of statements) {
    if (statement.links.length > 0) found.add('next');
    for (const { text } of statement.sentences) {
      if (fix.test(text)) found.add('fix');
      if (next.test(text)) found.add('next');
      if (statesDuration(text, options.duration)) found.add('affected');
    }
  }
  return found.size;
}

/** True when an earlier update named the cause ("This is due to a fault at our upstream provider"). */
function causeGivenIn(statements: Statement[], options: Options): boolean {
  const sentences = statements.flatMap((statement) => statement.sentences);
  if (options.causeMarkers.length > CAUSE_PHRASES.markers.length && sentences.some((sentence) => !!findCause(sentence.text, options.causeMarkers.slice(CAUSE_PHRASES.markers.length), options.notCause))) return true;
  return someSentenceHas(sentences, 'cause');
}

export default defineRule<Options>({
  meta: {
    id: 'hollow-resolution',
    principle: 'P4',
    scope: 'statement',
    severity: 'error',
    description: 'A resolution ("resolved", "back to normal") that says too little: it needs two of cause, impact, fix and next steps.',
    maintenance: false,
    docs: {
      why:
        'Skype closed its 2007 outage with a thin "back to normal" note, and the explanation came five days later; GoDaddy\'s 2012 lesson was to close the loop. A resolution is the statement people quote afterwards: "This incident has been resolved" tells them nothing about what happened, whether it was their problem, or whether it will happen again.',
      fix: 'Give at least two of: what caused it, who or what was affected and for how long, what you did to fix it, and what happens next (prevention, a remedy, a post-mortem link). For example: "Uploads failed for one in five users from 10:00 to 12:35 UTC because a storage node ran out of disk space. We moved uploads to other nodes and now alert at 80% full."',
      fail: [
        { text: '---\nstatus: resolved\n---\nThis incident has been resolved.' },
        {
          text: '# Upload errors\n\n## Identified (2024-02-10T12:10:00Z)\n\nA storage node ran out of disk space, so one in five uploads fails. We are moving uploads away from it.\n\n## Resolved (2024-02-10T12:40:00Z)\n\nEverything is back to normal. Thank you for your patience.',
        },
      ],
      pass: [
        {
          text: '---\nstatus: resolved\n---\nUploads failed for one in five users from 10:00 to 12:35 UTC because a storage node ran out of disk space. We now alert when a node is 80% full.',
        },
        // What was done, told in the plural passive, and what was affected.
        { text: '---\nstatus: resolved\n---\nThis incident is resolved. Fixes have been deployed to the job runners in the Paris region, and queued builds run normally again.' },
        {
          text: '---\nstatus: resolved\n---\nWe rolled back the faulty release at 15:20 UTC and sign-in works again. A full post-mortem will follow on our blog by Friday.',
        },
        // The cause was given in an earlier update; the resolution says what works again for whom.
        {
          text: '# Card payments\n\n## Identified (2024-03-04T09:10:00Z)\n\nCard payments fail in all our stores because our payment provider\'s gateway rejects every request. Next update by 09:40 UTC.\n\n## Resolved (2024-03-04T09:35:00Z)\n\nThe gateway accepts requests again and card payments work in every store.',
        },
      ],
    },
    options: {
      minElements: 2,
      fixActions: data.fixActions,
      nextSteps: data.nextSteps,
      causeMarkers: CAUSE_PHRASES.markers,
      notCause: CAUSE_PHRASES.notCause,
      symptoms: IMPACT_PHRASES.symptoms,
      scope: IMPACT_PHRASES.scope,
      vagueNouns: IMPACT_PHRASES.vagueNouns,
      duration: IMPACT_PHRASES.duration,
    },
  },
  check(context) {
    const { incident, options } = context;
    // The first resolution; with none, a last update whose own words close it (an "Update" label
    // that says "every mailbox has been restored").
    const statements = incident.statements;
    let first = statements.findIndex((s) => s.phase === 'resolved');
    if (first < 0 && statements.length > 0 && context.understanding(statements[statements.length - 1]).phase === 'resolved') first = statements.length - 1;
    if (first < 0) return context.notApplicable();
    // The resolution and anything after it (a later summary or post-mortem closes the loop too).
    const closing = incident.statements.slice(first);
    if (plainElementCount(closing, options) >= options.minElements) return;
    const found = elementsIn(closing, options, context.facts);
    // On a timeline the resolution is read under the updates before it: a cause they gave counts
    // once the resolution itself says something concrete (not for a bare "back to normal").
    if (found.size > 0 && found.size < options.minElements && !found.has('cause') && causeGivenIn(statements.slice(0, first), options)) found.add('cause');
    if (found.size >= options.minElements) return;
    const statement = incident.statements[first];
    const missing = (Object.keys(ADVICE) as Element[]).filter((e) => !found.has(e));
    const have = found.size === 0 ? 'It only says the incident is over' : `It gives only ${[...found].map((e) => ADVICE[e]).join(' and ')}`;
    context.report({
      statement,
      sentence: statement.sentences[0],
      message: `${have}. Add at least ${options.minElements - found.size} of: ${missing.map((e) => ADVICE[e]).join('; ')}.`,
    });
  },
});

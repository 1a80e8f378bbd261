import { defineRule, type Sentence, type Suggestion } from '../src/rule.js';
import { HEDGE_PHRASES, isEstimate } from '../src/nlp/hedges.js';
import type { Span } from '../src/nlp/matchers.js';
import { globalPhraseRegex, phraseRegex } from '../src/nlp/phrases.js';
import { hasUpdateCue } from '../src/nlp/promises.js';
import { clauseStartIndex, isNegation, subjectOf, verbGroup } from '../src/nlp/subjects.js';
import data from './data/false-certainty.json' with { type: 'json' };

interface Options {
  /** Claims nobody can know: "will never happen again", "we guarantee", "100% resolved". */
  absolutes: string[];
  /** Words that make an absolute an aim, not a claim: "to ensure this never happens again". */
  aims: string[];
  /** Words that disclaim an absolute: "we cannot promise it will never happen again". */
  disclaimers: string[];
  /** "will be fixed", "will be back up": a fix promised... */
  etaPredicates: string[];
  /** ...at an exact time: "within 5 minutes", "by 14:00". */
  etaTimes: string[];
  /** "all users are back", "everything is working": full recovery claimed while still monitoring. */
  universalRecovery: string[];
  /** Words that mark a claim as an estimate (the shared hedge list). */
  estimates: string[];
}

type Kind = 'absolute' | 'eta' | 'recovery';

/** Words that make a timed promise one of news, not of a fix. */
const UPDATE_WORDS = /\b(?:updates?|news|information|details)\b/i;

/** Cheap test before any tagging: could the sentence hold any of the three kinds? */
function prefilters(options: Options): RegExp[] {
  return [phraseRegex(options.absolutes), phraseRegex(options.etaPredicates), phraseRegex(options.universalRecovery)];
}

function termIndexAt(sentence: Sentence, at: number): number {
  return sentence.nlp.terms.findIndex((t) => t.end > at);
}

/** Negation just before a span ("cannot guarantee", "not all users are back"). */
function negatedBefore(sentence: Sentence, span: Span, reach = 3): boolean {
  const terms = sentence.nlp.terms;
  const index = termIndexAt(sentence, span.start);
  if (index < 0) return false;
  const from = Math.max(clauseStartIndex(sentence.text, sentence.nlp, index), index - reach);
  return terms.slice(from, index).some(isNegation);
}

/** The text of the clause before a span: where "to ensure" or "we expect" would stand. */
function clauseBefore(sentence: Sentence, span: Span): string {
  const index = termIndexAt(sentence, span.start);
  if (index < 0) return '';
  const from = clauseStartIndex(sentence.text, sentence.nlp, index);
  return sentence.text.slice(sentence.nlp.terms[from].start, span.start);
}

function absolutes(sentence: Sentence, options: Options): Span[] {
  const text = sentence.text;
  if (/\?\s*$/.test(text)) return []; // "Will this happen again?" asks, it does not claim.
  const re = globalPhraseRegex(options.absolutes);
  const aims = phraseRegex(options.aims);
  const disclaimers = phraseRegex(options.disclaimers);
  const found: Span[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const before = clauseBefore(sentence, span);
    if (negatedBefore(sentence, span) || aims.test(before) || disclaimers.test(before)) continue;
    // "guarantee" claims only as our own verb ("we guarantee", "it is guaranteed"), not "our SLA guarantees 99.9%".
    if (/^guarantee/i.test(m[0])) {
      const index = termIndexAt(sentence, span.start);
      const term = sentence.nlp.terms[index];
      if (!term || !term.tags.has('Verb')) continue;
      const group = verbGroup(text, sentence.nlp, index);
      const subject = subjectOf(text, sentence.nlp, index);
      const ours = !!subject && ['we', 'i'].includes(subject.head.normal);
      if (!ours && !group.be) continue;
    }
    found.push(span);
  }
  return found;
}

function exactFixTimes(sentence: Sentence, options: Options): Span[] {
  const text = sentence.text;
  if (isEstimate(text, options.estimates)) return [];
  const re = globalPhraseRegex(options.etaPredicates);
  const times = phraseRegex(options.etaTimes);
  const found: Span[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const t = times.exec(after);
    if (!t) continue;
    const span = { start: m.index, end: m.index + m[0].length + t.index + t[0].length };
    const phrase = text.slice(span.start, span.end);
    // "we'll be back with an update in 30 minutes" promises an update, not a fix.
    if (hasUpdateCue(phrase) || UPDATE_WORDS.test(phrase)) continue;
    const subject = `${clauseBefore(sentence, span).trim().split(/\s+/).pop() ?? ''} ${m[0]}`;
    if (/\b(?:we|i)(?:'ll)? (?:will |shall )?be back\b/i.test(subject)) continue;
    if (negatedBefore(sentence, span, 2)) continue;
    // The predicate must hold a verb, not be a name ("the Will Be Fixed list").
    const predicateEnd = m.index + m[0].length;
    if (!sentence.nlp.terms.some((t) => t.start >= span.start && t.end <= predicateEnd && t.tags.has('Verb') && !t.tags.has('Auxiliary'))) continue;
    found.push(span);
  }
  return found;
}

function fullRecovery(sentence: Sentence, options: Options): Span[] {
  const text = sentence.text;
  const re = globalPhraseRegex(options.universalRecovery);
  const found: Span[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (negatedBefore(sentence, span, 2) || isEstimate(clauseBefore(sentence, span), options.estimates)) continue;
    found.push(span);
  }
  return found;
}

const MESSAGES: Record<Kind, (phrase: string) => string> = {
  absolute: (p) =>
    `"${p}" promises what nobody can know. Say what you changed and how you will know it works: "we have [changed what], and [how we will notice if it happens again]".`,
  eta: (p) =>
    `An exact fix time while you are still investigating ("${p}") sets up a broken promise. Give the time of the next update instead, or an honest estimate: "we expect [the fix] within [an estimate] and will post again by [a time]".`,
  recovery: (p) =>
    `"${p}" claims full recovery while you are still monitoring. Say what you see and what you are still checking: "[what] works again for [what we have checked]; we are watching [what] until [when]".`,
};

/** "100% resolved" -> "resolved": the only absolute with a mechanical rewrite. */
function suggestionFor(sentence: Sentence, span: Span): Suggestion | undefined {
  const m = /^100 ?% ?/.exec(sentence.text.slice(span.start, span.end));
  if (!m) return undefined;
  return { desc: 'Drop "100%"', text: '', start: span.start, end: span.start + m[0].length };
}

export default defineRule<Options>({
  meta: {
    id: 'false-certainty',
    principle: 'P5',
    scope: 'sentence',
    severity: 'warning',
    description: 'Certainty the facts cannot support: "this will never happen again", an exact fix time while investigating, "all users are back" while monitoring.',
    maintenance: true,
    docs: {
      why:
        'GoDaddy\'s 2012 DNS outage taught status-page writers "no false hope": every "fixed in 5 minutes" that slips, and every "this will never happen again" that does, spends trust you need for the next incident. Readers forgive uncertainty stated honestly; they do not forgive a certainty that turns out wrong.',
      fix: 'Say what you know and how you know it. While investigating, give the next update time rather than a fix time ("next update by 14:30 UTC"); while monitoring, say what you see ("error rates are back to normal for the accounts we checked"); instead of "never again", say what you changed.',
      fail: [
        { text: '---\nstatus: investigating\n---\nThe dashboard is down for all customers. It will be fixed within 5 minutes.' },
        { text: '---\nstatus: resolved\n---\nSign-in failed for two hours. We guarantee this will never happen again.' },
        { text: '---\nstatus: monitoring\n---\nWe deployed a fix and all users are back online. We are monitoring the results.' },
      ],
      pass: [
        { text: '---\nstatus: investigating\n---\nThe dashboard is down for all customers. Next update by 14:30 UTC.' },
        { text: '---\nstatus: resolved\n---\nWe added a test to every release to make sure this never happens again. We cannot guarantee zero incidents.' },
        { text: '---\nstatus: identified\n---\nWe found the faulty disk and expect the dashboard to be back within the hour.' },
        { text: '---\nstatus: resolved\n---\nAll users are back online since 10:40 UTC.' },
      ],
    },
    options: {
      absolutes: data.absolutes,
      aims: data.aims,
      disclaimers: data.disclaimers,
      etaPredicates: data.etaPredicates,
      etaTimes: data.etaTimes,
      universalRecovery: data.universalRecovery,
      estimates: HEDGE_PHRASES.estimate,
    },
  },
  check(context) {
    const { options } = context;
    const [absolute, eta, recovery] = prefilters(options);
    for (const statement of context.incident.statements) {
      const investigating = statement.phase === 'investigating';
      const monitoring = statement.phase === 'monitoring';
      for (const sentence of statement.sentences) {
        const text = sentence.text;
        const spans: [Kind, Span][] = [];
        if (absolute.test(text)) for (const s of absolutes(sentence, options)) spans.push(['absolute', s]);
        if (investigating && eta.test(text)) for (const s of exactFixTimes(sentence, options)) spans.push(['eta', s]);
        if (monitoring && recovery.test(text)) for (const s of fullRecovery(sentence, options)) spans.push(['recovery', s]);
        for (const [kind, span] of spans) {
          const suggestion = kind === 'absolute' ? suggestionFor(sentence, span) : undefined;
          context.report({
            statement,
            sentence,
            start: span.start,
            end: span.end,
            message: MESSAGES[kind](text.slice(span.start, span.end)),
            suggestions: suggestion ? [suggestion] : undefined,
          });
        }
      }
    }
  },
});

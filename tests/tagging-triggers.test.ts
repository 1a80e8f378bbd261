// The cheap triggers that decide whether a sentence is tagged at all may say yes too often, never
// no where the full check (with the tags) finds something: a wrong no silently drops findings on
// statements we have never seen. Each trigger is run here with its full check over every sentence
// we have: the fixtures and the rules' examples always, the shared corpus when it is present.
import { describe, expect, it } from 'vitest';
import { analyse, analysisStats } from '../src/nlp/analysis.js';
import { DEFAULT_AGENCY_LISTS, modalBeforeAuxiliaries } from '../src/nlp/agency.js';
import { namesAffected, namesAffectedWithoutTagging } from '../src/nlp/impact.js';
import { mayOccurIn, phraseRegex } from '../src/nlp/phrases.js';
import { verbGroup } from '../src/nlp/subjects.js';
import { factsOf, mayTellSubjectCause, settledFact, someSentenceHas, UNSETTLED, type SettledFactName } from '../src/nlp/understanding.js';
import type { Sentence } from '../src/engine/model.js';
import blameData from '../rules/data/blame-shifting.json' with { type: 'json' };
import { HAS_CORPUS, knownSentences } from './helpers.js';

const all = knownSentences({ examples: true, titles: true });
/** Phenomena written for these tests, so that a clean clone (no corpus) still meets each one. */
const written = [
  'Customers may have experienced errors when signing in.',
  'Some users might have encountered slow page loads.',
  'No customer should have experienced any data loss.',
  'We do not expect to have experienced further failures.',
  'Payments could not have been affected.',
  'The database crashed when a thunderstorm knocked out power to the data centre.',
  'Trains were cancelled when an ice storm swept across the network.',
  'Checkout failed after our upstream provider pushed a bad certificate.',
  'The outage began as attackers flooded the login page.',
  'Floodwater in our data centre knocked out payments.',
  'We deleted the table by mistake.',
  'A retry storm of requests from users overloaded the API.',
  'Users saw errors when they signed in.',
];
const sentences = [...all, ...written];

function sentenceOf(text: string): Sentence {
  let analysis: ReturnType<typeof analyse> | undefined;
  return {
    index: 0,
    text,
    start: 0,
    end: text.length,
    get nlp() {
      return (analysis ??= analyse(text));
    },
  };
}

/** Every stretch of the text from a word's start to a word's end. */
function* stretches(text: string): Generator<string> {
  const starts = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => [m.index, m.index + m[0].length]);
  for (const [from] of starts) for (const [, to] of starts) if (to > from) yield text.slice(from, to);
}

describe('facts settled without tagging', () => {
  it('settledFact gives the fact itself or UNSETTLED, and tags nothing', () => {
    const names: SettledFactName[] = ['cause', 'harm', 'possibleHarm', 'promise', 'remedy', 'prevention'];
    const wrong: string[] = [];
    let settled = 0;
    let unsettled = 0;
    for (const text of sentences) {
      // Asked before anything tags the text (this runs first in the file) (each on a sentence of its own: facts are kept per sentence).
      const before = analysisStats().sentences;
      const answers = names.map((name) => settledFact(sentenceOf(text), name));
      if (analysisStats().sentences !== before) wrong.push(`tagged: ${text}`);
      names.forEach((name, k) => {
        if (answers[k] === UNSETTLED) return unsettled++;
        settled++;
        const full = factsOf(sentenceOf(text))[name];
        if (JSON.stringify(answers[k]) !== JSON.stringify(full)) wrong.push(`${name}: ${text}`);
      });
    }
    expect(wrong).toEqual([]);
    // Most facts of most sentences are settled by their words.
    expect(settled).toBeGreaterThan(unsettled);
    expect(unsettled).toBeGreaterThan(0);
  }, 240_000);
});

describe('someSentenceHas', () => {
  it('answers as sentences.some(fact) does, over runs of sentences', () => {
    const names: SettledFactName[] = ['cause', 'harm', 'possibleHarm', 'promise', 'remedy', 'prevention', 'resolution', 'partialResolution'];
    const list = [...sentences];
    const wrong: string[] = [];
    let yes = 0;
    // Runs of five neighbouring sentences (as a statement holds them), each on sentences of its own.
    for (let i = 0; i < list.length; i += 5) {
      const run = list.slice(i, i + 5);
      for (const name of names) {
        const quick = someSentenceHas(run.map(sentenceOf), name);
        const full = run.map(sentenceOf).some((s) => !!factsOf(s)[name]);
        if (quick) yes++;
        if (quick !== full) wrong.push(`${name}: ${run.join(' | ')}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(yes).toBeGreaterThan(10);
  }, 240_000);
});

describe('namesAffectedWithoutTagging', () => {
  it('answers as namesAffected does whenever it answers, before and after the text is tagged', () => {
    const wrong: string[] = [];
    let decidedUntagged = 0;
    for (const text of sentences) {
      const before = analysisStats().sentences;
      const early = namesAffectedWithoutTagging(text, () => analyse(text));
      if (analysisStats().sentences !== before) wrong.push(`tagged: ${text}`);
      const full = namesAffected(text, () => analyse(text));
      const late = namesAffectedWithoutTagging(text, () => analyse(text));
      if (early !== undefined) decidedUntagged++;
      if ((early !== undefined && early !== full) || late !== full) wrong.push(text);
    }
    expect(wrong).toEqual([]);
    expect(decidedUntagged).toBeGreaterThan(5);
  }, 240_000);
});

describe('tagging triggers never rule out what the full check finds', () => {
  it('has sentences to judge', () => {
    expect(all.size).toBeGreaterThan(HAS_CORPUS ? 6000 : 50);
  });

  it('mayOccurIn: no phrase of a list occurs in any stretch of a text it rules out, lookarounds and all', () => {
    // The lists blame-shifting's temporal reading asks about (a party in the clause's subject);
    // "nature" holds lookbehinds and lookaheads that read words outside the subject.
    const lists = { nature: blameData.nature, vendors: blameData.vendors, attackers: blameData.attackers };
    let ruledOut = 0;
    const missed: string[] = [];
    for (const [name, list] of Object.entries(lists)) {
      // A plain RegExp of the same pattern: what the rule's test() on a subject phrase would match.
      const whole = new RegExp(phraseRegex(list).source, 'i');
      for (const text of sentences) {
        if (mayOccurIn(list, text)) continue;
        ruledOut++;
        for (const part of stretches(text)) if (whole.test(part)) missed.push(`${name}: ${part}`);
      }
    }
    expect(missed).toEqual([]);
    // It earns its place: most sentences hold no party a temporal clause could blame.
    expect(ruledOut).toBeGreaterThan(sentences.length);
    // And says yes where a party may stand.
    expect(mayOccurIn(blameData.nature, 'Trains were cancelled when an ice storm swept across the network.')).toBe(true);
    expect(mayOccurIn(blameData.vendors, 'Checkout failed after our upstream provider pushed a bad certificate.')).toBe(true);
    expect(mayOccurIn(blameData.attackers, 'Users saw errors when they signed in.')).toBe(false);
  }, 120_000);

  it('mayTellSubjectCause: no cause told through a subject where it says no', () => {
    const missed: string[] = [];
    let ruledOut = 0;
    let found = 0;
    for (const text of sentences) {
      const may = mayTellSubjectCause(text);
      if (!may) ruledOut++;
      const cause = factsOf(sentenceOf(text)).cause;
      if (cause?.via !== 'subject') continue;
      found++;
      if (!may) missed.push(text);
    }
    expect(missed).toEqual([]);
    expect(found).toBeGreaterThan(HAS_CORPUS ? 50 : 2);
    expect(ruledOut).toBeGreaterThan(sentences.length / 2);
    expect(mayTellSubjectCause('Floodwater in our data centre knocked out payments.')).toBe(true);
    expect(mayTellSubjectCause('We deleted the table by mistake.')).toBe(true);
  }, 120_000);

  it('agency: a failure verb ruled out by a modal, "to" or negation before its auxiliaries is ruled out by its verb group too', () => {
    const verbs = new RegExp(phraseRegex([...DEFAULT_AGENCY_LISTS.happenVerbs, ...DEFAULT_AGENCY_LISTS.sufferVerbs, ...DEFAULT_AGENCY_LISTS.becomeVerbs, ...DEFAULT_AGENCY_LISTS.failVerbs]).source, 'giu');
    const wrong: string[] = [];
    let ruledOut = 0;
    for (const text of sentences) {
      for (const m of text.matchAll(verbs)) {
        if (!modalBeforeAuxiliaries(text, m.index)) continue;
        ruledOut++;
        const analysis = analyse(text);
        const verbIndex = analysis.terms.findIndex((t) => t.start <= m.index && m.index < t.end);
        // findAgentlessFailures skips a verb it cannot place, and one whose group is any of these.
        if (verbIndex < 0) continue;
        const group = verbGroup(text, analysis, verbIndex);
        if (!(group.modal || group.negated || group.infinitive || group.present)) wrong.push(text);
      }
    }
    expect(wrong).toEqual([]);
    expect(ruledOut).toBeGreaterThanOrEqual(5);
    expect(modalBeforeAuxiliaries('Customers may have experienced errors.', 'Customers may have '.length)).toBe(true);
    expect(modalBeforeAuxiliaries('Customers have experienced errors.', 'Customers have '.length)).toBe(false);
    // Punctuation stops verbGroup's walk back, so it stops this one too.
    expect(modalBeforeAuxiliaries('If they may, have experienced engineers check it.', 'If they may, have '.length)).toBe(false);
  }, 120_000);
});

describe('shortcuts that need no tags', () => {
  it('hollow-resolution: a resolution whose words give a fix and next steps is judged without tagging a sentence', async () => {
    const { lint } = await import('./helpers.js');
    const { analysisStats } = await import('../src/nlp/analysis.js');
    const text = '---\nstatus: resolved\n---\nWe rolled back the faulty deploy at 14:10 UTC, which had been unlikely to cause trouble as designed. We will publish a post-mortem within five days.';
    const before = analysisStats().sentences;
    const result = lint(text, { only: 'hollow-resolution' });
    expect(result.findings.filter((f) => f.ruleId === 'hollow-resolution')).toEqual([]);
    expect(analysisStats().sentences - before).toBe(0);
    // A bare "back to normal" still gets the finding.
    expect(lint('---\nstatus: resolved\n---\nEverything is back to normal now.', { only: 'hollow-resolution' }).findings.map((f) => f.ruleId)).toContain('hollow-resolution');
  });

  it('agentless-failure: a failure whose cause another sentence already gives in words is not tagged for', async () => {
    const { lint } = await import('./helpers.js');
    const { isTagged } = await import('../src/nlp/analysis.js');
    const crash = 'The ledger database crashed shortly before the nightly close at 23:10.';
    const result = lint(`---\nstatus: resolved\n---\nThis was due to a faulty disk firmware update we rolled out. ${crash}`, { only: 'agentless-failure' });
    expect(result.findings.filter((f) => f.ruleId === 'agentless-failure')).toEqual([]);
    expect(isTagged(crash)).toBe(false);
    // Without the cause the same failure is tagged and reported.
    const alone = 'The ledger database crashed shortly before the nightly close at 23:15.';
    expect(lint(`---\nstatus: resolved\n---\n${alone}`, { only: 'agentless-failure' }).findings.map((f) => f.ruleId)).toContain('agentless-failure');
    expect(isTagged(alone)).toBe(true);
  });
});

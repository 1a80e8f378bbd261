import { defineRule, type HarmKind, type Sentence, type SentenceFacts } from '../src/rule.js';
import { clauseAt, closesIncident, closingStatement, isStatedFact, overrunStatement, mayTellSevereHarm, someSentenceHas } from '../src/nlp/understanding.js';
import { deniedByLead } from '../src/nlp/denials.js';
import { isClosed, minutesBetween } from '../src/engine/timeline.js';
import { globalPhraseRegex, phraseRegex } from '../src/nlp/phrases.js';
import { findRemedy, REMEDY_PHRASES } from '../src/nlp/remedy.js';
import data from './data/missing-remedy.json' with { type: 'json' };

interface Options {
  /** Impact levels (front matter `impact`) that owe a remedy. */
  majorImpacts: string[];
  /** Harm that owes a remedy whatever the impact label says. */
  money: string[];
  dataLoss: string[];
  security: string[];
  /** Words for a long outage; used, with the timeline's length, when there is no impact label. */
  longOutage: string[];
  /** Hours after which an unlabelled incident counts as major. */
  longOutageHours: number;
  /** A stated length under an hour ("the total outage was about 20 minutes"): no long outage by its words. */
  shortOutage: string[];
  /** Words before a harm word (same clause) that make it a denial or a risk, not a harm. */
  hypothetical: string[];
  /** Remedies: compensation, a contact for help, steps users should take, repair of the harm. */
  compensation: string[];
  help: string[];
  steps: string[];
  repair: string[];
}

const HARM_KINDS = [
  ['security', 'a security breach'],
  ['dataLoss', 'data loss'],
  ['money', 'money lost or charged'],
] as const;

const CLAUSE_BREAK = /[,;:]|\b(?:but|while|although|though|however)\b/gi;

/** The clause before `index`: back to the last clause break, at most 60 characters. */
function clauseBefore(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - 60), index);
  let from = 0;
  for (const m of before.matchAll(CLAUSE_BREAK)) from = m.index + m[0].length;
  return before.slice(from);
}

const SEVERE_KINDS: Partial<Record<HarmKind, string>> = { security: 'a security breach', data: 'data loss', money: 'money lost or charged' };

/** The first harm in the sentences that owes a remedy whatever the label: security, data loss, money. */
function severeHarm(sentences: Iterable<Sentence>, options: Options, facts: (s: Sentence) => SentenceFacts): { label: string; phrase: string } | undefined {
  const hypothetical = phraseRegex(options.hypothetical);
  for (const sentence of sentences) {
    // The shared harm detector: harm done, told as a fact ("someone outside the company downloaded our donor database").
    const harm = mayTellSevereHarm(sentence.text) ? facts(sentence).harm : undefined;
    const label = harm && SEVERE_KINDS[harm.kind];
    if (harm && label) return { label, phrase: harm.text };
    for (const [kind, label] of HARM_KINDS) {
      const re = globalPhraseRegex(options[kind]);
      for (let m = re.exec(sentence.text); m; m = re.exec(sentence.text)) {
        // "no data was lost", "to prevent data loss", "potentially exposed": not a harm.
        if (hypothetical.test(clauseBefore(sentence.text, m.index))) continue;
        // A harm only forecast, aimed at or denied in its clause is not harm done.
        if (!isStatedFact(clauseAt(facts(sentence).clauses, m.index))) continue;
        // "nor have we found any sign that credentials were harvested": denied by the clause that governs it.
        if (deniedByLead(sentence.text.slice(0, m.index))) continue;
        return { label, phrase: m[0] };
      }
    }
  }
  return undefined;
}

export default defineRule<Options>({
  meta: {
    id: 'missing-remedy',
    principle: 'P7',
    scope: 'statement-or-timeline',
    severity: 'info',
    description: 'A major incident ends without a remedy: credit, refund, a contact for help, steps to take, or repair of the harm.',
    maintenance: false,
    docs: {
      why:
        'After Symantec\'s 2007 Norton update broke users\' PCs in China, the company took five days to apologise and said nothing about compensation. After real harm, an apology without a remedy reads as words only: say what you will do to make it right, or at least where people can get help and what they should do.',
      fix: 'Offer what fits the harm: a credit or refund ("every paid workspace gets a week\'s credit"), a contact ("write to help@… and a person will reply within a day"), the steps users should take ("reset your password"), or what you did to undo the harm ("we re-ran every failed job").',
      fail: [
        { text: '---\nstatus: investigating\n---\nWe are four days into the cyber attack that hit our ordering systems, and we can offer only a limited service.' },
        { text: '---\nstatus: resolved\nimpact: critical\n---\nNobody could open a project from 13:00 to 16:10 UTC because a migration locked the projects table. We rolled it back at 15:40. We are sorry.' },
        { text: "---\nstatus: resolved\n---\nA billing bug charged some customers twice for their March subscription. We fixed the bug on 2 April. We're sorry." },
        // Security harm told as an action.
        { text: '---\nstatus: resolved\n---\nLast week someone outside the company downloaded our donor database. We have closed the hole they used.' },
        {
          text: '---\ntitle: Checkout down\nimpact: major\n---\n\n## Investigating (2024-02-10T10:00:00Z)\n\nCheckout is failing for all customers. We are investigating.\n\n## Resolved (2024-02-10T12:00:00Z)\n\nA bad deploy broke checkout; we rolled it back and checkout works again.',
        },
      ],
      pass: [
        // A total outage of twenty minutes is not a long one.
        { text: '---\nstatus: resolved\n---\nOur shop had a total outage on Monday at noon. The outage lasted about 20 minutes. A bad cache setting caused it and we are sorry.' },
        { text: '---\nstatus: resolved\n---\nAn attacker read our member database. We are sorry. We will ask every member to set a new password.' },
        { text: '---\nstatus: resolved\n---\nA data loss on our file servers deleted two days of uploads. If a file is still missing, reply to your ticket and an engineer will help.' },
        { text: "---\nstatus: resolved\nimpact: critical\n---\nNobody could open a project from 13:00 to 16:10 UTC. We're sorry. Every paid workspace will see a credit for one week of service on its next invoice." },
        { text: "---\nstatus: resolved\n---\nA billing bug charged some customers twice for March. We have refunded every duplicate charge; you will see it within five days." },
        { text: '---\nstatus: resolved\nimpact: minor\n---\nSome dashboard charts loaded slowly for ten minutes. They load normally again.' },
        { text: '---\nstatus: resolved\nimpact: major\n---\nSign-in failed for two hours because a certificate expired. If you still cannot sign in, clear your cookies or write to support@example.com.' },
      ],
    },
    options: {
      majorImpacts: ['major', 'critical'],
      money: data.money,
      dataLoss: data.dataLoss,
      security: data.security,
      longOutage: data.longOutage,
      longOutageHours: 4,
      shortOutage: data.shortOutage,
      hypothetical: data.hypothetical,
      compensation: REMEDY_PHRASES.compensation,
      help: REMEDY_PHRASES.help,
      steps: REMEDY_PHRASES.steps,
      repair: REMEDY_PHRASES.repair,
    },
  },
  check(context) {
    const { incident, options } = context;
    const statements = incident.statements;
    if (incident.isMaintenance || statements.length === 0) return context.notApplicable();
    const sentences = statements.flatMap((s) => s.sentences);
    const severe = severeHarm(sentences, options, context.facts);
    const impact = incident.meta.impact;
    let reason: string | undefined;
    if (impact && options.majorImpacts.includes(impact)) reason = `${impact}-impact incident`;
    else if (severe) reason = `incident with ${severe.label} ("${severe.phrase}")`;
    else if (!impact) {
      const long = phraseRegex(options.longOutage);
      const phrase = sentences.map((s) => long.exec(s.text)?.[0]).find(Boolean);
      const hours = outageHours();
      // "A total outage" that the statement says lasted twenty minutes was not long.
      const short = phraseRegex(options.shortOutage);
      if (phrase && !sentences.some((s) => short.test(s.text))) reason = `long outage ("${phrase}")`;
      else if (hours !== undefined && hours >= options.longOutageHours) reason = `${Math.round(hours)}-hour outage`;
    }
    if (!reason) return context.notApplicable();
    // A remedy is owed by the end; while it runs, only harm that needs action now (a breach,
    // lost data or money) is judged.
    if (!isClosed(incident) && !closesIncident(statements[statements.length - 1]) && !severe) return context.notApplicable();
    const extended = (Object.keys(REMEDY_PHRASES) as (keyof typeof REMEDY_PHRASES)[]).some((k) => Array.isArray(REMEDY_PHRASES[k]) && options[k as keyof Options] !== undefined && (options[k as keyof Options] as string[]).length > (REMEDY_PHRASES[k] as string[]).length);
    // A remedy in any sentence will do: the words first, then the tagger (someSentenceHas).
    if (extended && sentences.some((sentence) => findRemedy(sentence.text, options))) return;
    if (someSentenceHas(sentences, 'remedy')) return;
    const target = closingStatement(incident);
    context.report({
      statement: target,
      sentence: target.sentences[0],
      message: `${/^[aeiou]/i.test(reason) ? 'An' : 'A'} ${reason} with no remedy. Say how you will make it right: a credit or refund, where to get help ("write to support@… and a person will reply within a day"), or what users should do ("re-run failed jobs", "reset your password").`,
    });

    function outageHours(): number | undefined {
      // Planned work that overran is an outage from the update that says so, until the update that closes it.
      const overrun = overrunStatement(incident);
      const start = overrun?.time ?? incident.meta.started ?? statements[0].time;
      const resolved = incident.meta.resolved;
      const closedAt = overrun && statements.slice(overrun.index).find((s) => closesIncident(s));
      const end = resolved instanceof Date ? resolved : (closedAt || statements[statements.length - 1]).time;
      return start && end ? minutesBetween(start, end) / 60 : undefined;
    }
  },
});

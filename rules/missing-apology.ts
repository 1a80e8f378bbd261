import { defineRule, type Sentence, type Statement } from '../src/rule.js';
import { APOLOGY_PHRASES, isApology } from '../src/nlp/apology.js';
import { IMPACT_PHRASES } from '../src/nlp/impact.js';
import { liveUpdates } from '../src/engine/timeline.js';
import { phraseRegex } from '../src/nlp/phrases.js';
import type { Phase } from '../src/engine/model.js';

interface Options {
  /** Apology words ("sorry", "apologise", "we let you down"). */
  apology: string[];
  /** Words that describe harm to customers ("outage", "errors", "could not sign in"). */
  harm: string[];
}

/** A harm word the sentence denies: "was not a failure", "nor any outage", "no errors". */
function deniedHarm(text: string, harm: RegExp): boolean {
  const m = harm.exec(text);
  return !!m && /\b(?:not|n't|no|nor|never|without)\b(?:\s+[\w'-]+){0,4}\s*$/i.test(text.slice(Math.max(0, m.index - 40), m.index));
}

/** A long sentence's harm with its own clause: "authentication hashes were compromised", not one word. */
function clauseUpTo(text: string, harm: { start: number; end: number }): string {
  // The last clause punctuation before the harm ("4,000" is a number, not a break).
  let start = 0;
  // A comma before a number ("June 5, 2025") is part of a date.
  for (const m of text.slice(0, harm.start).matchAll(/[,;:](?=\s)(?!\s\d)/g)) start = m.index + 1;
  // Too long: cut at any comma after all, else quote from the harm word.
  if (harm.end - start > 120) for (const m of text.slice(0, harm.start).matchAll(/[,;:](?=\s)/g)) start = m.index + 1;
  if (harm.end - start > 120) start = harm.start;
  // …and on to the end of its phrase ("high error" -> "high error rates"), up to a conjunction,
  // preposition or verb that starts another phrase.
  const rest = /^.*?(?=[,;:.!?()]|\s(?:and|but|or|that|which|who|when|while|after|before|because|since|until|on|in|for|to|at|by|with|from|during|as|is|are|was|were|has|have|had|can|could|will|would|may|might|should|must|not)\b|$)/i.exec(text.slice(harm.end))![0];
  const end = harm.end + rest.length - start > 140 ? harm.end : harm.end + rest.length;
  return text.slice(start, end).trim().replace(/^(?:and|or|but|while|whereas|so)\s+/i, '');
}

/** Phases by which an apology is due: once you know what broke, say sorry for it. */
const APOLOGY_DUE: ReadonlySet<Phase> = new Set<Phase>(['identified', 'monitoring', 'resolved', 'postmortem']);

export default defineRule<Options>({
  meta: {
    id: 'missing-apology',
    principle: 'P1',
    scope: 'statement-or-timeline',
    severity: 'warning',
    description: 'Customers were hurt and nobody says sorry.',
    maintenance: false,
    docs: {
      why:
        'Skype\'s 2007 statements about a two-day outage described a network that "became unstable" and never said sorry; Symantec took five days to apologise to Norton users in China in 2007. Readers who lost work, money or time look for the apology first, and its absence reads as indifference. Skype\'s 2010 outage notes, which apologised at once, were praised.',
      fix: 'Apologise plainly, early, and for what you did: "We\'re sorry: for two hours many of you could not sign in." On a timeline, apologise no later than the update that says what went wrong.\n\nOn a timeline the rule reports once, on the first statement, when no statement up to and including the first `identified` (or later) update apologises. It does not apply to planned maintenance or to incidents whose metadata says `impact: none`.',
      fail: [
        { text: '---\nstatus: resolved\n---\nSign-in failed for all users between 09:00 and 11:00 UTC because a certificate expired. We renewed it.' },
        {
          text: '# Upload errors\n\n## Investigating (2024-02-10T10:07:00Z)\n\nUploads are failing for one in five users.\n\n## Identified (2024-02-10T10:30:00Z)\n\nA full storage node causes the failures; we are moving uploads away from it.\n\n## Resolved (2024-02-10T11:00:00Z)\n\nUploads work again. We are sorry for the failed uploads.',
        },
        { text: '---\nstatus: resolved\n---\nCheckout failed for two hours this morning. We are not sorry to have upgraded the database, and it will not happen again.' },
        // Planned work that overran into an outage is an incident, not a maintenance notice.
        { text: 'The scheduled switchover of our payment gateway overran on Sunday night, and card payments failed for every shop for ninety minutes.' },
        // An incident that happened during a maintenance window is not a maintenance notice either.
        { text: 'During our maintenance window on Wednesday a faulty network card cut the warehouse off from the order system for three hours. We replaced the card.' },
      ],
      pass: [
        { text: '---\nstatus: resolved\n---\nWe\'re sorry: sign-in failed for all users between 09:00 and 11:00 UTC because a certificate we manage expired.' },
        {
          text: '# Upload errors\n\n## Investigating (2024-02-10T10:07:00Z)\n\nUploads are failing for one in five users.\n\n## Identified (2024-02-10T10:30:00Z)\n\nWe are sorry for the failed uploads. A full storage node causes them; we are moving uploads away from it.\n\n## Resolved (2024-02-10T11:00:00Z)\n\nUploads work again.',
        },
        { text: '---\nstatus: scheduled\n---\nOn Saturday from 02:00 to 03:00 UTC the dashboard will be unavailable while we upgrade the database.' },
        { text: 'On Sunday from 02:00 UTC we will move the order database to new servers. If the work runs longer than planned, we will extend the window and say so here.' },
        { text: '---\nstatus: resolved\n---\nWe have added dark mode to the dashboard settings page.' },
      ],
    },
    options: { apology: APOLOGY_PHRASES.apology, harm: IMPACT_PHRASES.harm },
  },
  check(context) {
    const { incident, options } = context;
    const statements = incident.statements;
    if (statements.length === 0 || incident.meta.impact === 'none') return context.notApplicable();
    const apologises = (s: Statement) => s.sentences.some((sentence) => isApology(sentence.text, { ...APOLOGY_PHRASES, apology: options.apology }));
    // The statements by which an apology is due: all of a single statement, or a timeline's live
    // updates up to and including the first identified-or-later one (all if it never gets there).
    const updates = incident.isTimeline ? liveUpdates(incident) : statements;
    const firstDue = updates.findIndex((s) => APOLOGY_DUE.has(s.phase));
    const window = firstDue >= 0 ? updates.slice(0, firstDue + 1) : updates;
    if (window.some(apologises)) return;
    // Harm done, as the shared detector reads it: a negated or forecast harm ("this was not a
    // failure of our systems", "no downtime is expected") hurt nobody. The rule's own harm words
    // (users may add some) count too, unless the detector finds that clause denied.
    const harm = phraseRegex(options.harm);
    const added = options.harm.length > IMPACT_PHRASES.harm.length ? phraseRegex(options.harm.slice(IMPACT_PHRASES.harm.length)) : undefined;
    const hurts = (sentence: Sentence) => {
      const facts = context.facts(sentence);
      if (facts.harm) return true;
      // "Some users may see errors" hedges harm under way; "a short interruption is possible if we
      // roll back" or "will be unavailable" forecasts it.
      if (facts.possibleHarm) return !facts.clauses.some((c) => (c.modality === 'conditional' && c.subordinator !== 'when') || c.tense === 'future');
      // The default words are the shared detector's own: it has judged them. Only words a user added count here.
      return !!added && added.test(sentence.text) && !deniedHarm(sentence.text, added);
    };
    const hurt = statements.flatMap((s) => s.sentences).find(hurts);
    if (!hurt) return context.notApplicable();
    const target = updates[0];
    const later = statements.some((s) => !window.includes(s) && apologises(s));
    // Quote the statement's own account of the harm, so the advice is about this incident.
    const said = context.facts(hurt).harm ?? (() => {
      const m = harm.exec(hurt.text);
      return m ? { start: m.index, end: m.index + m[0].length } : undefined;
    })();
    const quote = hurt.text.length <= 120 ? hurt.text : said && clauseUpTo(hurt.text, said);
    const what = quote ? ` ("${quote}")` : '';
    context.report({
      statement: target,
      message: later
        ? `No apology until after you said what went wrong${what}. Apologise in the first update, for what happened: "We're sorry that [what failed, for whom]."`
        : `Customers were hurt${what} and no sentence apologises. Say sorry for what you did and its effect: "We're sorry that [what failed, for whom]."`,
    });
  },
});

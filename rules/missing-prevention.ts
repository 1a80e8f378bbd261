import { defineRule, type Sentence } from '../src/rule.js';
import { closesIncident, closingStatement, settledFact, UNSETTLED } from '../src/nlp/understanding.js';
import { phraseRegex } from '../src/nlp/phrases.js';
import { findFollowUp, findPrevention, PREVENTION_PHRASES } from '../src/nlp/prevention.js';
import data from './data/missing-prevention.json' with { type: 'json' };

interface Options {
  /** Phrases about preventing a recurrence ("to prevent this", "going forward", "lessons"). */
  markers: string[];
  /** A change verb followed by a safeguard ("we have added an automated test"). */
  changes: string[];
  /** Work announced in a resolution or post-mortem ("we are working to improve…"). */
  followUps: string[];
  /** What makes announced work no follow-up: updates, monitoring, recovery. */
  notFollowUp: string[];
  /** Phrases saying there was no real incident ("opened by mistake"): nothing to prevent. */
  notIncident: string[];
  /** Link targets that point at a write-up, where follow-up actions live. */
  postmortemLinks: string[];
  /** Sentences that send readers to a write-up ("follow the link for the incident summary"). */
  writeUpPointers: string[];
  /** Impact levels (front matter `impact`) whose `resolved` updates get info, not a warning. */
  minorImpacts: string[];
}

export default defineRule<Options>({
  meta: {
    id: 'missing-prevention',
    principle: 'P7',
    scope: 'statement-or-timeline',
    severity: 'warning',
    description: 'A resolution or post-mortem says nothing about stopping a recurrence.',
    maintenance: false,
    docs: {
      why:
        'Skype closed its two-day 2007 outage with a thin "back to normal" note that said nothing about stopping a repeat; the lesson GoDaddy\'s 2012 DNS outage left is to close the loop. Customers who lost a day want to know it will not happen again, and a resolution that says what changes is the only evidence they get.',
      fix: 'Add what you are changing so it does not happen again: "we now alert two weeks before any certificate expires", "every migration now runs against a full-size copy first". On a minor incident a short line is enough.',
      fail: [
        // Announcing what we are doing is not doing it; stopping the intruder is containment.
        { text: '---\nstatus: resolved\n---\nAn attacker read our mailing list. Here is an update on what we found and what we are doing to make things more secure. We suspended the account, preventing any further access.' },
        { text: '---\nstatus: resolved\nimpact: major\n---\nCheckout failed for all customers between 14:05 and 15:10 UTC because an expired certificate broke our payment gateway. We renewed it at 15:05 and checkout works again. We are sorry.' },
        {
          text: '# Upload errors\n\n## Investigating (2024-02-10T10:07:00Z)\n\nUploads fail for one in five users. We are investigating.\n\n## Resolved (2024-02-10T11:00:00Z)\n\nA full disk on one storage node caused the failures. We freed space and uploads work again.',
        },
        { text: '---\nstatus: postmortem\n---\nOn 12 June a database migration locked the projects table, so nobody could open a project from 13:00 to 16:10 UTC. We rolled it back at 15:40.' },
        // An after-the-fact summary is a post-mortem even with no phase given.
        { text: 'Incident summary. On 4 March our booking API returned errors for most requests for nine hours after we pushed a bad configuration. This was a serious outage and it hurt many of you.' },
        // A press statement about a recent failure, and a letter about harm: told after the fact.
        { text: 'The management of Northline Rail extends its sincere apologies to passengers for the recent signalling failure that left trains stranded across the north.' },
        { text: 'Dear customers,\n\nI am sorry that checkout failed for so many of you. It should not have happened.' },
        // A vow is not a change.
        { text: '---\nstatus: resolved\n---\nThe ticket shop was down for three hours on Friday because a disk filled up. We freed space and it works again. This will never happen again.' },
      ],
      pass: [
        { text: '---\nstatus: resolved\nimpact: major\n---\nCheckout failed between 14:05 and 15:10 UTC because a certificate expired. We renewed it, and we now alert two weeks before any certificate expires.' },
        {
          text: '# Upload errors\n\n## Investigating (2024-02-10T10:07:00Z)\n\nUploads fail for one in five users. We are investigating.\n\n## Resolved (2024-02-10T11:00:00Z)\n\nA full disk on one storage node caused the failures. We freed space, and we have added an alert that fires when any storage node is 80% full.',
        },
        { text: '---\nstatus: investigating\n---\nUploads are failing for some users. We are investigating and will post again by 14:30 UTC.' },
        { text: '---\nstatus: postmortem\n---\nA migration locked the projects table for three hours. To prevent a repeat, any migration that takes a table lock now needs a second reviewer.' },
        { text: '---\nstatus: postmortem\n---\nA bad config change took the router fleet offline for an hour on Monday. What we are changing: every config change now goes through the same canary as code, and we added a one-click rollback.' },
        // A change whose purpose is that the failure cannot happen again.
        { text: '---\nstatus: resolved\n---\nTicket scanners at every gate stopped reading passes for 40 minutes because a cache filled up. We changed the scanner service so that a full cache can no longer stop it.' },
      ],
    },
    options: {
      markers: PREVENTION_PHRASES.markers,
      changes: PREVENTION_PHRASES.changes,
      followUps: PREVENTION_PHRASES.followUps,
      notFollowUp: PREVENTION_PHRASES.notFollowUp,
      notIncident: data.notIncident,
      postmortemLinks: data.postmortemLinks,
      writeUpPointers: data.writeUpPointers,
      minorImpacts: ['minor', 'none'],
    },
  },
  check(context) {
    const { incident, options } = context;
    if (incident.isMaintenance || incident.statements.length === 0) return context.notApplicable();
    // Only a resolution or post-mortem owes readers a word on recurrence.
    const target = closingStatement(incident);
    const targetPhase = context.understanding(target).phase;
    if (!closesIncident(target)) return context.notApplicable();
    // A linked write-up is where follow-up actions usually live.
    if (incident.meta.postmortem) return;
    const linkPattern = phraseRegex(options.postmortemLinks);
    const notIncident = phraseRegex(options.notIncident);
    const pointer = phraseRegex(options.writeUpPointers);
    const extendedMarkers = options.markers.slice(PREVENTION_PHRASES.markers.length);
    const extendedChanges = options.changes.slice(PREVENTION_PHRASES.changes.length);
    // A prevention the words settle is read in order; a sentence that only tagging could settle
    // is tagged only if nothing else ends the search first (every other ending but "not an
    // incident" ends it the same way a prevention does).
    const unsettled: Sentence[] = [];
    const preventionUnsettled = () => unsettled.some((sentence) => !!context.facts(sentence).prevention);
    for (const statement of incident.statements) {
      if (statement.links.some((link) => linkPattern.test(link))) return;
      // Once the incident is over, announced work is follow-up work.
      const over = closesIncident(statement);
      for (const sentence of statement.sentences) {
        const prevention = settledFact(sentence, 'prevention');
        if (prevention === UNSETTLED) unsettled.push(sentence);
        else if (prevention) return;
        // Phrases a user added to the lists still count.
        if (extendedMarkers.length + extendedChanges.length > 0 && findPrevention(sentence.text, extendedMarkers, extendedChanges)) return;
        if (over && findFollowUp(sentence.text, options.followUps, options.notFollowUp)) return;
        if (pointer.test(sentence.text)) return;
        if (notIncident.test(sentence.text)) return preventionUnsettled() ? undefined : context.notApplicable();
      }
    }
    if (preventionUnsettled()) return;
    const minor = targetPhase === 'resolved' && !!incident.meta.impact && options.minorImpacts.includes(incident.meta.impact);
    // Named as the kind it is: a press statement or letter is not a post-mortem.
    const targetKind = context.understanding(target).kind;
    const gap =
      targetPhase === 'postmortem' || targetKind === 'letter'
        ? `The ${targetKind === 'postmortem' ? 'post-mortem' : 'statement'} says nothing about stopping a recurrence.`
        : incident.isTimeline
          ? 'No update in this incident says what will stop it happening again.'
          : 'The resolution says nothing about stopping a recurrence.';
    context.report({
      statement: target,
      sentence: target.sentences[0],
      severity: minor ? 'info' : undefined,
      message: `${gap} Say what you are changing so it does not happen again: "we have added an alert for …", "every release now runs a test for …".`,
    });
  },
});

import { defineRule, type Phase, type Sentence, type Statement, type Suggestion } from '../src/rule.js';
import { CLOSED_PHASES } from '../src/engine/model.js';
import { isNotice, mayTellSevereHarm, readsAsOver } from '../src/nlp/understanding.js';
import { formatTime } from '../src/engine/timeline.js';
import { phraseRegex } from '../src/nlp/phrases.js';
import { findInfoPromise, findUpdatePromise, hasConcreteTime, PROMISE_PHRASES } from '../src/nlp/promises.js';
import data from './data/missing-next-update.json' with { type: 'json' };

interface Options {
  /** Phases that owe readers a next-update time. */
  phases: Phase[];
  /** Cues that make a sentence about the next update ("next update", "we will post an update"). */
  updateCues: string[];
  /** Words that show an inferred-phase statement is about a problem still under way. */
  ongoing: string[];
  /** How far ahead the suggested next-update time is. */
  suggestMinutes: number;
}

const MESSAGE =
  'No time for the next update: readers who hear nothing assume you have gone quiet. Say when you will post again ("Next update by 14:30 UTC", or a cadence such as "every 30 minutes"), and post then even if nothing has changed.';

/**
 * A letter or breach notice whose investigation is still open owes readers the same: when and
 * where they will hear next. A status page's clock-time advice does not fit it.
 */
const LETTER_MESSAGE =
  'No word on when readers will hear from you next: while the problem or its investigation is still open, silence reads as going quiet. Say when and where you will write again ("we will update you by email on Friday with what the investigation has found", "we will update this page every weekday at 17:00 UTC"), and write then even if nothing has changed.';

/**
 * " Next update by 10:40 UTC." for a statement published at 10:07 (rounded up to 5 minutes). On a
 * timeline the time is never before the next real update: a suggestion must not create a promise
 * the page then breaks.
 */
function suggestedTime(statement: Statement, minutes: number, next: Statement | undefined, now: Date): string | undefined {
  if (!statement.time) return undefined;
  const published = statement.time.getTime();
  const step = 5 * 60_000;
  const nextTime = next?.time && next.time.getTime() > published ? next.time.getTime() : 0;
  const due = Math.ceil(Math.max(published + minutes * 60_000, nextTime) / step) * step;
  // The newest update of a page whose time has passed: any time given now is already broken.
  if (!next && now.getTime() > due) return undefined;
  // A long wait reads better, and is read back, as hours than as a clock time on another day.
  const hours = Math.ceil((due - published) / 3_600_000);
  if (hours > 2) return `Next update in ${hours} hours.`;
  if (new Date(due).getUTCDate() !== statement.time.getUTCDate()) return `Next update in ${Math.round((due - published) / 60_000)} minutes.`;
  return `Next update by ${formatTime(new Date(due), statement.time)}.`;
}

export default defineRule<Options>({
  meta: {
    id: 'missing-next-update',
    principle: 'P6',
    scope: 'statement',
    severity: 'warning',
    description: 'An unresolved update (investigating, identified, monitoring) gives no next-update time or cadence.',
    maintenance: true,
    docs: {
      why:
        'During GoDaddy\'s 2012 DNS outage the team posted hourly even with nothing new to say, because silence reads as abandonment. A next-update time tells readers when to come back instead of refreshing, and commits you to a rhythm. Skype in 2010 was praised for exactly that constant presence.',
      fix: 'End every update that is not a resolution with a time: "Next update by 14:30 UTC" or "We will post here every 30 minutes until this is fixed". Then keep it, even if the update only says there is no news.\n\nOn a timeline each unresolved statement is judged on its own text, because readers often land on the newest update alone. One exception: a cadence stated earlier ("updates every 30 minutes", "hourly") stays in force for the later updates of the same incident. Statements in the resolved, postmortem and maintenance phases are not judged (add `in_progress` to the `phases` option to judge maintenance updates). When the input does not give a phase, it is read from the statement\'s words: a problem still under way ("we are investigating", "checkout is failing") is judged; a summary after the fact, a resolution and a statement whose phase is unclear (`unknown`) are not.\n\nA letter or breach notice is judged the same way (RULES.md: every unresolved statement owes readers a next-update time): while its investigation is still open, say when and where readers will hear next ("we will update you by email on Friday"); one told after the investigation ended is not judged.',
      fail: [
        { text: '---\nstatus: investigating\n---\nSign-in is failing for all users since 09:10 UTC. We are investigating.' },
        {
          text: '# Upload errors\n\n## Investigating (2024-02-10T10:07:00Z)\n\nUploads fail for one in five users. Next update in 30 minutes.\n\n## Identified (2024-02-10T10:35:00Z)\n\nA full disk on one storage node causes the failures; we are moving uploads away from it.\n\n## Resolved (2024-02-10T11:00:00Z)\n\nUploads work again for everyone.',
        },
        { text: '---\nstatus: monitoring\n---\nWe deployed a fix for the failing payments and are watching error rates. We will provide an update when we have one.' },
        // Someone else's schedule is not our next update.
        { text: '---\nstatus: investigating\n---\nOur website is unreachable. Our hosting provider expects to report back by noon.' },
        // Repair under way is not a resolution: with no phase given, this is a live update.
        { text: 'The tram network lost power this morning. Services are now being restored line by line, and crews are working to bring the last depots back online.' },
        // A breach notice whose investigation is still open.
        { text: 'Dear customers,\n\nOn Monday we found that an unauthorised party had accessed our mailing-list database and copied names and email addresses. Our investigation is ongoing, and we have reset the access keys for the database.' },
        // Events told in the past, but the problem is still there: a live update.
        { text: 'At 07:45 UTC the mobile app stopped loading timetables. We reverted the new timetable feed at 08:20, but some riders still see an empty timetable.' },
      ],
      pass: [
        { text: '---\nstatus: investigating\n---\nSign-in is failing for all users since 09:10 UTC. We are investigating. Next update by 09:45 UTC.' },
        {
          text: '# Upload errors\n\n## Investigating (2024-02-10T10:07:00Z)\n\nUploads fail for one in five users. We will post here every 30 minutes until this is fixed.\n\n## Update (2024-02-10T10:35:00Z)\n\nA full disk on one storage node causes the failures; we are moving uploads away from it.\n\n## Resolved (2024-02-10T11:00:00Z)\n\nUploads work again for everyone.',
        },
        { text: '---\nstatus: resolved\n---\nSign-in failed for all users between 09:10 and 09:50 UTC because a certificate expired. We renewed it and now alert a month before expiry.' },
        { text: 'Yesterday between 09:10 and 09:50 UTC sign-in failed for all users because a certificate expired. We are sorry.' },
        // A summary after the fact is not a live update.
        { text: 'Last Tuesday our API returned errors for two hours. Our on-call engineers identified a faulty load balancer and replaced it.' },
        // A breach notice told after the investigation ended, and one that says when readers hear next.
        { text: 'Dear customers,\n\nLast month an unauthorised party accessed our mailing-list database and copied names and email addresses. We have completed our investigation: the party used a stolen staff password. We have reset every staff password, and every admin login now needs a hardware key.' },
        { text: 'Dear customers,\n\nOn Monday we found that an unauthorised party had accessed our mailing-list database and copied names and email addresses. Our investigation is ongoing. We will update you by email on Friday with what it has found.' },
        // A finished incident told in the past with clock times, in two sentences.
        { text: 'At 07:45 UTC the mobile app stopped loading timetables. At 08:20 we reverted the new timetable feed, and timetables loaded normally again.' },
        { text: '---\nstatus: investigating\n---\nCard payments fail for every shop since 10:05 UTC. Next update within the next quarter of an hour at the latest.' },
        { text: '---\nstatus: investigating\n---\nThe help desk is unreachable by phone. Fixed.' },
      ],
    },
    options: { phases: ['investigating', 'identified', 'monitoring'], updateCues: PROMISE_PHRASES.updateCues, ongoing: data.ongoing, suggestMinutes: 30 },
  },
  check(context) {
    const { incident, options } = context;
    // A security advisory saying we are not affected is a notice, not an incident to follow.
    if (!incident.isMaintenance && isNotice(incident)) return context.notApplicable();
    const phases = new Set<Phase>(options.phases);
    const ongoing = phraseRegex(options.ongoing);
    // A cadence ("every 30 minutes") stays in force until the incident closes.
    let cadence = false;
    let judged = false;
    for (const [index, statement] of incident.statements.entries()) {
      if (CLOSED_PHASES.has(statement.phase)) cadence = false;
      // Our own promise only: "our hosting provider expects to report back by noon" is theirs.
      const promise = statement.sentences
        .filter((s) => context.facts(s).promise)
        .map((s) => findUpdatePromise(s.text, statement.time, options.updateCues))
        .find((p) => p);
      if (promise?.cadence) cadence = true;
      if (!phases.has(statement.phase)) continue;
      // A phase not given was read from the statement's words (src/nlp/understanding.ts): a live
      // phase means they show a problem under way; unclear words read as `unknown`, not judged.
      judged = true;
      // An update whose own text says the problem is over ("Issues is operating normally", "Fixed.")
      // owes no next-update time, unless it also says work goes on.
      if (promise || cadence) continue;
      if (readsAsOver(statement) && !ongoing.test(statement.text)) continue;
      const updatePromises = statement.sentences
        .map((sentence) => ({ sentence, info: context.facts(sentence).promise && findInfoPromise(sentence.text) }))
        .filter(({ info }) => info?.kind === 'update');
      // "We will update this page tomorrow morning": a day-level time is a time too.
      if (updatePromises.some(({ sentence, info }) => hasConcreteTime(sentence.text.slice(info!.start)))) continue;
      // Point at the untimed promise ("we will provide an update when we have one") if there is one.
      const vague: Sentence | undefined = updatePromises[0]?.sentence;
      // A letter or a breach notice (security harm told) on its own, not an update on a status
      // page's timeline: no clock-time advice.
      const letter = !incident.isTimeline && (context.understanding(statement).kind === 'letter' || statement.sentences.some((s) => mayTellSevereHarm(s.text) && context.facts(s).harm?.kind === 'security'));
      const suggestion = letter ? undefined : suggestedTime(statement, options.suggestMinutes, incident.statements[index + 1], context.now);
      const at = vague ? vague.text.length : statement.text.trimEnd().length;
      const suggestions: Suggestion[] = suggestion ? [{ desc: 'Add a next-update time', text: ` ${suggestion}`, start: at, end: at }] : [];
      context.report({ statement, sentence: vague, message: letter ? LETTER_MESSAGE : MESSAGE, suggestions });
    }
    if (!judged) context.notApplicable();
  },
});

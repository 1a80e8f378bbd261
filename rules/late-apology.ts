import { defineRule } from '../src/rule.js';
import { APOLOGY_PHRASES, isApology, readApology } from '../src/nlp/apology.js';
import { formatDuration, formatTime, incidentStart, liveUpdates, minutesBetween, positiveOption } from '../src/engine/timeline.js';

interface Options {
  /** An apology more than this many minutes after the incident start is late. */
  lateAfterMinutes: number;
  /** An apology first made in this statement (1-based) or later is late. */
  lateFromStatement: number;
  /** Apology words. */
  apology: string[];
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

export default defineRule<Options>({
  meta: {
    id: 'late-apology',
    principle: 'P1',
    scope: 'timeline',
    severity: 'warning',
    description: 'The first apology comes hours after the start, or only from the third update on.',
    maintenance: false,
    docs: {
      why:
        'Symantec took five days to apologise for the 2007 Norton failure in China, and Skype\'s 2007 apology came only after two days of outage. An apology that arrives after the anger has set in reads as damage control; one in the first update reads as ownership.',
      fix: 'Apologise in the first update, before you know the cause: "We\'re sorry: sign-in is failing for many of you and we are working on it." You can apologise again, more fully, once you know what happened.\n\nThe incident start is the `started` metadata, else the first statement\'s time. An apology in the first statement is never late by this rule: if that statement itself came late, `update-gap` says so, and the fix is to post sooner. So a single statement is not judged. Both thresholds are options: `lateAfterMinutes` (120) and `lateFromStatement` (3).',
      fail: [
        {
          text: '# Upload errors\n\n## Investigating (2024-02-10T10:07:00Z)\n\nUploads are failing for one in five users.\n\n## Identified (2024-02-10T10:40:00Z)\n\nA full storage node causes the failures.\n\n## Resolved (2024-02-10T11:00:00Z)\n\nUploads work again. We are sorry for the failed uploads.',
        },
        {
          text: '---\nstarted: 2024-02-10T06:00:00Z\n---\n# Website down\n\n## Investigating (2024-02-10T06:10:00Z)\n\nOur website is unavailable.\n\n## Resolved (2024-02-10T09:30:00Z)\n\nThe website is back. We are sorry it was down for three and a half hours.',
        },
      ],
      pass: [
        {
          text: '# Upload errors\n\n## Investigating (2024-02-10T10:07:00Z)\n\nWe\'re sorry: uploads are failing for one in five users.\n\n## Identified (2024-02-10T10:40:00Z)\n\nA full storage node causes the failures.\n\n## Resolved (2024-02-10T11:00:00Z)\n\nUploads work again.',
        },
        {
          text: '---\nstarted: 2024-02-10T10:00:00Z\n---\n# Upload errors\n\n## Investigating (2024-02-10T10:07:00Z)\n\nUploads are failing for one in five users.\n\n## Identified (2024-02-10T10:40:00Z)\n\nWe\'re sorry for the failed uploads: a full storage node causes them.',
        },
        {
          options: { lateFromStatement: 4 },
          text: '# Upload errors\n\n## Investigating (2024-02-10T10:07:00Z)\n\nUploads are failing for one in five users.\n\n## Identified (2024-02-10T10:40:00Z)\n\nA full storage node causes the failures.\n\n## Resolved (2024-02-10T11:00:00Z)\n\nUploads work again. We are sorry for the failed uploads.',
        },
      ],
    },
    options: { lateAfterMinutes: 120, lateFromStatement: 3, apology: APOLOGY_PHRASES.apology },
  },
  check(context) {
    const { incident, options } = context;
    const lateAfter = positiveOption(options.lateAfterMinutes, 'lateAfterMinutes');
    const lateFrom = positiveOption(options.lateFromStatement, 'lateFromStatement');
    // Count live updates only: a pasted timeline's undated title or summary is not "the first update".
    const updates = liveUpdates(incident);
    // Only a later update can hold a late first apology: a late first statement is update-gap's.
    if (!incident.isTimeline || updates.length < 2) return context.notApplicable();
    if (updates[0].sentences.some((s) => isApology(s.text, { ...APOLOGY_PHRASES, apology: options.apology }))) return;
    for (const [position, statement] of updates.entries()) {
      if (position === 0) continue;
      for (const sentence of statement.sentences) {
        const apology = readApology(sentence.text, { ...APOLOGY_PHRASES, apology: options.apology });
        if (!apology || apology.negated) continue;
        const start = incidentStart(incident);
        const delay = start && statement.time ? minutesBetween(start, statement.time) : undefined;
        const lateByTime = delay !== undefined && delay > lateAfter;
        const lateByOrder = position + 1 >= lateFrom;
        if (!lateByTime && !lateByOrder) return;
        const when = [
          lateByTime ? `${formatDuration(delay!)} after the incident started${start ? ` (${formatTime(start, statement.time)})` : ''}` : '',
          lateByOrder ? (ORDINALS[position] ? `in the ${ORDINALS[position]} update` : `in update ${position + 1}`) : '',
        ]
          .filter(Boolean)
          .join(', ');
        context.report({
          statement,
          sentence,
          start: apology.start,
          end: apology.end,
          message: `The first apology comes ${when}. Apologise in the first update, even before you know the cause: "We're sorry that [what is failing, for whom]; we are working on it."`,
        });
        return;
      }
    }
    // No apology at all is missing-apology's finding, not a late one.
    context.notApplicable();
  },
});

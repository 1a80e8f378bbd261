import { defineRule } from '../src/rule.js';
import { formatDuration, formatTime, minutesBetween, positiveOption, UNRESOLVED_PHASES } from '../src/engine/timeline.js';

interface Options {
  /** Longest silence between two updates of an open incident, in minutes. */
  maxGapMinutes: number;
  /** Longest delay from the incident start to the first statement, in minutes. */
  firstStatementMinutes: number;
}

export default defineRule<Options>({
  meta: {
    id: 'update-gap',
    principle: 'P6',
    scope: 'timeline',
    severity: 'warning',
    description: 'Readers waited too long: for the first statement, or between two updates of an open incident.',
    maintenance: false,
    docs: {
      why:
        'GoDaddy posted hourly through its 2012 DNS outage even with nothing new to say, because silence reads as abandonment; Skype\'s 2007 outage ran for a day before its first blog post, and rumours of a cyber attack filled the gap. Readers judge you by the gaps as much as by the words.',
      fix: 'Acknowledge within 30 minutes of the start, even with only "we are aware and investigating". While the incident is open, post at least every hour, even to say there is no news yet, and give the next update time.\n\nThe incident start is the `started` metadata. A single statement with `started` and `published` is enough to judge the first delay (a post-mortem is not judged: it is not the first word). Gaps are measured between consecutive dated statements while the earlier one is `investigating`, `identified` or `monitoring`. Both thresholds are options: `maxGapMinutes` (60) and `firstStatementMinutes` (30). Planned maintenance is not judged.',
      fail: [
        {
          text: '# Upload errors\n\n## Investigating (2024-02-10T10:07:00Z)\n\nUploads fail for one in five users. We are investigating.\n\n## Update (2024-02-10T11:45:00Z)\n\nWe are still investigating the upload failures.\n\n## Resolved (2024-02-10T12:10:00Z)\n\nUploads work again; a full disk on one storage node caused the failures.',
        },
        {
          text: '---\nstatus: investigating\nstarted: 2024-07-01T06:00:00Z\npublished: 2024-07-01T08:30:00Z\n---\nOur website is unavailable. We are investigating.',
        },
        {
          text: '---\nstarted: 2024-07-01T06:00:00Z\n---\n# Website down\n\n## Investigating (2024-07-01T07:15:00Z)\n\nOur website is unavailable. Next update by 07:45 UTC.\n\n## Resolved (2024-07-01T07:40:00Z)\n\nThe website is back; a failed certificate renewal took it down.',
        },
      ],
      pass: [
        {
          text: '# Upload errors\n\n## Investigating (2024-02-10T10:07:00Z)\n\nUploads fail for one in five users. Next update in 30 minutes.\n\n## Identified (2024-02-10T10:35:00Z)\n\nA full disk on one storage node causes the failures. Next update in 30 minutes.\n\n## Resolved (2024-02-10T11:00:00Z)\n\nUploads work again.\n\n## Postmortem (2024-02-13T09:00:00Z)\n\nOur write-up of the upload failures.',
        },
        {
          text: '---\nstatus: investigating\nstarted: 2024-05-02T08:40:00Z\npublished: 2024-05-02T08:52:00Z\n---\nSince 08:40 UTC, emails are reaching recipients 20 to 40 minutes late. Next update by 09:30 UTC.',
        },
        {
          options: { maxGapMinutes: 120 },
          text: '# Upload errors\n\n## Investigating (2024-02-10T10:07:00Z)\n\nUploads fail for one in five users. We are investigating.\n\n## Update (2024-02-10T11:45:00Z)\n\nWe are still investigating the upload failures.',
        },
      ],
    },
    options: { maxGapMinutes: 60, firstStatementMinutes: 30 },
  },
  check(context) {
    const { incident, options } = context;
    const maxGap = positiveOption(options.maxGapMinutes, 'maxGapMinutes');
    const firstWithin = positiveOption(options.firstStatementMinutes, 'firstStatementMinutes');
    const dated = incident.statements.filter((s) => s.time);
    const started = incident.meta.started;
    let judged = false;

    const first = dated[0];
    if (started && first?.time && first.phase !== 'postmortem') {
      judged = true;
      const delay = minutesBetween(started, first.time);
      if (delay > firstWithin) {
        context.report({
          statement: first,
          message: `The first statement came ${formatDuration(delay)} after the incident started (${formatTime(started, first.time)}). Acknowledge within ${firstWithin} minutes, even before you know the cause: "We are aware that … is failing and are investigating. Next update by …".`,
        });
      }
    }

    for (let i = 1; i < dated.length; i++) {
      const previous = dated[i - 1];
      const current = dated[i];
      // Once resolved, a later post-mortem or follow-up is not a gap in live updates.
      if (!UNRESOLVED_PHASES.has(previous.phase)) continue;
      judged = true;
      const gap = minutesBetween(previous.time!, current.time!);
      if (gap <= maxGap) continue;
      context.report({
        statement: current,
        message: `No update for ${formatDuration(gap)} (${formatTime(previous.time!)} to ${formatTime(current.time!, previous.time)}) while the incident was open. Post at least every ${maxGap} minutes, even to say there is no news yet, and give the next update time.`,
      });
    }
    if (!judged) context.notApplicable();
  },
});

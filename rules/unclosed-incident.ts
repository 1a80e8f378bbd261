import { defineRule, type Phase, type Statement } from '../src/rule.js';
import { CLOSED_PHASES } from '../src/engine/model.js';
import { readsAsOver } from '../src/nlp/understanding.js';
import { formatDuration, formatTime, minutesBetween, newestStatementTime, positiveOption } from '../src/engine/timeline.js';

interface Options {
  /** An open incident whose newest update is older than this many hours is unclosed. */
  staleHours: number;
  /** Phases that leave an incident open (maintenance: `in_progress`). */
  openPhases: Phase[];
}

export default defineRule<Options>({
  meta: {
    id: 'unclosed-incident',
    principle: 'P6',
    scope: 'timeline',
    severity: 'warning',
    description: 'The timeline never closes: marked resolved with no resolution update, or left open for a day.',
    maintenance: true,
    docs: {
      why:
        'GoDaddy\'s 2012 lesson was to close the loop: an incident left at "investigating" tells readers you stopped caring, or that it is still broken. Skype\'s 2007 "back to normal" note at least told people it was over; a timeline that just stops says nothing at all.',
      fix: 'Post a resolution update when it is over: what was fixed and when, who was affected and for how long, and what happens next. If it is not over after a day, say so and give the next update time.\n\nFires when the metadata says resolved but no statement is a resolution, or when the newest statement is still `investigating`, `identified` or `monitoring` (maintenance: `in_progress`) and is more than `staleHours` (24) older than `--now` or than the newest statement anywhere in the same input. A single statement is not a timeline and is not judged.',
      fail: [
        // The page marks it resolved, but its only update is still investigating.
        { text: '---\nresolved: 2024-02-10T11:30:00Z\n---\n## Investigating (2024-02-10T10:07:00Z)\n\nUploads fail for one in five users. We are looking into it.' },
        {
          now: '2024-02-12T09:00:00Z',
          text: '# Upload errors\n\n## Investigating (2024-02-10T10:07:00Z)\n\nUploads fail for one in five users. Next update in 30 minutes.\n\n## Monitoring (2024-02-10T10:40:00Z)\n\nWe moved uploads off a full storage node and are watching error rates.',
        },
        {
          text: '---\nresolved: 2024-02-10T11:30:00Z\n---\n# Upload errors\n\n## Investigating (2024-02-10T10:07:00Z)\n\nUploads fail for one in five users. Next update in 30 minutes.\n\n## Monitoring (2024-02-10T10:40:00Z)\n\nWe moved uploads off a full storage node and are watching error rates.',
        },
      ],
      pass: [
        {
          now: '2024-02-12T09:00:00Z',
          text: '# Mail outage\n\n## Update (2024-02-10T10:07:00Z)\n\nMailboxes cannot be opened. We are investigating.\n\n## Update (2024-02-10T12:40:00Z)\n\nEvery mailbox has been restored and mail is flowing normally.',
        },
        {
          now: '2024-02-12T09:00:00Z',
          text: '# Upload errors\n\n## Investigating (2024-02-10T10:07:00Z)\n\nUploads fail for one in five users. Next update in 30 minutes.\n\n## Resolved (2024-02-10T11:00:00Z)\n\nUploads work again; a full storage node caused the failures.',
        },
        {
          now: '2024-02-10T12:00:00Z',
          text: '# Upload errors\n\n## Investigating (2024-02-10T10:07:00Z)\n\nUploads fail for one in five users. Next update in 30 minutes.\n\n## Monitoring (2024-02-10T10:40:00Z)\n\nWe moved uploads off a full storage node and are watching error rates.',
        },
        {
          now: '2024-02-12T09:00:00Z',
          options: { staleHours: 72 },
          text: '# Upload errors\n\n## Investigating (2024-02-10T10:07:00Z)\n\nUploads fail for one in five users. Next update in 30 minutes.\n\n## Monitoring (2024-02-10T10:40:00Z)\n\nWe moved uploads off a full storage node and are watching error rates.',
        },
      ],
    },
    options: { staleHours: 24, openPhases: ['investigating', 'identified', 'monitoring', 'in_progress'] },
  },
  check(context) {
    const { incident, options, now, file } = context;
    const staleHours = positiveOption(options.staleHours, 'staleHours');
    const statements = incident.statements;
    if (statements.length === 0) return context.notApplicable();
    const newest = statements[statements.length - 1];
    // A closing update: a closed phase, or words that state it is over ("every mailbox has been
    // restored", "All good now, closing this.") whatever label the update carried.
    const closes = (s: Statement) => CLOSED_PHASES.has(s.phase) || readsAsOver(s);

    // Marked resolved by the page, but no update says so: a single notice too (readers see it open).
    if (incident.meta.resolved && !statements.some(closes)) {
      const when = incident.meta.resolved instanceof Date ? ` (at ${formatTime(incident.meta.resolved)})` : '';
      context.report({
        statement: newest,
        message: `The incident is marked resolved${when}, but no update says so: the timeline ends at "${newest.phase}". Post a resolution: what was fixed and when, who was affected, and what happens next.`,
      });
      return;
    }
    // A single statement is a draft, not a timeline: its staleness is not judged.
    if (!incident.isTimeline) return context.notApplicable();
    if (!new Set(options.openPhases).has(newest.phase) || closes(newest)) return;
    if (!newest.time) return context.notApplicable();
    // Stale against --now, or against the newest statement in the same input (a feed's other incidents).
    const inFile = newestStatementTime(file);
    const reference = inFile && inFile.getTime() > now.getTime() ? inFile : now;
    const age = minutesBetween(newest.time, reference);
    if (age <= staleHours * 60) return;
    context.report({
      statement: newest,
      message: `The newest update (${newest.phase}, ${formatTime(newest.time)}) is ${formatDuration(age)} old and the incident was never closed. Post a resolution, or say what is still broken and when the next update comes.`,
    });
  },
});

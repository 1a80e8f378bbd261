// Edge cases of the apology and presence rules beyond their docs examples: timelines, metadata,
// thresholds as options, --now, negation, and what "not applicable" means for each.
import { describe, expect, it } from 'vitest';
import { lint } from './helpers.js';
import type { RuleSettingInput } from '../src/engine/ruleset.js';
import type { Incident, ParsedFile, Phase, Statement } from '../src/engine/model.js';
import unclosedIncident from '../rules/unclosed-incident.js';
import { factsOf, understandingOf } from '../src/nlp/understanding.js';

function findings(rule: string, text: string, options: { now?: string; ruleOptions?: Record<string, unknown>; path?: string } = {}) {
  const rules: Record<string, RuleSettingInput> = options.ruleOptions ? { [rule]: ['warning', options.ruleOptions] } : {};
  const result = lint(text, { only: rule, now: options.now, rules, path: options.path });
  expect(result.fatal, `fatal: ${result.fatal}`).toBeUndefined();
  return result.findings.filter((f) => f.ruleId === rule);
}

function checklist(rule: string, text: string) {
  return lint(text, { only: rule }).incidents[0].checklist;
}

/** A Markdown timeline from [heading, text] pairs, with optional front matter. */
function timeline(statements: [string, string][], front = ''): string {
  const head = front ? `---\n${front}\n---\n` : '';
  return `${head}# Incident\n\n${statements.map(([h, t]) => `## ${h}\n\n${t}`).join('\n\n')}\n`;
}

describe('missing-apology', () => {
  it('treats a negated apology as no apology', () => {
    const found = findings('missing-apology', '---\nstatus: resolved\n---\nCheckout failed for an hour. We will not apologise for protecting your data.');
    expect(found).toHaveLength(1);
  });

  it('reports once, on the first statement, when the apology comes only after the identified update', () => {
    const text = timeline([
      ['Investigating (2024-02-10T10:07:00Z)', 'Uploads are failing for one in five users.'],
      ['Identified (2024-02-10T10:30:00Z)', 'A full storage node causes the failures.'],
      ['Monitoring (2024-02-10T10:50:00Z)', 'We moved uploads away from it.'],
      ['Resolved (2024-02-10T11:00:00Z)', 'Uploads work again. We are sorry.'],
    ]);
    const found = findings('missing-apology', text);
    expect(found).toHaveLength(1);
    expect(found[0].statement).toBe(0);
    expect(found[0].message).toMatch(/after you said what went wrong/);
  });

  it('accepts an apology in a later investigating update while nothing is identified yet', () => {
    const text = timeline([
      ['Investigating (2024-02-10T10:07:00Z)', 'Uploads are failing for one in five users.'],
      ['Update (2024-02-10T10:30:00Z)', 'We are sorry: we are still looking for the cause of the failed uploads.'],
    ]);
    expect(findings('missing-apology', text)).toEqual([]);
  });

  it('skips incidents whose metadata says there was no impact', () => {
    expect(findings('missing-apology', '---\nimpact: none\nstatus: resolved\n---\nA monitoring alert fired in error; no requests failed.')).toEqual([]);
  });

  it('is not applicable when no harm is described, so P1 is not marked satisfied by it', () => {
    expect(checklist('missing-apology', '---\nstatus: resolved\n---\nWe have added dark mode to the dashboard.').P1).toBe('not-applicable');
  });

  it('accepts user apology phrases through options', () => {
    const text = '---\nstatus: resolved\n---\nSign-in failed for an hour. We owe you better than this.';
    expect(findings('missing-apology', text)).toHaveLength(1);
    expect(findings('missing-apology', text, { ruleOptions: { apology: ['we owe you better'] } })).toEqual([]);
  });
});

describe('late-apology', () => {
  const lateByOrder = timeline([
    ['Investigating (2024-02-10T10:07:00Z)', 'Uploads are failing.'],
    ['Update (2024-02-10T10:20:00Z)', 'Still investigating the failures.'],
    ['Identified (2024-02-10T10:40:00Z)', 'We are sorry: a full storage node causes the failed uploads.'],
  ]);

  it('reports an apology first made in the third statement, on the apology itself', () => {
    const found = findings('late-apology', lateByOrder);
    expect(found).toHaveLength(1);
    expect(found[0].statement).toBe(2);
    expect(found[0].message).toMatch(/third update/);
    expect(found[0].excerpt).toMatch(/^We are sorry/);
  });

  it('uses the started metadata for the delay and says how late', () => {
    const text = timeline(
      [
        ['Investigating (2024-02-10T10:07:00Z)', 'Uploads are failing.'],
        ['Identified (2024-02-10T12:30:00Z)', 'We are sorry: a full storage node causes the failed uploads.'],
      ],
      'started: 2024-02-10T10:00:00Z',
    );
    const found = findings('late-apology', text);
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/2 hours 30 minutes after the incident started \(10:00 UTC\)/);
  });

  it('takes its thresholds from options', () => {
    expect(findings('late-apology', lateByOrder, { ruleOptions: { lateFromStatement: 4 } })).toEqual([]);
  });

  it('gives a one-line error for a threshold that is not a positive number', () => {
    const result = lint(lateByOrder, { only: 'late-apology', rules: { 'late-apology': ['warning', { lateAfterMinutes: 'two hours' }] } });
    expect(result.fatal).toMatch(/late-apology.*"lateAfterMinutes" must be a positive number/);
    expect(result.fatal).not.toMatch(/\n/);
  });

  it('leaves a late first statement to update-gap, even when it apologises', () => {
    const single = '---\nstatus: resolved\nstarted: 2024-02-01T10:00:00Z\npublished: 2024-02-01T15:00:00Z\n---\nWe are sorry that uploads failed for two hours.';
    expect(findings('late-apology', single)).toEqual([]);
    const text = timeline(
      [
        ['Investigating (2024-02-10T13:00:00Z)', 'We are sorry: uploads are failing.'],
        ['Resolved (2024-02-10T14:00:00Z)', 'Uploads work again. We are sorry.'],
      ],
      'started: 2024-02-10T10:00:00Z',
    );
    expect(findings('late-apology', text)).toEqual([]);
    expect(findings('update-gap', text)).toHaveLength(1);
  });

  it('ignores a negated apology and leaves a timeline with no apology to missing-apology', () => {
    const text = timeline([
      ['Investigating (2024-02-10T10:07:00Z)', 'Uploads are failing.'],
      ['Update (2024-02-10T10:20:00Z)', 'Still investigating.'],
      ['Resolved (2024-02-10T14:40:00Z)', 'We are not sorry we took the time to get this right. Uploads work again.'],
    ]);
    expect(findings('late-apology', text)).toEqual([]);
    expect(checklist('late-apology', text).P1).toBe('not-applicable');
  });
});

describe('pasted timelines', () => {
  // The undated line before the first time stamp is a title or a summary, not the first update.
  const pasted = [
    'Login errors for some customers',
    '',
    'March 4, 2025 5:26 PM PST',
    'We are investigating reports that some customers cannot sign in. Next update by 6:00 PM PST.',
    '',
    '5:58 PM PST:',
    "We're sorry for the failed sign-ins: a certificate on our sign-in service expired at 5:20 PM. Next update by 6:30 PM PST.",
    '',
    'Resolved - 6:21 PM PST',
    'Sign-in has worked for everyone since 6:15 PM PST.',
  ].join('\n');

  it('counts the apology as made in the second update, not the third', () => {
    expect(findings('late-apology', pasted, { path: 'timeline.txt' })).toEqual([]);
  });

  it('reports a missing apology on the first dated update', () => {
    const found = findings('missing-apology', pasted.replace("We're sorry for the failed sign-ins: a", 'A'), { path: 'timeline.txt' });
    expect(found).toHaveLength(1);
    expect(found[0].line).toBe(4);
  });
});

describe('update-gap', () => {
  it('does not count the wait between a resolution and a later post-mortem', () => {
    const text = timeline([
      ['Investigating (2024-02-10T10:07:00Z)', 'Uploads are failing.'],
      ['Resolved (2024-02-10T10:50:00Z)', 'Uploads work again.'],
      ['Postmortem (2024-02-14T09:00:00Z)', 'What happened and what we are changing.'],
    ]);
    expect(findings('update-gap', text)).toEqual([]);
  });

  it('reports every long gap while open, on the statement that ended the silence', () => {
    const text = timeline([
      ['Investigating (2024-02-10T10:00:00Z)', 'Uploads are failing.'],
      ['Identified (2024-02-10T11:30:00Z)', 'A full storage node causes the failures.'],
      ['Monitoring (2024-02-10T13:00:00Z)', 'We moved uploads away from it.'],
      ['Resolved (2024-02-10T13:40:00Z)', 'Uploads work again.'],
    ]);
    const found = findings('update-gap', text);
    expect(found.map((f) => f.statement)).toEqual([1, 2]);
    expect(found[0].message).toMatch(/1 hour 30 minutes \(2024-02-10 10:00 UTC to 11:30 UTC\)/);
  });

  it('reports a late first statement on the first statement, with the delay', () => {
    const text = timeline([['Investigating (2024-02-10T12:00:00Z)', 'Uploads are failing.']], 'started: 2024-02-10T10:00:00Z');
    const found = findings('update-gap', text);
    expect(found).toHaveLength(1);
    expect(found[0].statement).toBe(0);
    expect(found[0].message).toMatch(/2 hours after the incident started/);
  });

  it('takes the first-statement threshold from options', () => {
    const text = '---\nstatus: investigating\nstarted: 2024-05-02T08:00:00Z\npublished: 2024-05-02T08:45:00Z\n---\nEmails are delayed.';
    expect(findings('update-gap', text)).toHaveLength(1);
    expect(findings('update-gap', text, { ruleOptions: { firstStatementMinutes: 60 } })).toEqual([]);
  });

  it('is not applicable to a statement without dates', () => {
    expect(checklist('update-gap', '---\nstatus: investigating\n---\nEmails are delayed.').P6).toBe('not-applicable');
  });

  it('does not judge planned maintenance', () => {
    const text = timeline([
      ['Scheduled (2024-02-01T10:00:00Z)', 'On 10 February from 02:00 UTC the dashboard will be read-only while we upgrade the database.'],
      ['In progress (2024-02-10T02:00:00Z)', 'The maintenance has started.'],
      ['Completed (2024-02-10T05:00:00Z)', 'The maintenance is complete.'],
    ]);
    expect(findings('update-gap', text)).toEqual([]);
  });
});

describe('unclosed-incident', () => {
  const open = timeline([
    ['Investigating (2024-02-10T10:07:00Z)', 'Uploads are failing.'],
    ['Monitoring (2024-02-10T10:40:00Z)', 'We moved uploads off a full storage node.'],
  ]);

  it('judges staleness against --now', () => {
    expect(findings('unclosed-incident', open, { now: '2024-02-11T10:00:00Z' })).toEqual([]);
    const found = findings('unclosed-incident', open, { now: '2024-02-11T11:00:00Z' });
    expect(found).toHaveLength(1);
    expect(found[0].statement).toBe(1);
    expect(found[0].message).toMatch(/is 1 day old/);
  });

  it('takes the age limit from options', () => {
    expect(findings('unclosed-incident', open, { now: '2024-02-12T11:00:00Z', ruleOptions: { staleHours: 72 } })).toEqual([]);
  });

  it('reports resolved metadata with no resolution update, whatever the time', () => {
    const text = timeline(
      [
        ['Investigating (2024-02-10T10:07:00Z)', 'Uploads are failing.'],
        ['Monitoring (2024-02-10T10:40:00Z)', 'We moved uploads off a full storage node.'],
      ],
      'resolved: 2024-02-10T11:00:00Z',
    );
    const found = findings('unclosed-incident', text, { now: '2024-02-10T11:05:00Z' });
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/marked resolved \(at 2024-02-10 11:00 UTC\)/);
  });

  it('judges staleness against the newest statement in the same input too', () => {
    // A feed holds many incidents; built by hand here so the test needs no particular input reader.
    const statement = (index: number, phase: Phase, time: string): Statement => ({
      index, phase, phaseSource: 'given', time: new Date(time), text: 'Uploads are failing.', sentences: [], links: [], sourceMap: { runs: [] },
    });
    const incident = (index: number, statements: Statement[]): Incident => ({ index, meta: { extra: {} }, statements, isTimeline: true, isMaintenance: false });
    const stale = incident(0, [statement(0, 'investigating', '2024-02-10T10:00:00Z')]);
    const newer = incident(1, [statement(0, 'investigating', '2024-02-14T10:00:00Z'), statement(1, 'resolved', '2024-02-14T10:30:00Z')]);
    const file: ParsedFile = { source: { path: 'feed', text: '', lineStarts: [0] }, format: 'test', incidents: [stale, newer], directives: [] };
    const reported: Incident[] = [];
    for (const inc of file.incidents) {
      unclosedIncident.check({
        file,
        incident: inc,
        options: unclosedIncident.meta.options!,
        // --now just after the stale incident's update: only the other incident shows that days have passed.
        now: new Date('2024-02-10T10:30:00Z'),
        report: () => reported.push(inc),
        notApplicable: () => {},
        facts: factsOf,
        understanding: understandingOf,
      });
    }
    expect(reported).toEqual([stale]);
  });

  it('does not judge a single statement, which is a draft rather than a timeline', () => {
    const text = '---\nstatus: investigating\npublished: 2024-02-10T10:00:00Z\n---\nUploads are failing.';
    expect(findings('unclosed-incident', text, { now: '2024-03-10T10:00:00Z' })).toEqual([]);
  });
});

describe('missing-next-update', () => {
  it('accepts "Next update: 14:30 UTC" and a cadence given earlier in the timeline', () => {
    expect(findings('missing-next-update', '---\nstatus: investigating\n---\nEmails are delayed. Next update: 14:30 UTC.')).toEqual([]);
    expect(findings('missing-next-update', '---\nstatus: identified\n---\nEmails are delayed. We will update this page tomorrow morning.')).toEqual([]);
    const text = timeline([
      ['Investigating (2024-02-10T10:00:00Z)', 'Uploads are failing. We will post here every 30 minutes until this is fixed.'],
      ['Update (2024-02-10T10:30:00Z)', 'Still investigating.'],
      ['Identified (2024-02-10T11:00:00Z)', 'A full storage node causes the failures.'],
    ]);
    expect(findings('missing-next-update', text)).toEqual([]);
  });

  it('does not carry a cadence over a resolution into a reopened incident', () => {
    const text = timeline([
      ['Investigating (2024-02-10T10:00:00Z)', 'Uploads are failing. Updates every 30 minutes.'],
      ['Resolved (2024-02-10T10:30:00Z)', 'Uploads work again.'],
      ['Investigating (2024-02-10T11:00:00Z)', 'Uploads are failing again.'],
    ]);
    expect(findings('missing-next-update', text).map((f) => f.statement)).toEqual([2]);
  });

  it('judges each unresolved statement on its own text, with a suggested time', () => {
    const text = timeline([
      ['Investigating (2024-02-10T10:07:00Z)', 'Uploads are failing. We will provide an update when we have one.'],
      ['Update (2024-02-10T10:20:00Z)', 'Still investigating. Next update in 30 minutes.'],
      ['Monitoring (2024-02-10T10:50:00Z)', 'We moved uploads away from a full storage node.'],
      ['Resolved (2024-02-10T11:10:00Z)', 'Uploads work again.'],
    ]);
    const found = findings('missing-next-update', text);
    expect(found.map((f) => f.statement)).toEqual([0, 2]);
    // Points at the untimed promise when there is one.
    expect(found[0].excerpt).toBe('We will provide an update when we have one.');
    expect(found[0].suggestions[0].text).toBe(' Next update by 10:40 UTC.');
    expect(found[1].suggestions[0].text).toBe(' Next update by 11:20 UTC.');
  });

  it('never suggests a time before the next real update, nor one already past on the newest', () => {
    const text = timeline([
      ['Investigating (2024-02-10T10:07:00Z)', 'Uploads are failing.'],
      ['Identified (2024-02-10T10:52:00Z)', 'A full storage node causes the failures.'],
      ['Monitoring (2024-02-10T15:20:00Z)', 'We moved uploads away from the full node.'],
    ]);
    const found = findings('missing-next-update', text, { now: '2024-02-10T15:30:00Z' });
    expect(found.map((f) => f.statement)).toEqual([0, 1, 2]);
    // 30 minutes would be 10:40, before the real next update at 10:52: the suggestion waits for it.
    expect(found[0].suggestions[0].text).toBe(' Next update by 10:55 UTC.');
    // A wait of hours is said in hours.
    expect(found[1].suggestions[0].text).toBe(' Next update in 5 hours.');
    // The newest update still has time: 30 minutes on.
    expect(found[2].suggestions[0].text).toBe(' Next update by 15:50 UTC.');
    // Once that time has passed, any time given now is already broken: no suggestion.
    expect(findings('missing-next-update', text, { now: '2024-02-11T09:00:00Z' })[2].suggestions).toEqual([]);
  });

  it('does not judge an after-the-fact draft whose phase was only guessed', () => {
    expect(findings('missing-next-update', 'Yesterday sign-in failed for an hour because a certificate expired. We are sorry.')).toEqual([]);
    expect(findings('missing-next-update', 'Sign-in is currently failing for all users.')).toHaveLength(1);
  });

  it('judges maintenance updates only when asked through the phases option', () => {
    const text = '---\nstatus: in_progress\n---\nThe database upgrade is under way; the dashboard is read-only.';
    expect(findings('missing-next-update', text)).toEqual([]);
    expect(findings('missing-next-update', text, { ruleOptions: { phases: ['in_progress'] } })).toHaveLength(1);
  });
});

describe('vague-promise', () => {
  const statement = (body: string, status = 'investigating') => `---\nstatus: ${status}\n---\nSign-in is failing for all users. ${body}`;

  it.each([
    'We will share more information as it becomes available.',
    'Updates to follow.',
    'We will continue to keep users updated on progress towards mitigation.',
    'We are investigating and will provide an update when we have one.',
    'A detailed root cause analysis will be shared as soon as it is available.',
    'We will continue to monitor and update.',
    'Stay tuned.',
    "We'll keep you posted.",
    "We'll let you know when it is fixed.",
    'A full post-mortem will follow.',
    'Customers will be notified.',
  ])('reports "%s"', (body) => {
    expect(findings('vague-promise', statement(body))).toHaveLength(1);
  });

  it.each([
    'We will post updates here.',
    'We will publish a full report on our blog by Friday 20 March.',
    'We will share more details by email tomorrow.',
    'Next update by 14:30 UTC.',
    'We will provide another update within the hour.',
    'We will update you every 30 minutes.',
    'We will not share customer details with anyone.',
    'We will update the firmware on the affected routers.',
    'Refreshing the page will update the status badge.',
    'Affected customers will be notified by email.',
    'Your data will be updated automatically.',
  ])('is silent on "%s"', (body) => {
    expect(findings('vague-promise', statement(body))).toEqual([]);
  });

  it('does not take a time earlier in the sentence as the promised time', () => {
    expect(findings('vague-promise', statement('Since 08:40 UTC we have been investigating, and more details will follow soon.'))).toHaveLength(1);
  });

  it('is satisfied by a timed next update elsewhere in the statement', () => {
    expect(findings('vague-promise', statement('We will share more as we learn it. Next update in 30 minutes.'))).toEqual([]);
  });

  it('marks the promise itself and says what to write instead', () => {
    const [finding] = findings('vague-promise', statement('Our engineers are on it and more details will follow soon.'));
    expect(finding.excerpt).toMatch(/more details will follow soon/);
    expect(finding.message).toMatch(/when or where/);
    expect(finding.column).toBeGreaterThan(1);
  });

  it('lets users add promise phrases and channels through options', () => {
    const news = statement('More news in due course.');
    expect(findings('vague-promise', news)).toEqual([]);
    expect(findings('vague-promise', news, { ruleOptions: { promises: ['more news in due course'] } })).toHaveLength(1);
    const mastodon = statement('We will post updates on Mastodon.');
    expect(findings('vague-promise', mastodon)).toHaveLength(1);
    expect(findings('vague-promise', mastodon, { ruleOptions: { channels: ['on mastodon'] } })).toEqual([]);
  });

  it('applies to planned maintenance, which still makes promises', () => {
    const text = '---\nstatus: scheduled\n---\nOn Saturday from 02:00 UTC we will upgrade the database. More details to follow.';
    expect(findings('vague-promise', text)).toHaveLength(1);
  });
});

describe('missing-next-update on updates that say the problem is over', () => {
  const timeline = (update: string) =>
    `# Incident\n\n## Investigating (2024-03-01T10:00:00Z)\n\nWe are investigating errors in Actions and Pages. Next update in 30 minutes.\n\n## Update (2024-03-01T10:20:00Z)\n\n${update}\n\n## Resolved (2024-03-01T11:00:00Z)\n\nA bad deploy caused the errors; we rolled it back.\n`;
  it('skips a component recovery note', () => {
    expect(lint(timeline('Pages is operating normally.'), { only: 'missing-next-update' }).findings).toEqual([]);
  });
  it('still asks for a time when work goes on', () => {
    expect(lint(timeline('Pages is operating normally. We are continuing to investigate errors in Actions.'), { only: 'missing-next-update' }).findings).toHaveLength(1);
  });
});

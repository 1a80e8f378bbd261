// Edge cases for the ownership, clarity and certainty rules (agentless-failure, blame-shifting,
// denial-first, missing-impact, hollow-resolution, false-certainty, minimizing), beyond the
// examples in each rule's docs (tests/rules.test.ts runs those).
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/engine/results.js';
import { lint } from './helpers.js';

function findings(id: string, text: string): Finding[] {
  return lint(text, { only: id }).findings.filter((f) => f.ruleId === id);
}

/** The text a finding points at (single-line spans). */
function spanOf(text: string, f: Finding): string {
  const line = text.split('\n')[f.line - 1];
  return line.slice(f.column - 1, f.endLine === f.line ? f.endColumn - 1 : undefined);
}

const doc = (status: string, body: string) => `---\nstatus: ${status}\n---\n${body}\n`;

describe('agentless-failure', () => {
  const id = 'agentless-failure';

  it('reports each clause where the failure acts, with the subject in the span', () => {
    const text = doc('resolved', 'Yesterday an outage occurred on our network and an issue arose with the routing layer.');
    const found = findings(id, text);
    expect(found.map((f) => spanOf(text, f))).toEqual(['an outage occurred', 'an issue arose']);
    expect(found[0].message).toMatch(/caused an outage/);
  });

  it('finds the failure through a relative clause and a coordinated predicate', () => {
    const text = doc('resolved', 'The storage cluster that serves uploads became unresponsive and suffered data corruption.');
    expect(findings(id, text).map((f) => spanOf(text, f))[0]).toMatch(/^The storage cluster that serves uploads became unresponsive/);
  });

  it('leaves people experiencing a failure alone: that is impact, not an agentless failure', () => {
    expect(findings(id, doc('resolved', 'Between 09:00 and 10:00 UTC, 5% of customers in Europe experienced errors.'))).toEqual([]);
    expect(findings(id, doc('resolved', 'Uploads submitted through the API experienced delays for an hour.'))).toEqual([]);
  });

  it('is silent on live status, negation, hypotheticals and purpose clauses', () => {
    expect(findings(id, doc('investigating', 'The API is experiencing elevated error rates.'))).toEqual([]);
    expect(findings(id, doc('resolved', 'No data loss occurred and no errors were experienced by customers.'))).toEqual([]);
    expect(findings(id, doc('resolved', 'We added alerts so that if an outage occurs again we know within a minute.'))).toEqual([]);
    expect(findings(id, doc('resolved', 'We changed the deploy process to ensure this issue does not happen again.'))).toEqual([]);
  });

  it('is silent when the statement names the cause', () => {
    expect(findings(id, doc('resolved', 'An outage occurred at 09:00. It was caused by an expired certificate we forgot to renew.'))).toEqual([]);
  });

  it('does not treat "sorry for what happened" as a cause', () => {
    expect(findings(id, doc('resolved', 'Things went wrong, and we are sorry for what happened.'))).toHaveLength(1);
  });
});

describe('blame-shifting', () => {
  const id = 'blame-shifting';

  it('reports users, vendors, nature and "beyond our control", with a message per party', () => {
    const users = findings(id, doc('identified', "The errors were caused by customers' misconfigured clients."));
    expect(users).toHaveLength(1);
    expect(users[0].message).toMatch(/users/);
    expect(findings(id, doc('resolved', 'Our hosting provider’s failure caused the outage.'))[0]?.message).toMatch(/supplier/);
    expect(findings(id, doc('resolved', 'Sign-in failed because of a third-party identity service.'))).toHaveLength(1);
    expect(findings(id, doc('resolved', 'The data centre lost power due to a lightning strike.'))[0]?.message).toMatch(/nature/);
    expect(findings(id, doc('resolved', 'The disruption was outside of our control.'))[0]?.message).toMatch(/disowns/);
  });

  it('tells weather from load that is only named like it ("a flood of requests", "a retry storm")', () => {
    expect(findings(id, doc('resolved', 'The data centre lost power due to flooding in the area.'))[0]?.message).toMatch(/blames nature/);
    expect(findings(id, doc('resolved', 'Our network went down because of a storm near the data centre.'))[0]?.message).toMatch(/blames nature/);
    expect(findings(id, doc('resolved', 'The issue was caused due to flooding from one customer account that starved the ingestion queue.'))).toEqual([]);
    expect(findings(id, doc('resolved', 'Uploads timed out because of a flood of requests from a misconfigured client.'))).toEqual([]);
    expect(findings(id, doc('resolved', 'Sign-ins failed when a reconnection storm hit the session servers after the deploy.'))).toEqual([]);
  });
  it('does not take affected users for the cause', () => {
    expect(findings(id, doc('resolved', 'This was due to a configuration change that affected customers with many secrets.'))).toEqual([]);
    expect(findings(id, doc('resolved', 'A bug in our rate limiter blocked users from signing up.'))).toEqual([]);
  });

  it('does not take "our Azure deployment" or an internal upstream service for a vendor', () => {
    expect(findings(id, doc('resolved', 'This was due to an incorrect configuration of our Azure Marketplace offering.'))).toEqual([]);
    expect(findings(id, doc('resolved', 'This was due to an issue in an upstream database within our billing system.'))).toEqual([]);
  });

  it('lets a vendor be named when the statement owns the consequence', () => {
    const owned = 'Checkout failed due to an outage at our payment provider. We relied on a single provider, and we are adding a second one.';
    expect(findings(id, doc('resolved', owned))).toEqual([]);
    expect(findings(id, doc('resolved', 'This was due to an issue with our upstream provider. That is our responsibility, not theirs.'))).toEqual([]);
  });

  it('counts admitting our own part as owning it, but not "our provider failed"', () => {
    expect(findings(id, doc('resolved', 'A storm cut power to our data centre, and our backup generators failed to start.'))).toEqual([]);
    expect(findings(id, doc('resolved', 'Checkout was down because our upstream provider failed.'))).toHaveLength(1);
  });

  it('is silent on a denied attribution and on attacks with evidence', () => {
    expect(findings(id, doc('resolved', 'The outage was not caused by our customers.'))).toEqual([]);
    expect(findings(id, doc('resolved', 'The slowdown was caused by attackers; our logs show 2 million requests per second from one network.'))).toEqual([]);
    expect(findings(id, doc('resolved', 'The slowdown was caused by hackers.'))).toHaveLength(1);
  });
});

describe('denial-first', () => {
  const id = 'denial-first';

  it('reports a denial in the second sentence when the first acknowledges nothing', () => {
    const text = doc('investigating', 'Here is an update on this morning. Our servers were not hacked, and sign-in is slow.');
    const found = findings(id, text);
    expect(found).toHaveLength(1);
    expect(spanOf(text, found[0])).toBe('not hacked');
  });

  it('reports a denial that opens a sentence which acknowledges later', () => {
    expect(findings(id, doc('identified', 'No payment data was exposed, but checkout has failed since 09:00 UTC.'))).toHaveLength(1);
  });

  it('passes a denial after the acknowledgement or after the first two sentences', () => {
    expect(findings(id, doc('identified', 'Checkout has failed since 09:00 UTC, but no payment data was exposed.'))).toEqual([]);
    expect(findings(id, doc('resolved', 'We are sorry. Sign-in was down for an hour. No data was lost.'))).toEqual([]);
  });

  it('does not count failures stated with a negation as denials', () => {
    expect(findings(id, doc('investigating', 'Customers cannot log in. We have not yet found the cause.'))).toEqual([]);
    expect(findings(id, doc('investigating', 'The dashboard is not loading for anyone in Europe.'))).toEqual([]);
    expect(findings(id, doc('monitoring', 'We are no longer seeing errors on the API.'))).toEqual([]);
  });

  it('does not read a scope ("not all customers") as a denial', () => {
    expect(findings(id, doc('investigating', 'Not all customers were affected. About 10% of checkouts fail with an error.'))).toEqual([]);
  });

  it('looks only at the opening statement of a timeline', () => {
    const timeline =
      '# Outage\n\n## Investigating (2024-03-01T10:00:00Z)\n\nUploads are failing.\n\n## Update (2024-03-01T10:30:00Z)\n\nNo files were lost. We are still working on it.\n';
    expect(findings(id, timeline)).toEqual([]);
  });
});

describe('missing-impact', () => {
  const id = 'missing-impact';

  it('reports each vague update until one names what is affected', () => {
    const timeline =
      '# Problems\n\n## Investigating (2024-03-01T10:00:00Z)\n\nWe are looking into reports of issues.\n\n## Update (2024-03-01T10:20:00Z)\n\nWe are still investigating.\n\n## Update (2024-03-01T10:40:00Z)\n\nPush notifications are delayed by up to 10 minutes.\n\n## Update (2024-03-01T11:00:00Z)\n\nWe are still working on it.\n';
    expect(findings(id, timeline).map((f) => f.statement)).toEqual([0, 1]);
  });

  it('counts a name, a symptom, a scope or a component list as saying what is affected', () => {
    expect(findings(id, doc('investigating', 'We are investigating reports of degraded performance for Pages.'))).toEqual([]);
    expect(findings(id, doc('investigating', 'Some requests are timing out.'))).toEqual([]);
    expect(findings(id, doc('investigating', 'About 30% of requests are affected.'))).toEqual([]);
    expect(findings(id, '---\nstatus: investigating\naffected: [API]\n---\nWe are investigating an issue.\n')).toEqual([]);
  });

  it('keeps "some services" vague even when a name modifies it', () => {
    expect(findings(id, doc('investigating', 'We are investigating degraded performance for some Acme services.'))).toHaveLength(1);
    expect(findings(id, '---\ntitle: Disruption with some Acme services\nstatus: investigating\n---\nWe are investigating this issue.\n')).toHaveLength(1);
    expect(findings(id, '---\ntitle: Incident with Checkout\nstatus: investigating\n---\nWe are investigating this issue.\n')).toEqual([]);
  });

  it('leaves resolutions to hollow-resolution', () => {
    expect(findings(id, doc('resolved', 'This incident has been resolved.'))).toEqual([]);
  });
});

describe('hollow-resolution', () => {
  const id = 'hollow-resolution';

  it('says which elements are missing', () => {
    const found = findings(id, doc('resolved', 'Checkout is working normally again.'));
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/what caused it/);
    expect(found[0].message).toMatch(/what you did to fix it/);
  });

  it('accepts a fix and a link to the write-up', () => {
    expect(findings(id, doc('resolved', 'We reverted the release and service is back. Details: [post](https://example.com/pm).'))).toEqual([]);
  });

  it('judges only the resolution, not the earlier updates', () => {
    const timeline =
      '# Upload errors\n\n## Identified (2024-02-10T12:10:00Z)\n\nA storage node ran out of disk space, so one in five uploads fails.\n\n## Resolved (2024-02-10T12:40:00Z)\n\nThis incident has been resolved.\n';
    const found = findings(id, timeline);
    expect(found).toHaveLength(1);
    expect(found[0].statement).toBe(1);
  });

  it('counts a summary posted after the resolution', () => {
    const timeline =
      '# Upload errors\n\n## Resolved (2024-02-10T12:40:00Z)\n\nThis incident has been resolved.\n\n## Postmortem (2024-02-11T09:00:00Z)\n\nA full disk on one storage node caused the failures between 10:00 and 12:35 UTC. We now alert at 80% full.\n';
    expect(findings(id, timeline)).toEqual([]);
  });

  it('does not apply to unresolved statements or maintenance', () => {
    expect(findings(id, doc('monitoring', 'A fix is deployed.'))).toEqual([]);
    expect(findings(id, doc('completed', 'The scheduled maintenance has been completed.'))).toEqual([]);
  });
});

describe('false-certainty', () => {
  const id = 'false-certainty';

  it('reports an exact fix time only while investigating', () => {
    expect(findings(id, doc('investigating', 'Sign-in will be restored by 14:00 UTC.'))).toHaveLength(1);
    expect(findings(id, doc('investigating', "We'll have it fixed in 10 minutes."))).toHaveLength(1);
    expect(findings(id, doc('identified', 'Sign-in will be restored by 14:00 UTC.'))).toEqual([]);
  });

  it('lets estimates and update promises pass', () => {
    expect(findings(id, doc('investigating', 'We expect sign-in to be restored within the hour.'))).toEqual([]);
    expect(findings(id, doc('investigating', 'Sign-in should be back within 30 minutes.'))).toEqual([]);
    expect(findings(id, doc('investigating', "We'll be back with an update in 30 minutes."))).toEqual([]);
  });

  it('reports full-recovery claims only while monitoring', () => {
    const text = doc('monitoring', 'Everything is working normally and every customer is back online.');
    expect(findings(id, text).length).toBe(2);
    expect(findings(id, doc('monitoring', 'Not all users are back yet; we are watching error rates.'))).toEqual([]);
    expect(findings(id, doc('resolved', 'Everything is working normally.'))).toEqual([]);
  });

  it('reads negation and aims: "cannot guarantee", "to ensure it never happens again"', () => {
    expect(findings(id, doc('resolved', 'Nobody can guarantee uptime, but we have added a second region.'))).toEqual([]);
    expect(findings(id, doc('resolved', 'We are adding tests to ensure this never happens again.'))).toEqual([]);
    expect(findings(id, doc('resolved', 'This will never happen again.'))).toHaveLength(1);
    expect(findings(id, doc('resolved', 'Will this happen again? We hope not.'))).toEqual([]);
  });

  it('leaves disclaimers, hopes and contractual guarantees alone', () => {
    expect(findings(id, doc('resolved', "We can't promise that it will never happen again, but we added a second region."))).toEqual([]);
    expect(findings(id, doc('resolved', 'We hope this never happens again.'))).toEqual([]);
    expect(findings(id, doc('resolved', 'Our SLA guarantees 99.9% uptime, so we will credit your account.'))).toEqual([]);
    expect(findings(id, doc('resolved', 'We guarantee your data is safe.'))).toHaveLength(1);
  });

  it('offers to drop "100%"', () => {
    const found = findings(id, doc('resolved', 'The problem is 100% resolved.'));
    expect(found).toHaveLength(1);
    expect(found[0].suggestions[0]).toMatchObject({ text: '' });
  });
});

describe('minimizing', () => {
  const id = 'minimizing';

  it('needs two distinct hedges in one impact sentence', () => {
    expect(findings(id, doc('investigating', 'Some users see errors when signing in.'))).toEqual([]);
    expect(findings(id, doc('investigating', 'Jobs may queue longer or may time out.'))).toEqual([]);
    expect(findings(id, doc('investigating', 'Some dashboards may load a little differently after the redesign.'))).toEqual([]);
    expect(findings(id, doc('investigating', 'Some users may see errors when signing in.'))).toHaveLength(1);
  });

  it('does not count the month May, durations, or a failure stated with "could not"', () => {
    expect(findings(id, doc('resolved', 'On May 3 some users saw errors.'))).toEqual([]);
    expect(findings(id, doc('resolved', 'For a few minutes some users saw errors.'))).toEqual([]);
    expect(findings(id, doc('resolved', 'Some users could not sign in.'))).toEqual([]);
  });

  it('lets hedges pass when the sentence states the size', () => {
    expect(findings(id, doc('resolved', 'Up to 35% of jobs may have seen intermittent delays.'))).toEqual([]);
  });

  it('suggests dropping pure softeners, and "may" before a plural subject', () => {
    const text = doc('investigating', 'Some customers may notice slight delays in email delivery.');
    const [finding] = findings(id, text);
    expect(finding.severity).toBe('info');
    expect(finding.suggestions.map((s) => s.desc)).toEqual(['Drop the hedge "may"', 'Drop the hedge "slight"']);
    const single = findings(id, doc('investigating', 'A customer may notice slight delays in email delivery.'))[0];
    expect(single.suggestions.map((s) => s.desc)).toEqual(['Drop the hedge "slight"']);
  });
});

describe('minimizing and internal systems', () => {
  it('does not count hedges on internal systems', () => {
    const text = '---\nstatus: postmortem\n---\nThe change caused elevated CPU on a subset of storage nodes, increasing latency for some internal API operations.';
    expect(lint(text, { only: 'minimizing' }).findings).toEqual([]);
  });
  it('still counts hedges on customers', () => {
    const text = '---\nstatus: investigating\n---\nSome customers may experience slight delays when loading the dashboard.';
    expect(lint(text, { only: 'minimizing' }).findings).toHaveLength(1);
  });
});

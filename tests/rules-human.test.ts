// Edge cases of the P7 and P8 rules (missing-remedy, missing-prevention, hollow-affection,
// impersonal-voice, jargon) and of emotion-apology's suggestion, beyond their docs examples.
import { describe, expect, it } from 'vitest';
import { lint } from './helpers.js';
import type { RuleSettingInput } from '../src/engine/ruleset.js';
import type { Finding, SuggestionResult } from '../src/engine/results.js';

function findings(rule: string, text: string, ruleOptions?: Record<string, unknown>): Finding[] {
  const rules: Record<string, RuleSettingInput> = ruleOptions ? { [rule]: ['info', ruleOptions] } : {};
  const result = lint(text, { only: rule, rules });
  expect(result.fatal, `fatal: ${result.fatal}`).toBeUndefined();
  return result.findings.filter((f) => f.ruleId === rule);
}

/** A Markdown timeline from [heading, text] pairs, with optional front matter. */
function timeline(statements: [string, string][], front = ''): string {
  const head = front ? `---\n${front}\n---\n` : '';
  return `${head}# Incident\n\n${statements.map(([h, t]) => `## ${h}\n\n${t}`).join('\n\n')}\n`;
}

/** The input text with one suggestion applied (positions are 1-based lines and columns). */
function apply(text: string, s: SuggestionResult): string {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const from = starts[s.line - 1] + s.column - 1;
  const to = starts[s.endLine - 1] + s.endColumn - 1;
  return text.slice(0, from) + s.text + text.slice(to);
}

function resolved(body: string, impact?: string): string {
  return `---\nstatus: resolved\n${impact ? `impact: ${impact}\n` : ''}---\n${body}`;
}

describe('missing-remedy', () => {
  it('does not count a "credit card" as a credit', () => {
    const found = findings('missing-remedy', resolved('Credit card payments failed for all shops between 09:00 and 11:00 UTC because a certificate expired.', 'major'));
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('info');
  });

  it('treats "no data was lost" as no harm on a minor incident', () => {
    expect(findings('missing-remedy', resolved('Search was slow for ten minutes. No data was lost and no account was compromised.', 'minor'))).toEqual([]);
  });

  it('judges real harm whatever the impact label says', () => {
    const found = findings('missing-remedy', resolved('A bug deleted the drafts of 300 users; their data was permanently deleted.', 'minor'));
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/data loss/);
  });

  it('asks for steps while a breach is still being investigated', () => {
    const breach = '---\nstatus: investigating\n---\nAn attacker accessed the email addresses of 4,000 customers through a leaked key.';
    expect(findings('missing-remedy', breach)).toHaveLength(1);
    expect(findings('missing-remedy', `${breach} Please reset your password and turn on two-factor sign-in.`)).toEqual([]);
  });

  it('waits for the end of an ordinary major outage before asking for a remedy', () => {
    expect(findings('missing-remedy', '---\nstatus: investigating\nimpact: major\n---\nCheckout is failing for all customers. We are investigating.')).toEqual([]);
  });

  it('counts an unlabelled timeline longer than the threshold as major, and reports on the resolution', () => {
    const text = timeline([
      ['Investigating (2024-02-10T08:00:00Z)', 'Uploads are failing for all users.'],
      ['Resolved (2024-02-10T14:00:00Z)', 'Uploads work again; a full disk caused the failures.'],
    ]);
    const found = findings('missing-remedy', text);
    expect(found).toHaveLength(1);
    expect(found[0].statement).toBe(1);
    expect(found[0].message).toMatch(/6-hour outage/);
    expect(findings('missing-remedy', text, { longOutageHours: 8 })).toEqual([]);
  });

  it('accepts the company undoing the harm (failed jobs re-run) as a remedy', () => {
    expect(findings('missing-remedy', resolved('Scheduled jobs failed for two hours. We have re-run all failed jobs.', 'major'))).toEqual([]);
  });

  it('lets users add remedies of their own', () => {
    const text = resolved('Checkout failed for two hours. Every affected shop receives a goodwill voucher.', 'major');
    expect(findings('missing-remedy', text)).toHaveLength(1);
    expect(findings('missing-remedy', text, { compensation: ['goodwill vouchers?'] })).toEqual([]);
  });

  it('skips planned maintenance', () => {
    expect(findings('missing-remedy', '---\nstatus: completed\nimpact: major\n---\nThe database upgrade is complete.')).toEqual([]);
  });
});

describe('missing-prevention', () => {
  it('gives info on a resolved minor incident and a warning on a major one', () => {
    const body = 'Search was slow for ten minutes because an index was rebuilt. It is fast again.';
    expect(findings('missing-prevention', resolved(body, 'minor')).map((f) => f.severity)).toEqual(['info']);
    const major = lint(resolved(body, 'major'), { only: 'missing-prevention' }).findings;
    expect(major.map((f) => f.severity)).toEqual(['warning']);
  });

  it('keeps a warning for a post-mortem, even of a minor incident', () => {
    const found = lint('---\nstatus: postmortem\nimpact: minor\n---\nAn index rebuild slowed search for ten minutes.', { only: 'missing-prevention' }).findings;
    expect(found.map((f) => f.severity)).toEqual(['warning']);
  });

  it('counts follow-up work announced in a resolution', () => {
    expect(findings('missing-prevention', resolved('Search was slow for ten minutes. We are working to improve our alerting on index rebuilds.'))).toEqual([]);
  });

  it('does not count the fix itself, described mid-incident, as prevention', () => {
    const text = timeline([
      ['Identified (2024-02-10T10:00:00Z)', 'We are working to restore uploads and are adding capacity.'],
      ['Resolved (2024-02-10T11:00:00Z)', 'Uploads work again. We will continue to monitor.'],
    ]);
    const found = findings('missing-prevention', text);
    expect(found).toHaveLength(1);
    expect(found[0].statement).toBe(1);
  });

  it('accepts a linked post-mortem and a concrete change in an earlier update', () => {
    const change = timeline([
      ['Identified (2024-02-10T10:00:00Z)', 'A certificate expired. We have added an alert that fires two weeks before any certificate expires.'],
      ['Resolved (2024-02-10T11:00:00Z)', 'Sign-in works again.'],
    ]);
    expect(findings('missing-prevention', change)).toEqual([]);
    expect(findings('missing-prevention', '---\nstatus: resolved\npostmortem: https://example.com/postmortems/42\n---\nSign-in works again.')).toEqual([]);
  });

  it('has nothing to judge while the incident is open or when it was opened by mistake', () => {
    expect(findings('missing-prevention', '---\nstatus: monitoring\n---\nWe deployed a fix and are watching error rates.')).toEqual([]);
    expect(findings('missing-prevention', resolved('This incident was opened by mistake. All services are working.'))).toEqual([]);
  });
});

describe('hollow-affection', () => {
  it('cuts a platitude clause at the end of a sentence with its connector', () => {
    const text = 'We reset every password on 3 May, and we take your security very seriously.';
    const [found] = findings('hollow-affection', text);
    expect(apply(text, found.suggestions[0])).toBe('We reset every password on 3 May.');
  });

  it('cuts a platitude that opens a sentence and capitalises what follows', () => {
    const text = 'We take your privacy seriously, so we deleted the leaked export within the hour.';
    const [found] = findings('hollow-affection', text);
    expect(apply(text, found.suggestions[0])).toBe('We deleted the leaked export within the hour.');
  });

  it('cuts a whole sentence of platitudes, lead-in included', () => {
    const text = 'At Acme, your satisfaction is our top priority and we take your feedback very seriously. Checkout works again.';
    const found = findings('hollow-affection', text);
    expect(found).toHaveLength(1);
    expect(apply(text, found[0].suggestions[0])).toBe(' Checkout works again.');
  });

  it('keeps the subject when the next clause shares it', () => {
    const text = 'We value your business and appreciate your patience.';
    const [found] = findings('hollow-affection', text);
    expect(apply(text, found.suggestions[0])).toBe('We appreciate your patience.');
  });

  it('cuts only the flattering word from "valued customers"', () => {
    const text = 'We refunded all of our valued customers on Friday.';
    const [found] = findings('hollow-affection', text);
    expect(apply(text, found.suggestions[0])).toBe('We refunded all of our customers on Friday.');
  });

  it('leaves real care alone: facts about people and a stated priority for the fix', () => {
    expect(findings('hollow-affection', 'We know many of you rely on us for payroll, and payments were late by a day.')).toEqual([]);
    expect(findings('hollow-affection', 'Restoring sign-in is our top priority; next update by 14:30 UTC.')).toEqual([]);
  });

  it('reads platitudes added by the user', () => {
    const text = 'Our customers deserve nothing but the best.';
    expect(findings('hollow-affection', text)).toEqual([]);
    expect(findings('hollow-affection', text, { platitudes: ['deserve nothing but the best'] })).toHaveLength(1);
  });
});

describe('impersonal-voice', () => {
  it('suggests speaking as "we", conjugating the verb', () => {
    const text = '---\nstatus: resolved\n---\nThe company regrets the disruption to payments on 3 March.';
    const [found] = findings('impersonal-voice', text);
    expect(apply(text, found.suggestions[0])).toContain('We regret the disruption');
  });

  it('is silent when the statement speaks as "we" anywhere', () => {
    expect(findings('impersonal-voice', 'Acme is aware of the outage. We are sorry and are restoring service.')).toEqual([]);
  });

  it('does not take products, passives, people or third parties for the company', () => {
    for (const text of [
      'Copilot is operating normally.',
      'A fix has been deployed and error rates are recovering.',
      'Customers are aware of the new sign-in page.',
      'Their team is investigating the upstream fault.',
      'The provider has identified the cause.',
    ]) expect(findings('impersonal-voice', text), text).toEqual([]);
  });

  it('reports each cold statement of a timeline once', () => {
    const text = timeline([
      ['Investigating (2024-02-10T10:00:00Z)', 'The team is investigating failed uploads. The team will post again by 10:30 UTC.'],
      ['Resolved (2024-02-10T11:00:00Z)', 'We fixed the storage node and uploads work again.'],
    ]);
    const found = findings('impersonal-voice', text);
    expect(found.map((f) => f.statement)).toEqual([0]);
  });
});

describe('jargon', () => {
  it('reports an acronym once per incident, and not after it was spelled out', () => {
    const text = timeline([
      ['Identified (2024-02-10T10:00:00Z)', 'The MTTR target was missed. The MTTR will improve.'],
      ['Resolved (2024-02-10T11:00:00Z)', 'A root cause analysis (RCA) will follow. The RCA lists every change.'],
    ]);
    const found = findings('jargon', text);
    expect(found.map((f) => f.excerpt)).toEqual(['The MTTR target was missed.']);
    // Used again later, the suggestion keeps the acronym for later uses.
    expect(found[0].suggestions[0].text).toBe('mean time to recovery (MTTR)');
  });

  it('spells out a plural acronym as a plural', () => {
    const [found] = findings('jargon', 'Creating PATs failed for ten minutes.');
    expect(found.suggestions[0].text).toBe('personal access tokens');
    const [pops] = findings('jargon', 'We drained traffic from two POPs in Frankfurt.');
    expect(pops.suggestions[0].text).toBe('points of presence');
  });

  it('ignores shouting, capitalised English words and allowed acronyms', () => {
    expect(findings('jargon', 'IMPORTANT UPDATE: ALL SIGN-INS ARE FAILING.')).toEqual([]);
    // A shouted sentence neither reports an acronym nor counts as its first use.
    const later = findings('jargon', 'PLEASE NOTE: THE RCA IS DELAYED. The RCA will follow on Friday.');
    expect(later).toHaveLength(1);
    expect(later[0].excerpt).toBe('The RCA will follow on Friday.');
    expect(findings('jargon', 'This is NOT a security incident; the API and DNS work.')).toEqual([]);
  });

  it('does not take a product name for jargon', () => {
    expect(findings('jargon', 'Sessions on Agent Control Plane failed to load.')).toEqual([]);
    expect(findings('jargon', 'Requests to the control plane failed.')).toHaveLength(1);
  });

  it('reads terms and allowed acronyms from options', () => {
    expect(findings('jargon', 'The GHES upgrade failed.')).toHaveLength(1);
    expect(findings('jargon', 'The GHES upgrade failed.', { allow: ['GHES'] })).toEqual([]);
    const own = findings('jargon', 'The Hydra cluster stalled.', { terms: [{ term: 'hydra(?: cluster)?', plain: 'our job system' }] });
    expect(own).toHaveLength(1);
    expect(own[0].message).toMatch(/our job system/);
  });
});

describe('emotion-apology suggestion', () => {
  it('apologises for the impact the statement itself describes', () => {
    const text = 'Sign-in failed for all users between 09:00 and 10:40 UTC. We apologize for any inconvenience this may have caused.';
    const [found] = findings('emotion-apology', text);
    expect(apply(text, found.suggestions[0])).toBe(
      "Sign-in failed for all users between 09:00 and 10:40 UTC. We're sorry that sign-in failed for all users between 09:00 and 10:40 UTC.",
    );
  });

  it('quotes "could not …" impact, which is no hedge', () => {
    const text = 'Many customers could not place orders on Monday. We apologize for the inconvenience.';
    const [found] = findings('emotion-apology', text);
    expect(found.suggestions[0].text).toBe("We're sorry that many customers could not place orders on Monday");
  });

  it('keeps the rest of the sentence after the apology clause', () => {
    const text = 'Exports failed for two hours. We apologize for any inconvenience, and we are adding an alert for failed exports.';
    const [found] = findings('emotion-apology', text);
    expect(apply(text, found.suggestions[0])).toBe("Exports failed for two hours. We're sorry that exports failed for two hours, and we are adding an alert for failed exports.");
  });

  it('does not quote a hedged impact; drops the hedge from a conditional apology instead', () => {
    const text = 'Some users may have seen errors. We are sorry if you were affected by the outage.';
    const [found] = findings('emotion-apology', text);
    expect(apply(text, found.suggestions[0])).toBe('Some users may have seen errors. We are sorry for the outage.');
  });

  it('finds the impact in an earlier update of the timeline', () => {
    const text = timeline([
      ['Investigating (2024-02-10T10:00:00Z)', 'Webhooks are delayed by up to 20 minutes.'],
      ['Resolved (2024-02-10T11:00:00Z)', 'Webhooks are delivered on time again. We apologize for the inconvenience.'],
    ]);
    const [found] = findings('emotion-apology', text);
    expect(found.suggestions[0].text).toBe("We're sorry that webhooks are delayed by up to 20 minutes");
  });

  it('suggests nothing when nothing honest can be said mechanically', () => {
    const [found] = findings('emotion-apology', 'We apologize for any inconvenience this may have caused.');
    expect(found.suggestions).toEqual([]);
  });
});

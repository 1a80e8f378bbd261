// Status-page repositories as people write them (docs/inputs.md): the same incidents written in
// five layouts give the same timeline and the same timeline findings; front matter as written;
// Markdown traps; markup never in the prose; positions; and the JSON readers for other services.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRules, lintText, parseSource } from '../src/engine/index.js';
import { positionOf, sourceOffset, type ParsedFile } from '../src/engine/model.js';
import type { RuleSettingInput } from '../src/engine/ruleset.js';

const ROOT = resolve(import.meta.dirname, '..');
const LAYOUTS = join(ROOT, 'fixtures', 'layouts');
const NOW = new Date('2025-03-08T00:00:00Z');
const TIMELINE_RULES = ['late-apology', 'unclosed-incident', 'unfulfilled-promise', 'update-gap'];

const parse = (text: string, path = 'content/issues/x.md', inputFormat?: string): ParsedFile => parseSource(path, new TextEncoder().encode(text), inputFormat);
const lintOnly = (text: string, rules: string[], path = 'content/issues/x.md', now = NOW) => {
  const settings: Record<string, RuleSettingInput> = {};
  for (const r of defaultRules()) if (!rules.includes(r.rule.meta.id)) settings[r.rule.meta.id] = 'off';
  return lintText(text, { path, now, rules: defaultRules(settings) });
};
const FRONT = (extra = '') => `---\ntitle: Checkout errors\ndate: 2025-05-02 10:00:00\nsection: issue\n${extra}---\n\n`;

describe('one incident, five layouts', () => {
  const layouts = readdirSync(LAYOUTS).sort();
  const backups = '2025-03-04-backups-delayed.md';
  const api = '2025-03-06-slow-api.md';
  const read = (layout: string, name: string) => readFileSync(join(LAYOUTS, layout, 'content', 'issues', name), 'utf8');

  it('has a fixture for each layout', () => {
    expect(layouts).toEqual(['bracket-labels', 'newest-first', 'oldest-first', 'separators', 'time-stamp-lines']);
  });

  describe.each(layouts)('%s', (layout) => {
    it('cuts, orders and dates the updates the same way, across midnight', () => {
      const [incident] = parse(read(layout, backups)).incidents;
      expect(incident.statements.map((s) => s.time?.toISOString())).toEqual([
        '2025-03-04T23:10:00.000Z',
        '2025-03-05T00:25:00.000Z',
        '2025-03-05T00:50:00.000Z',
        '2025-03-05T01:30:00.000Z',
      ]);
      expect(incident.statements.map((s) => s.text.slice(0, 12))).toEqual(['Scheduled ba', 'We have iden', 'We are sorry', 'This inciden']);
      // No label, time stamp or markup reaches the prose.
      for (const s of incident.statements) expect(s.text).not.toMatch(/[[\]*_]|UTC|\{\{|^\s|\s$/);
    });

    it('gives each timeline rule exactly its findings', () => {
      const count = (name: string) => {
        const result = lintOnly(read(layout, name), TIMELINE_RULES, join('content', 'issues', name));
        expect(result.fatal).toBeUndefined();
        return Object.fromEntries(TIMELINE_RULES.map((id) => [id, result.findings.filter((f) => f.ruleId === id).map((f) => f.statement)]));
      };
      // 23:10 promises an update within 30 minutes; the next comes at 00:25 (a 75-minute gap);
      // the first apology is in the third update; the last update resolves it.
      expect(count(backups)).toEqual({ 'late-apology': [2], 'unclosed-incident': [], 'unfulfilled-promise': [0], 'update-gap': [1] });
      // Marked resolved (`resolved: yes`) but left at monitoring, with its 15:00 promise unkept.
      expect(count(api)).toEqual({ 'late-apology': [], 'unclosed-incident': [1], 'unfulfilled-promise': [1], 'update-gap': [] });
    });

    it('points findings at the update in the file', () => {
      const result = lintOnly(read(layout, backups), ['update-gap'], join('content', 'issues', backups));
      const lines = read(layout, backups).split('\n');
      const [gap] = result.findings;
      expect(lines[gap.line - 1].slice(gap.column - 1)).toMatch(/^We have identified the cause/);
    });
  });
});

describe('order without times', () => {
  it('reads the phases: Investigating on top means oldest first, on the bottom newest first', () => {
    const oldest = parse(`${FRONT()}_Investigating_ - Checkout fails.\n\n_Update_ - We are still looking.\n\n_Update_ - Checkout works again.\n`);
    expect(oldest.incidents[0].statements.map((s) => s.text)).toEqual(['Checkout fails.', 'We are still looking.', 'Checkout works again.']);
    const newest = parse(`${FRONT()}_Update_ - We rolled back the release and checkout has been restored.\n\n_Investigating_ - Checkout fails.\n`);
    expect(newest.incidents[0].statements.map((s) => s.text)).toEqual(['Checkout fails.', 'We rolled back the release and checkout has been restored.']);
  });

  it('knows a page\'s first update is never labelled "Update"', () => {
    const oldest = parse(`${FRONT()}_Rebooting all hosts now._\n\n_Update - All hosts rebooted._\n`);
    expect(oldest.incidents[0].statements.map((s) => s.text)).toEqual(['Rebooting all hosts now.', 'All hosts rebooted.']);
    const newest = parse(`${FRONT()}_Update - All hosts rebooted._\n\n---\n\n_Rebooting all hosts now._\n`);
    expect(newest.incidents[0].statements.map((s) => s.text)).toEqual(['Rebooting all hosts now.', 'All hosts rebooted.']);
  });

  it('reads the wording when no phase is given: a resolution at the bottom means oldest first', () => {
    const parsed = parse(`${FRONT('resolved: true\nresolvedWhen: 2025-05-02 10:40:00\n')}Checkout fails for some customers; we are investigating.\n\n---\n\nCheckout has been restored.\n`);
    const [first, last] = parsed.incidents[0].statements;
    expect([first.text, last.text]).toEqual(['Checkout fails for some customers; we are investigating.', 'Checkout has been restored.']);
    // An undated first update was posted at the front-matter date, an undated closing one at resolvedWhen.
    expect([first.time?.toISOString(), last.time?.toISOString()]).toEqual(['2025-05-02T10:00:00.000Z', '2025-05-02T10:40:00.000Z']);
  });

  it('falls back on cState\'s newest-first habit when nothing says otherwise', () => {
    const parsed = parse(`${FRONT()}Second note.\n\n---\n\nFirst note.\n`);
    expect(parsed.incidents[0].statements.map((s) => s.text)).toEqual(['First note.', 'Second note.']);
  });

  it('keeps updates with equal times in the order they were written', () => {
    const parsed = parse(`${FRONT()}**Resolved 10:20 UTC** - It works again.\n\n**Monitoring 10:20 UTC** - We deployed a fix.\n\n**Investigating 10:05 UTC** - Checkout fails.\n`);
    expect(parsed.incidents[0].statements.map((s) => s.phase)).toEqual(['investigating', 'monitoring', 'resolved']);
  });
});

describe('update boundaries', () => {
  it('splits a paragraph at lines that open with a label', () => {
    const parsed = parse(`${FRONT()}[Closing] Checkout works again.\n[Update] We found a bad release.\n[Investigating] Checkout fails.\n`);
    const statements = parsed.incidents[0].statements;
    expect(statements.map((s) => [s.label, s.phase, s.text])).toEqual([
      ['Investigating', 'investigating', 'Checkout fails.'],
      ['Update', 'investigating', 'We found a bad release.'],
      ['Closing', 'resolved', 'Checkout works again.'],
    ]);
  });

  it('reads "Update on 10:15:00:" and "_10:30:_" labels, and leaves "At 10:20 UTC, …" sentences alone', () => {
    const parsed = parse(`${FRONT()}_Investigating:_ Checkout fails. At 10:02 UTC, errors rose.\n\nUpdate on 10:15:00: We rolled back.\n\n_10:30:_ Checkout works again.\n`);
    expect(parsed.incidents[0].statements.map((s) => [s.time?.toISOString().slice(11, 16), s.text])).toEqual([
      ['10:00', 'Checkout fails. At 10:02 UTC, errors rose.'],
      ['10:15', 'We rolled back.'],
      ['10:30', 'Checkout works again.'],
    ]);
  });

  it('takes the longest label a line opens with: a bold date range is one time stamp', () => {
    const parsed = parse(`${FRONT()}**May 2, 2025 - 10:40 UTC**\n\nCheckout works again.\n\n**Update (10:05 UTC):** Checkout fails.\n`);
    expect(parsed.incidents[0].statements.map((s) => [s.time?.toISOString(), s.text])).toEqual([
      ['2025-05-02T10:05:00.000Z', 'Checkout fails.'],
      ['2025-05-02T10:40:00.000Z', 'Checkout works again.'],
    ]);
  });

  it('reads a time stamp with a GMT offset', () => {
    const parsed = parse(`${FRONT()}12:11 GMT+1\n\nCheckout works again.\n\n---\n\n11:05 GMT+1\n\nCheckout fails.\n`);
    expect(parsed.incidents[0].statements.map((s) => s.time?.toISOString())).toEqual(['2025-05-02T10:05:00.000Z', '2025-05-02T11:11:00.000Z']);
  });

  it('drops a block that only repeats the title above the updates', () => {
    const parsed = parse(`---\ntitle: Resolved - mail server down\ndate: 2025-05-02 10:00:00\nsection: issue\n---\n\nmail server down\n\n---\n\nThe mail server is down. We are investigating.\n`);
    expect(parsed.incidents[0].statements.map((s) => s.text)).toEqual(['The mail server is down. We are investigating.']);
  });

  it('reads one paragraph followed by a --- line as a paragraph, not a heading (setext)', () => {
    const parsed = parse(`${FRONT('severity: notice\n')}We will upgrade the database on Friday at 22:00 UTC.\n---\n`);
    expect(parsed.incidents[0].statements.map((s) => s.text)).toEqual(['We will upgrade the database on Friday at 22:00 UTC.']);
    // A plain draft keeps a short setext heading as a heading, and takes a sentence as prose.
    expect(parse('Outage report\n---\n\nCheckout failed.', 'draft.md').incidents[0].statements[0].text).toBe('Checkout failed.');
    expect(parse('Checkout failed for an hour.\n---\n', 'draft.md').incidents[0].statements[0].text).toBe('Checkout failed for an hour.');
  });

  it('does not read a closing note hidden in an HTML comment: the page never says it is fixed', () => {
    const text = `${FRONT('resolved: true\nresolvedWhen: 2025-05-02 11:00:00\n')}_Investigating_ - Checkout fails.\n\n<!-- _Resolved_ - Checkout works again. -->\n`;
    const parsed = parse(text);
    expect(parsed.incidents[0].statements.map((s) => s.text)).toEqual(['Checkout fails.']);
    expect(parsed.incidents[0].meta.hiddenText).toEqual(['_Resolved_ - Checkout works again.']);
    const result = lintOnly(text, ['unclosed-incident']);
    expect(result.fatal).toBeUndefined();
    expect(result.findings.map((f) => f.ruleId)).toEqual(['unclosed-incident']);
  });
});

describe('front matter as people write it', () => {
  const meta = (extra: string) => parse(`${FRONT(extra)}Checkout fails.\n`).incidents[0].meta;

  it('maps severities: disrupted is minor, not major; notice hints at planned work', () => {
    expect([meta('severity: down\n').impact, meta('severity: disrupted\n').impact, meta('severity: notice\n').impact]).toEqual(['critical', 'minor', 'minor']);
    expect([meta('severity: notice\n').plannedHint, meta('severity: disrupted\n').plannedHint]).toEqual([true, undefined]);
    expect([meta('severity: degraded\n').impact, meta('severity: Disruption\n').impact, meta('severity: major outage\n').impact]).toEqual(['minor', 'minor', 'critical']);
  });

  it('lints the file with one warning for a severity it cannot map, or a typo it reads', () => {
    for (const [value, warning] of [
      ['monitoring', 'front matter: severity "monitoring" says where the incident stands, not how bad it is; the file is linted without a severity'],
      ['sideways', 'front matter: severity "sideways" is not one of down, disrupted, notice; the file is linted without a severity'],
      ['disruptd', 'front matter: severity "disruptd" is not one of down, disrupted, notice; read as "disrupted"'],
    ]) {
      const result = lintText(`${FRONT(`severity: ${value}\n`)}Checkout fails.\n`, { path: 'content/issues/x.md', now: NOW });
      expect(result.fatal).toBeUndefined();
      expect(result.warnings).toEqual([warning]);
      expect(result.incidents).toHaveLength(1);
    }
    expect(meta('severity:\n').impact).toBeUndefined();
  });

  it('reads resolved: yes / no as YAML 1.1 booleans', () => {
    expect(meta('resolved: yes\nresolvedWhen: 2025-05-02 11:00:00\n').resolved).toEqual(new Date('2025-05-02T11:00:00Z'));
    expect(meta('resolved: no\n').resolved).toBe(false);
  });

  it('takes a cState issue with one update as a published timeline', () => {
    const result = lintOnly(`${FRONT('resolved: true\n')}We are investigating checkout errors.\n`, ['unclosed-incident']);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['unclosed-incident']);
  });
});

describe('prose and positions', () => {
  it('keeps a bare domain name as a name, and a URL as a link', () => {
    const [s] = parse('We are aware of www.example.com pages being slow. Details: https://status.example.com/i/42', 'draft.md').incidents[0].statements;
    expect(s.text).toBe('We are aware of www.example.com pages being slow. Details: link');
    expect(s.links).toEqual(['https://status.example.com/i/42']);
  });

  const columnOf = (text: string, path: string, words: string) => {
    const parsed = parse(text, path);
    const s = parsed.incidents[0].statements[0];
    return positionOf(parsed.source, sourceOffset(s.sourceMap, s.text.indexOf(words)));
  };

  it('keeps columns after a trailing space before a soft line break', () => {
    const text = 'Checkout failed for an hour. \nThe database was restarted by the team.\n';
    expect(columnOf(text, 'draft.md', 'was restarted')).toEqual({ line: 2, column: 14 });
  });

  it('keeps columns in a list item with inline code and a continuation line', () => {
    const text = '- Restart `svc-a` on each node and\n  the cache was cleared by us.\n';
    expect(columnOf(text, 'draft.md', 'on each')).toEqual({ line: 1, column: 19 });
    expect(columnOf(text, 'draft.md', 'was cleared')).toEqual({ line: 2, column: 13 });
  });

  it('keeps columns after an escape and an entity', () => {
    const text = 'Checkout \\*failed\\* &amp; the cache was cleared.\n';
    expect(columnOf(text, 'draft.md', 'the cache')).toEqual({ line: 1, column: 27 });
  });
});

describe('JSON from other services', () => {
  const fixture = (name: string) => parseSource(name, readFileSync(join(ROOT, 'fixtures', 'inputs', name)));

  it('reads Statuspage bodies written in HTML as text, lists as blocks, equal times in order', () => {
    const file = fixture('other-operator-incidents.json');
    const [card, upgrade] = file.incidents;
    expect(card.statements.map((s) => s.phase)).toEqual(['investigating', 'monitoring', 'resolved']);
    expect(card.statements[1].text).toBe('We rolled back the faulty release. Card payments work again for:\n\nVisa and Mastercard\n\nAmerican Express\n\nWe are monitoring error rates.');
    for (const s of card.statements) expect(s.text).not.toMatch(/[<>]/);
    const at = positionOf(file.source, sourceOffset(card.statements[1].sourceMap, card.statements[1].text.indexOf('American')));
    expect(file.source.text.split('\n')[at.line - 1].slice(at.column - 1)).toMatch(/^American Express/);
    // scheduled_for / scheduled_until: a planned window.
    expect([upgrade.isMaintenance, upgrade.meta.impact, upgrade.statements[0].phase]).toEqual([true, 'maintenance', 'scheduled']);
  });

  it('reads incident.io status page incidents (updates[] newest first)', () => {
    const file = fixture('incident-io-incidents.json');
    expect(file.format).toBe('incident-io');
    const [incident] = file.incidents;
    expect(incident.meta).toMatchObject({ title: 'Delayed webhook deliveries', impact: 'minor', resolved: new Date('2025-02-11T09:15:00Z') });
    expect(incident.statements.map((s) => [s.phase, s.time?.toISOString()])).toEqual([
      ['investigating', '2025-02-11T08:02:00.000Z'],
      ['identified', '2025-02-11T08:31:00.000Z'],
      ['resolved', '2025-02-11T09:15:00.000Z'],
    ]);
  });

  it('reads a Better Stack index.json: reports, their updates, resources and maintenance', () => {
    const file = fixture(join('betterstack', 'index.json'));
    expect(file.format).toBe('betterstack');
    const [mail, upgrade] = file.incidents;
    expect(mail.meta).toMatchObject({ title: 'Outgoing mail delayed', impact: 'minor', affected: ['Mail delivery'], resolved: new Date('2025-01-21T16:40:00Z') });
    expect(mail.statements.map((s) => [s.phase, s.text.slice(0, 20)])).toEqual([
      ['investigating', 'Outgoing mail is lea'],
      ['resolved', 'Mail is flowing norm'],
    ]);
    expect([upgrade.meta.title, upgrade.isMaintenance]).toEqual(['Mail server upgrade', true]);
  });

  it('names the problem in one line for a file that is not what it claims', () => {
    const fatal = (text: string, format: string) => lintText(text, { path: 'x.json', inputFormat: format, now: NOW }).fatal;
    expect(fatal('{"data": []}', 'betterstack')).toBe('not a Better Stack status page file: no "status_report" or "status_page" in "data" or "included"');
    expect(fatal('{"status_page_incidents": {}}', 'incident-io')).toBe('not an incident.io status page file: "status_page_incidents" is not a list');
  });
});

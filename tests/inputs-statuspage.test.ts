// Statuspage JSON (FORMATS.md item 3) and history feeds (item 4): metadata, timelines oldest
// first, prose and links, positions in the original file, and one clear line for bad input.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText, parseSource } from '../src/engine/index.js';
import { positionOf, sourceOffset, type ParsedFile, type Statement } from '../src/engine/model.js';
import { detectFormat } from '../src/inputs/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const fixture = (name: string) => readFileSync(join(ROOT, 'fixtures', 'inputs', name), 'utf8');
const parse = (text: string, path: string, inputFormat?: string): ParsedFile => parseSource(path, new TextEncoder().encode(text), inputFormat);
const fatal = (text: string, path: string) => lintText(text, { path, now: new Date('2025-02-01T00:00:00Z') }).fatal;

/** Where the statement's prose text `phrase` lands in the file, next to where the file holds it. */
function located(file: ParsedFile, statement: Statement, phrase: string) {
  const at = statement.text.indexOf(phrase);
  expect(at, `"${phrase}" in the statement`).toBeGreaterThanOrEqual(0);
  return positionOf(file.source, sourceOffset(statement.sourceMap, at));
}
const inFile = (file: ParsedFile, raw: string) => positionOf(file.source, file.source.text.indexOf(raw));

describe('Statuspage JSON', () => {
  const text = fixture('incidents.json');
  const file = parse(text, 'incidents.json');
  const [outage, maintenance] = file.incidents;

  it('reads every incident with its metadata', () => {
    expect(file.format).toBe('statuspage-json');
    expect(file.incidents).toHaveLength(2);
    expect(outage.meta).toMatchObject({ title: 'Elevated "git push" errors', impact: 'major', affected: ['Git Operations', 'API Requests'] });
    // started_at wins over created_at; the shortlink is kept for plugins.
    expect(outage.meta.started?.toISOString()).toBe('2024-12-31T23:30:00.000Z');
    expect(outage.meta.resolved).toEqual(new Date('2025-01-01T01:10:00Z'));
    expect(outage.meta.extra).toMatchObject({ shortlink: 'https://stspg.io/abc', id: 'inc1' });
    expect(maintenance.meta.affected).toBeUndefined();
    expect([outage.isTimeline, outage.isMaintenance, maintenance.isMaintenance]).toEqual([true, false, true]);
  });

  it('turns the newest-first updates into statements oldest first, with status phases and display times', () => {
    expect(outage.statements.map((s) => [s.phase, s.time?.toISOString()])).toEqual([
      ['investigating', '2024-12-31T23:40:00.000Z'],
      ['identified', '2025-01-01T00:20:00.000Z'],
      ['resolved', '2025-01-01T01:10:00.000Z'],
    ]);
    expect(maintenance.statements.map((s) => s.phase)).toEqual(['scheduled', 'in_progress', 'completed']);
  });

  it('keeps bodies as plain text, URLs as links, and line breaks as paragraph breaks', () => {
    const [first, second] = outage.statements;
    expect(first.text).toContain('See link for details.');
    expect(first.links).toEqual(['https://status.example.com/incidents/inc1']);
    expect(second.text).toBe('We found the cause: a config push that broke "git push" over SSH.\nWe are rolling it back.\n\nNext update by 01:15 UTC.');
    expect(second.sentences.map((s) => s.text).at(-1)).toBe('Next update by 01:15 UTC.');
  });

  it('points at each body in the file, exactly also after escaped quotes and newlines', () => {
    const [first, second, third] = outage.statements;
    expect(located(file, third, 'A faulty config push')).toEqual(inFile(file, 'A faulty config push'));
    expect(located(file, first, 'for details.')).toEqual(inFile(file, 'for details.'));
    // After \" and \n escapes in the JSON string.
    expect(located(file, second, 'We are rolling it back.')).toEqual(inFile(file, 'We are rolling it back.'));
    expect(located(file, second, 'Next update by 01:15 UTC.')).toEqual(inFile(file, 'Next update by 01:15 UTC.'));
  });

  it('finds the right one of two identical bodies', () => {
    const update = (body: string, at: string) => ({ status: 'resolved', body, display_at: at });
    const json = JSON.stringify({ incidents: [1, 2].map((n) => ({ name: `Incident ${n}`, incident_updates: [update('This incident has been resolved.', `2024-01-0${n}T10:00:00Z`), { ...update('We are investigating.', `2024-01-0${n}T09:00:00Z`), status: 'investigating' }] })) }, null, 2);
    const parsed = parse(json, 'incidents.json');
    const lines = parsed.incidents.map((i) => positionOf(parsed.source, sourceOffset(i.statements[1].sourceMap, 0)).line);
    const expected = json.split('\n').flatMap((l, n) => (l.includes('This incident has been resolved.') ? [n + 1] : []));
    expect(lines).toEqual(expected);
  });

  it('maps past \\u escapes too, and keeps a URL with an escape in it whole, pointing at its string', () => {
    const json = '{\n  "incident": {\n    "name": "Caf\\u00e9",\n    "incident_updates": [\n      { "status": "investigating", "body": "Caf\\u00e9 orders fail. See https:\\/\\/status.example.com\\/cafe now.", "created_at": "2024-01-01T10:00:00Z" },\n      { "status": "investigating", "body": "We\\u2019re on it.", "created_at": "2024-01-01T09:00:00Z" }\n    ]\n  }\n}\n';
    const parsed = parse(json, 'incident.json');
    const [older, newer] = parsed.incidents[0].statements;
    expect(parsed.incidents[0].meta.title).toBe('Café');
    expect(older.text).toBe('We’re on it.');
    expect(located(parsed, older, 'on it.')).toEqual(inFile(parsed, 'on it.'));
    expect(newer.text).toBe('Café orders fail. See link now.');
    expect(newer.links).toEqual(['https://status.example.com/cafe']);
    expect(located(parsed, newer, 'orders fail')).toEqual(inFile(parsed, 'Caf\\u00e9 orders'));
  });

  it('reads an update whose status did not change as "Update", as the page shows it', () => {
    const json = JSON.stringify({ incident: { name: 'x', incident_updates: [
      { status: 'investigating', body: 'We are still looking into failed logins.', display_at: '2024-01-01T10:30:00Z' },
      { status: 'investigating', body: 'We are looking into failed logins.', display_at: '2024-01-01T10:00:00Z' },
    ] } });
    const [incident] = parse(json, 'incident.json').incidents;
    expect(incident.statements.map((s) => [s.phase, s.phaseSource])).toEqual([['investigating', 'given'], ['investigating', 'previous']]);
  });

  it('reads summary.json (no open incident), one { "incident" }, and a post-mortem body', () => {
    expect(parse('{"page":{"name":"x"},"components":[],"incidents":[],"status":{"indicator":"none"}}', 'summary.json').incidents).toEqual([]);
    const json = JSON.stringify({ incident: { name: 'DNS outage', impact: 'critical', postmortem_body: 'Our DNS change caused the outage. We now test every change.', postmortem_published_at: '2024-01-03T10:00:00Z', incident_updates: [{ status: 'resolved', body: 'Fixed.', display_at: '2024-01-01T10:00:00Z' }] } });
    const [incident] = parse(json, 'incident.json').incidents;
    expect(incident.statements.map((s) => s.phase)).toEqual(['resolved', 'postmortem']);
  });

  it('is detected by extension or by content, so piped JSON needs no file name', () => {
    expect(detectFormat(text, 'incidents.json').name).toBe('statuspage-json');
    expect(detectFormat(text, '<stdin>').name).toBe('statuspage-json');
    expect(detectFormat('{ "name": "crisislint" }', 'package.json').name).toBe('statuspage-json');
    expect(detectFormat('{ "name": "crisislint" }', '<stdin>').name).toBe('markdown');
  });

  it('reports malformed or foreign JSON in one line naming the problem and where', () => {
    expect(fatal(fixture('bad/malformed.json'), 'malformed.json')).toBe("malformed JSON at line 7, column 7: Unexpected token ']'");
    expect(fatal('{"incidents": [', 'cut.json')).toBe('malformed JSON at line 1 (the file ends too early): unexpected end of input');
    expect(fatal('{"incidents": []}\n{"incidents": []}', 'two.json')).toBe('malformed JSON at line 2, column 1: Unexpected non-whitespace character after the JSON value');
    expect(fatal(fixture('bad/not-statuspage.json'), 'package.json')).toBe('not a Statuspage incidents file: expected an object with "incidents" (a list) or "incident" (an object)');
    expect(fatal('{"incidents": {}}', 'x.json')).toBe('not a Statuspage incidents file: "incidents" is not a list');
    expect(fatal('{"incidents": [{"name": "x"}]}', 'x.json')).toBe('incidents[0] has no "incident_updates" list');
    expect(fatal('{"incidents": [{"name": "x", "incident_updates": [{"body": 3}]}]}', 'x.json')).toBe('incidents[0].incident_updates[0].body is not text');
    expect(fatal('{"incidents": [{"name": "x", "incident_updates": [{"body": "Down.", "display_at": "soon"}]}]}', 'x.json')).toBe('incidents[0].incident_updates[0].display_at "soon" is not a date and time');
    for (const message of [fatal(fixture('bad/malformed.json'), 'm.json'), fatal('{"a": tru}', 'm.json')]) expect(message).not.toContain('\n');
  });

  it('lints every incident and places findings in the JSON file', () => {
    const result = lintText(text, { path: 'incidents.json', now: new Date('2025-02-01T00:00:00Z') });
    expect(result.fatal).toBeUndefined();
    expect(result.incidents).toHaveLength(2);
    const lines = text.split('\n');
    for (const finding of result.findings) expect(lines[finding.line - 1], finding.ruleId).toMatch(/"body": "/);
  });
});

describe('Statuspage history feed', () => {
  const atom = fixture('history.atom');
  const file = parse(atom, 'history.atom');
  const [incident] = file.incidents;

  it('reads each entry as an incident: title, link, and its updates oldest first', () => {
    expect(file.format).toBe('statuspage-feed');
    expect(incident.meta.title).toBe('Elevated "git push" errors');
    expect(incident.meta.extra).toMatchObject({ link: 'https://status.example.com/incidents/inc1', published: '2025-01-01T01:10:30.000Z' });
    expect(incident.statements.map((s) => [s.phase, s.time?.toISOString()])).toEqual([
      // "Dec 31" in an entry published on 1 January is the year before.
      ['investigating', '2024-12-31T23:40:00.000Z'],
      ['identified', '2025-01-01T00:20:00.000Z'],
      ['resolved', '2025-01-01T01:10:00.000Z'],
    ]);
  });

  it('turns the HTML into plain prose: entities decoded, <br> as line breaks, anchors as links', () => {
    const [first, second] = incident.statements;
    expect(first.text.trim()).toBe("We're sorry: git push fails for many users since 23:30 UTC. We are investigating and will update by 00:20 UTC. See link for details.");
    expect(first.links).toEqual(['https://status.example.com/incidents/inc1']);
    const monitoring = parse(fixture('history.rss'), 'history.rss').incidents[0].statements[1];
    expect(monitoring.text).toContain('Our help page shows how to export reports meanwhile.');
    expect(monitoring.links).toEqual(['https://status.example.com/help/dashboard']);
    expect(second.text.trim()).toBe('We found the cause: a config push that broke "git push" over SSH.\nWe are rolling it back.\n\nNext update by 01:15 UTC.');
  });

  it('gives the same statements as the JSON of the same incident', () => {
    const fromJson = parse(fixture('incidents.json'), 'incidents.json').incidents[0];
    const squash = (s: Statement) => [s.phase, s.time?.toISOString(), s.text.trim()];
    expect(incident.statements.map(squash)).toEqual(fromJson.statements.map(squash));
  });

  it('points at the text in the feed file, also past escaped words', () => {
    const [first, , third] = incident.statements;
    expect(located(file, third, 'A faulty config push')).toEqual(inFile(file, 'A faulty config push'));
    expect(located(file, first, 'git push fails')).toEqual(inFile(file, 'git push fails'));
    // "We're" is written We&amp;#39;re in the file.
    expect(located(file, first, "We're")).toEqual(inFile(file, 'We&amp;#39;re'));
  });

  it('reads RSS with its HTML in CDATA and RFC 822 dates', () => {
    const rss = parse(fixture('history.rss'), 'history.rss');
    const [entry] = rss.incidents;
    expect(entry.meta.title).toBe('Slow dashboard');
    expect(entry.statements.map((s) => [s.phase, s.time?.toISOString()])).toEqual([
      ['investigating', '2024-03-04T09:50:00.000Z'],
      ['monitoring', '2024-03-04T10:30:00.000Z'],
    ]);
    expect(located(rss, entry.statements[1], 'We deployed a fix')).toEqual(inFile(rss, 'We deployed a fix'));
  });

  it('dates an update after New Year in an entry published before it', () => {
    const feed = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Queue delays</title><published>2024-12-31T23:50:00Z</published>
<content type="html">&lt;p&gt;&lt;small&gt;Jan 1, 00:20 UTC&lt;/small&gt;&lt;br&gt;&lt;strong&gt;Resolved&lt;/strong&gt; - Queues are back to normal after we added workers.&lt;/p&gt;&lt;p&gt;&lt;small&gt;Dec 31, 23:50 UTC&lt;/small&gt;&lt;br&gt;&lt;strong&gt;Investigating&lt;/strong&gt; - Jobs are delayed.&lt;/p&gt;</content></entry></feed>`;
    const [entry] = parse(feed, 'history.atom').incidents;
    expect(entry.statements.map((s) => s.time?.toISOString())).toEqual(['2024-12-31T23:50:00.000Z', '2025-01-01T00:20:00.000Z']);
  });

  it('reads an entry without the Statuspage layout as one statement', () => {
    const feed = '<rss version="2.0"><channel><item><title>Notice</title><pubDate>Mon, 04 Mar 2024 10:30:00 +0000</pubDate><description>&lt;p&gt;Email delivery is slow for some customers.&lt;/p&gt;</description></item></channel></rss>';
    const [entry] = parse(feed, 'feed.rss').incidents;
    expect([entry.isTimeline, entry.statements.length, entry.statements[0].text.trim(), entry.statements[0].time?.toISOString()]).toEqual([false, 1, 'Email delivery is slow for some customers.', '2024-03-04T10:30:00.000Z']);
  });

  it('is detected by extension or by content', () => {
    expect(detectFormat(atom, 'history.atom').name).toBe('statuspage-feed');
    expect(detectFormat(atom, '<stdin>').name).toBe('statuspage-feed');
    expect(detectFormat(fixture('history.rss'), 'feed.xml').name).toBe('statuspage-feed');
  });

  it('reports input that is not an Atom or RSS feed in one line', () => {
    expect(fatal(fixture('bad/not-xml.atom'), 'history.atom')).toBe('not XML: an Atom or RSS feed starts with "<?xml" or "<feed"');
    expect(fatal('<html><body>Status</body></html>', 'history.xml')).toBe('not an Atom or RSS feed: no <feed> or <rss> element at the top level');
    expect(fatal(atom.slice(0, atom.indexOf('</entry>')), 'history.atom')).toBe('malformed XML: <entry> is never closed (is the feed cut short?)');
  });
});

describe('crisislint on status-page inputs', () => {
  const BIN = join(ROOT, 'bin', 'crisislint.cjs');
  const run = (args: string[], input = '') => spawnSync(process.execPath, [BIN, '--now', '2025-02-01T00:00:00Z', ...args], { cwd: ROOT, input, encoding: 'utf8' });

  it('reads incidents.json piped on stdin when named by --stdin-filename', () => {
    const r = run(['--stdin-filename', 'incidents.json', '-f', 'json'], fixture('incidents.json'));
    const [report] = JSON.parse(r.stdout);
    expect(report).toMatchObject({ filePath: 'incidents.json' });
    expect(report.incidents).toHaveLength(2);
    expect(r.stderr).toBe('');
  });

  it('gives one line per bad input and still lints the others', () => {
    const bad = ['bad/malformed.json', 'bad/not-statuspage.json', 'bad/not-xml.atom'].map((f) => join('fixtures', 'inputs', f));
    const r = run([...bad, 'fixtures/inputs/history.rss', '-f', 'json']);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    bad.forEach((path, i) => expect(lines[i]).toMatch(new RegExp(`^crisislint: ${path.replace(/[./]/g, '\\$&')}: (malformed JSON|not a Statuspage|not XML)`)));
    const reports = JSON.parse(r.stdout);
    expect(reports.at(-1)).toMatchObject({ filePath: 'fixtures/inputs/history.rss' });
    expect(reports.at(-1).incidents).toHaveLength(1);
  });
});

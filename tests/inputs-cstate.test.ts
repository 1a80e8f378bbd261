// cState issues (FORMATS.md item 5): front matter, "*Phase* - text {{< track >}}" updates newest
// first, maintenance and informational notices, detection that leaves plain drafts alone, and one
// clear line for an issue without front matter.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText, parseSource } from '../src/engine/index.js';
import { positionOf, sourceOffset, type ParsedFile } from '../src/engine/model.js';
import { detectFormat } from '../src/inputs/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const ISSUES = join('fixtures', 'inputs', 'content', 'issues');
const issue = (name: string) => readFileSync(join(ROOT, ISSUES, name), 'utf8');
const parse = (text: string, path = 'content/issues/x.md', inputFormat?: string): ParsedFile => parseSource(path, new TextEncoder().encode(text), inputFormat);
const FRONT = '---\ntitle: API errors\ndate: 2024-05-20 09:00:00\nseverity: down\nsection: issue\n---\n\n';
const phases = (file: ParsedFile) => file.incidents[0].statements.map((s) => [s.phase, s.time?.toISOString()]);

describe('cState issues', () => {
  const file = parse(issue('2024-03-01-login-outage.md'), join(ISSUES, '2024-03-01-login-outage.md'));
  const [incident] = file.incidents;

  it('reads the front matter: severity as impact (disrupted is a partial, minor disruption), date as start, resolvedWhen as the resolve time', () => {
    expect(file.format).toBe('cstate');
    expect(incident.meta).toMatchObject({ title: 'Login failures for EU customers', impact: 'minor', severity: 'disrupted', affected: ['Login', 'API'], extra: { section: 'issue' } });
    expect(incident.meta.started?.toISOString()).toBe('2024-03-01T14:05:00.000Z');
    expect(incident.meta.resolved).toEqual(new Date('2024-03-01T16:10:00Z'));
  });

  it('reads the newest-first updates oldest first, dated by their track time stamps', () => {
    expect(incident.isTimeline).toBe(true);
    expect(phases(file)).toEqual([
      ['investigating', '2024-03-01T14:20:00.000Z'],
      ['identified', '2024-03-01T15:05:00.000Z'],
      ['resolved', '2024-03-01T16:10:00.000Z'],
    ]);
    expect(incident.statements.map((s) => s.label)).toEqual(['Investigating', 'Identified', 'Resolved']);
  });

  it('keeps neither the label nor the shortcode in the prose, and points findings at the file', () => {
    const [first] = incident.statements;
    expect(first.text).toBe("We're sorry: since 14:05 UTC many customers in the EU cannot sign in. We are looking into it and will update you by 15:05 UTC; details at link.");
    expect(first.links).toEqual(['https://status.example.com/eu-login']);
    const at = positionOf(file.source, sourceOffset(first.sourceMap, first.text.indexOf('many customers')));
    const lines = file.source.text.split('\n');
    expect(lines[at.line - 1].slice(at.column - 1)).toMatch(/^many customers in the EU/);
  });

  it('recognises a maintenance notice by its title', () => {
    const maintenance = parse(issue('2024-04-10-database-maintenance.md'));
    expect(maintenance.incidents[0].meta.impact).toBe('maintenance');
    expect(maintenance.incidents[0].isMaintenance).toBe(true);
    expect(maintenance.incidents[0].statements[0].label).toBe('Just began');
  });

  it('reads an informational post (keys in any case) as a notice with one published update', () => {
    const notice = parse(issue('2024-05-02-informational.md'));
    const [only] = notice.incidents;
    // A published status-page incident is a timeline even with one update (unclosed-incident judges it).
    expect([only.meta.title, only.meta.impact, only.meta.plannedHint, only.isTimeline, only.statements.length]).toEqual(['New status notifications', 'none', true, true, 1]);
    expect(only.statements[0].time?.toISOString()).toBe('2024-05-02T09:00:00.000Z');
  });

  it('puts a post-mortem written on top last, and an "Update" keeps the phase before it', () => {
    const text = `${FRONT}*Post-mortem*\n\nA bad deploy took the API down. We now deploy to one region first.\n\n---\n\n*Update* - Errors are back to normal. {{< track "2024-05-20 10:30:00" >}}\n\n*Monitoring* - We rolled back the deploy. {{< track "2024-05-20 10:00:00" >}}\n\n*Investigating* - API calls fail. {{< track "2024-05-20 09:10:00" >}}\n`;
    const parsed = parse(text);
    expect(phases(parsed)).toEqual([
      ['investigating', '2024-05-20T09:10:00.000Z'],
      ['monitoring', '2024-05-20T10:00:00.000Z'],
      ['monitoring', '2024-05-20T10:30:00.000Z'],
      ['postmortem', undefined],
    ]);
    expect(parsed.incidents[0].statements[3].text).toBe('A bad deploy took the API down. We now deploy to one region first.');
  });

  it('reverses updates that have no time stamps, and reads "**Phase**:" labels', () => {
    const parsed = parse(`${FRONT}**Resolved**: The API works again.\n\n**Investigating**: API calls fail.\n`);
    expect(parsed.incidents[0].statements.map((s) => [s.phase, s.text])).toEqual([
      ['investigating', 'API calls fail.'],
      ['resolved', 'The API works again.'],
    ]);
  });

  it('keeps a paragraph without label or stamp in the update it continues', () => {
    const parsed = parse(`${FRONT}*Resolved* - The API works again.\n\nWe are sorry for the errors. {{< track "2024-05-20 11:00:00" >}}\n\nThe API fails for some calls. {{< track "2024-05-20 09:05:00" >}}\n`);
    expect(parsed.incidents[0].statements.map((s) => [s.phase, s.time?.toISOString(), s.text])).toEqual([
      ['investigating', '2024-05-20T09:05:00.000Z', 'The API fails for some calls.'],
      ['resolved', '2024-05-20T11:00:00.000Z', 'The API works again.\n\nWe are sorry for the errors.'],
    ]);
  });

  it('reports on an update that is only a label at that label, not at the top of the file', () => {
    // Oldest first: an investigating update, then a bare "_Resolved._" with no text of its own.
    const text = `---\ntitle: Queue delays\ndate: 2024-08-19T09:25:00.000Z\nresolved: true\nresolvedWhen: 2024-08-19T10:39:00.000Z\nseverity: disrupted\n---\n_Investigating_ - Jobs wait in the queue for all customers.\n\n_Resolved._\n`;
    const result = lintText(text, { path: 'content/issues/queue.md', inputFormat: 'cstate', now: new Date('2026-12-01T00:00:00Z') });
    const hollow = result.findings.find((f) => f.ruleId === 'hollow-resolution');
    expect(hollow).toMatchObject({ line: 10, column: 1 });
    expect(result.findings.every((f) => f.line > 7)).toBe(true);
  });

  it('drops a shortcode from text that has entities in it', () => {
    const [statement] = parse(`${FRONT}Logins fail &amp; we are on it. {{< track "2024-05-20 09:05:00" >}}\n`).incidents[0].statements;
    expect(statement.text.trim()).toBe('Logins fail & we are on it.');
    expect(statement.time?.toISOString()).toBe('2024-05-20T09:05:00.000Z');
  });

  it('is detected by its front matter or its place, not taken for a plain draft', () => {
    expect(detectFormat(FRONT, 'incident.md').name).toBe('cstate');
    expect(detectFormat('---\nTitle: x\nSeverity: notice\n---\nText.', 'draft.md').name).toBe('cstate');
    expect(detectFormat('---\ntitle: x\nresolvedWhen: 2024-01-01 10:00:00\n---\nText.', 'draft.md').name).toBe('cstate');
    expect(detectFormat('---\ntitle: Login failures\nstatus: identified\nimpact: major\n---\nText.', 'draft.md').name).toBe('markdown');
    expect(detectFormat('We are sorry. Severity: high.', 'draft.md').name).toBe('markdown');
    expect(detectFormat('Text only.', 'site/content/issues/outage.md').name).toBe('cstate');
    expect(detectFormat('---\ntitle: Incident history\n---\nAll incidents.', 'site/content/issues/_index.md').name).toBe('markdown');
  });

  it('reports an issue without front matter, or a date it cannot read, in one line', () => {
    const fatal = (text: string, path: string, inputFormat?: string) => lintText(text, { path, inputFormat, now: new Date('2025-01-01T00:00:00Z') }).fatal;
    const noFront = '*Investigating* - Logins fail. {{< track "2024-03-01 14:20:00" >}}\n';
    const message = 'cState issue without front matter: it must start with "---", then title, date, severity and section: issue';
    expect(fatal(noFront, 'content/issues/login.md')).toBe(message);
    expect(fatal(noFront, 'login.md', 'cstate')).toBe(message);
    expect(fatal(noFront, 'login.md')).toBeUndefined(); // elsewhere it is a plain draft
    expect(fatal('+++\ntitle = "x"\n+++\nText.', 'content/issues/x.md')).toBe('cState issue with TOML front matter (+++): crisislint reads YAML front matter (---)');
    expect(fatal('---\ntitle: x\ndate: someday\nsection: issue\n---\nText.', 'x.md')).toMatch(/^front matter: date "someday" is not a date and time/);
  });

  it('lints a cState folder, and a missing front matter is one line while the other issues are linted', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'crisislint.cjs'), ISSUES, join('fixtures', 'inputs', 'bad', 'content', 'issues'), '-f', 'json', '--now', '2025-01-01T00:00:00Z'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr.trim().split('\n')).toEqual([`crisislint: ${join('fixtures', 'inputs', 'bad', 'content', 'issues', 'no-front-matter.md')}: cState issue without front matter: it must start with "---", then title, date, severity and section: issue`]);
    const reports = JSON.parse(r.stdout) as { filePath: string; format?: string; fatal?: string; incidents: unknown[] }[];
    expect(reports.filter((f) => f.incidents.length === 1).map((f) => f.filePath)).toEqual(['2024-03-01-login-outage.md', '2024-04-10-database-maintenance.md', '2024-05-02-informational.md'].map((f) => join(ISSUES, f)));
  });
});

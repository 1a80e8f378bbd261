// The document model: statements, sentences, phases, times and positions that point back into
// the original file.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../src/engine/index.js';
import { positionOf, sourceOffset, type ParsedFile, type Sentence, type Statement } from '../src/engine/model.js';
import { splitSentences } from '../src/nlp/sentences.js';
import { parseDate } from '../src/nlp/time.js';
import { understandIncident } from '../src/nlp/understanding.js';

const parse = (text: string, path = 'draft.md'): ParsedFile => parseSource(path, new TextEncoder().encode(text));

/** The file line:column where a sentence starts. */
function where(file: ParsedFile, statement: Statement, sentence: Sentence) {
  return positionOf(file.source, sourceOffset(statement.sourceMap, sentence.start));
}

describe('Markdown drafts', () => {
  it('reads front matter into metadata and keeps prose positions', () => {
    const file = parse('---\ntitle: Login failures\nstatus: identified\nimpact: major\nstarted: 2024-03-01T14:05:00Z\n---\n\nWe are **sorry**. Sign-in *fails* for [some users](https://example.com/x).\n');
    const [incident] = file.incidents;
    expect(incident.meta).toMatchObject({ title: 'Login failures', status: 'identified', impact: 'major' });
    expect(incident.meta.started?.toISOString()).toBe('2024-03-01T14:05:00.000Z');
    const [statement] = incident.statements;
    expect(statement.phase).toBe('identified');
    expect(statement.text).toBe('We are sorry. Sign-in fails for some users.');
    expect(statement.links).toEqual(['https://example.com/x']);
    expect(statement.sentences.map((s) => s.text)).toEqual(['We are sorry.', 'Sign-in fails for some users.']);
    expect(where(file, statement, statement.sentences[1])).toEqual({ line: 8, column: 19 });
  });

  it('never lints code blocks, HTML comments or link URLs, and keeps comments as directives', () => {
    const file = parse('We deployed a fix.\n\n```\nthe issue has been identified\n```\n\n<!-- crisislint-disable passive-voice -->\n\nSee [the report](https://status.example.com/was-identified).\n');
    const [statement] = file.incidents[0].statements;
    expect(statement.text).not.toMatch(/identified|crisislint/);
    expect(file.directives).toEqual([{ text: 'crisislint-disable passive-voice', line: 7 }]);
  });

  it('replaces bare URLs with a placeholder word and keeps them as links', () => {
    const [statement] = parse('The write-up is at https://status.example.com/postmortems/1. Thanks.').incidents[0].statements;
    expect(statement.text).toBe('The write-up is at link. Thanks.');
    expect(statement.links).toEqual(['https://status.example.com/postmortems/1']);
    expect(statement.sentences).toHaveLength(2);
  });

  it('infers the phase from the text when none is given', () => {
    const phase = (text: string) => parse(text).incidents[0].statements[0].phase;
    expect(phase('We are investigating reports of errors.')).toBe('investigating');
    expect(phase('This incident has been resolved.')).toBe('resolved');
    expect(phase('A fix has been deployed and we are monitoring the results.')).toBe('monitoring');
    expect(phase('We have identified the cause and are working on a fix.')).toBe('identified');
    expect(phase('We will keep you posted until this is resolved.')).toBe('investigating');
  });

  it('recognises planned maintenance (by structure when parsed, by its words once understood)', () => {
    expect(parse('---\nimpact: maintenance\n---\nThe dashboard will be read-only.').incidents[0].isMaintenance).toBe(true);
    const file = parse('---\ntitle: Scheduled database maintenance\n---\nOn Saturday we will upgrade the database; the dashboard will be read-only.');
    understandIncident(file.incidents[0]);
    expect(file.incidents[0].isMaintenance).toBe(true);
    expect(file.incidents[0].statements[0].phase).toBe('scheduled');
  });
});

describe('Markdown timelines', () => {
  it('opens a statement at each phase/date heading, oldest first, "Update" keeping the phase', () => {
    const file = parse('# Outage\n\n## Resolved (2024-03-01T15:00:00Z)\n\nAll good.\n\n## Update (2024-03-01T14:30:00Z)\n\nStill looking.\n\n## 2024-03-01 14:05 UTC — Investigating\n\nUploads fail.\n');
    const [incident] = file.incidents;
    expect(incident.isTimeline).toBe(true);
    expect(incident.meta.title).toBe('Outage');
    expect(incident.statements.map((s) => [s.phase, s.time?.toISOString().slice(11, 16), s.text])).toEqual([
      ['investigating', '14:05', 'Uploads fail.'],
      ['investigating', '14:30', 'Still looking.'],
      ['resolved', '15:00', 'All good.'],
    ]);
  });

  it('reads timelines pasted as plain text, taking dates from the nearest dated line', () => {
    const text = 'Update: April 18, 2022\nWe are looking into slow page loads.\n\n12:10 pm PT:\nWe rolled back the change that caused it.\n\nResolved - Apr 18, 21:37 UTC\nPages load normally again.\n';
    const [incident] = parse(text, 'paste.txt').incidents;
    expect(incident.statements.map((s) => s.time?.toISOString())).toEqual([
      '2022-04-18T00:00:00.000Z',
      '2022-04-18T19:10:00.000Z',
      '2022-04-18T21:37:00.000Z',
    ]);
    expect(incident.statements[2].phase).toBe('resolved');
    expect(incident.statements[1].text).toBe('We rolled back the change that caused it.');
  });

  it('keeps ordinary section headings as part of the statement, not as new statements', () => {
    const file = parse('---\nstatus: postmortem\n---\n## What happened\n\nA migration locked a table.\n\n## What we are changing\n\nMigrations now run on a full-size copy first.');
    expect(file.incidents[0].statements).toHaveLength(1);
    expect(file.incidents[0].statements[0].sentences).toHaveLength(2);
  });
});

describe('sentences', () => {
  const texts = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));
  it('splits on terminal punctuation and blank lines but not on abbreviations, decimals or times', () => {
    expect(texts('Errors rose to 3.5% at 14:05 UTC. We are on it, e.g. rolling back v2.1 now.\n\nNext update soon')).toEqual([
      'Errors rose to 3.5% at 14:05 UTC.',
      'We are on it, e.g. rolling back v2.1 now.',
      'Next update soon',
    ]);
  });
});

describe('dates', () => {
  it('reads ISO, written and zoned times', () => {
    expect(parseDate('2024-03-01T14:05:00Z')?.toISOString()).toBe('2024-03-01T14:05:00.000Z');
    expect(parseDate('Aug 21, 2024 00:37 UTC')?.toISOString()).toBe('2024-08-21T00:37:00.000Z');
    expect(parseDate('5:26 PM PST', { date: new Date('2024-01-10T00:00:00Z') })?.toISOString()).toBe('2024-01-11T01:26:00.000Z');
    expect(parseDate('12:10 pm PT', { date: new Date('2024-07-10T00:00:00Z') })?.toISOString()).toBe('2024-07-10T19:10:00.000Z');
    expect(parseDate('no date here')).toBeUndefined();
  });
});

describe('update promises', () => {
  it('reads a timed promise, and not a conditional one', async () => {
    const { findUpdatePromise } = await import('../src/nlp/promises.js');
    const at = new Date('2024-04-24T12:47:00Z');
    expect(findUpdatePromise('We will provide another update within an hour.', at)?.due?.toISOString()).toBe('2024-04-24T13:47:00.000Z');
    expect(findUpdatePromise('Next update in 30 minutes.', at)?.minutes).toBe(30);
    expect(findUpdatePromise('We will provide another update within an hour if we see improvements.', at)).toBeUndefined();
    expect(findUpdatePromise('We will post another update in 30 minutes if anything changes.', at)).toBeUndefined();
  });
});

describe('cause matcher', () => {
  it('reads ", causing …" after a named failure as a cause, but not "an issue causing …"', async () => {
    const { findCause } = await import('../src/nlp/matchers.js');
    expect(findCause("One of our provider's services experienced degradation, causing errors in Codespaces.")).toBeDefined();
    expect(findCause('We are investigating an issue causing errors in Codespaces.')).toBeUndefined();
    expect(findCause('Ghost text requests experienced errors from upstream model providers.')).toBeDefined();
  });
});

describe('passive-voice and relative clauses', () => {
  it('does not say a passive after "we … that" hides the actor', async () => {
    const { lint } = await import('./helpers.js');
    const we = lint('---\nstatus: identified\n---\nWe are writing a fix that will be deployed within the hour.', { only: 'passive-voice' });
    expect(we.findings).toEqual([]);
    const hidden = lint('---\nstatus: identified\n---\nThe fix that was deployed at 14:00 UTC has been reverted.', { only: 'passive-voice' });
    expect(hidden.findings.some((f) => f.severity === 'warning')).toBe(true);
  });
});

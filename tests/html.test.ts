// The HTML report's pieces without a browser: what the engine's `detail` adds, how findings
// become highlights, the timeline's facts, the summary, and escaping. tests/browser.test.ts
// opens the pages in Chromium.

import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { builtinRules } from '../rules/index.js';
import { CrisisLint } from '../src/api.js';
import { defaultRules, lintText } from '../src/engine/index.js';
import type { FileResult, Finding } from '../src/engine/results.js';
import { html } from '../src/formatters/html.js';
import { escapeHtml, renderFile, renderSummary, renderTimeline } from '../src/formatters/html-render.js';

const rules = new Map(builtinRules.map((r) => [r.meta.id, r.meta]));
const NOW = new Date('2024-02-11T00:00:00Z');
const lintDetailed = (text: string, path = 'statement.md') => lintText(text, { path, now: NOW, rules: defaultRules(), detail: true });

const TIMELINE = [
  '---',
  'started: 2024-02-10T10:00:00Z',
  '---',
  '# Slow uploads',
  '',
  '## Investigating (2024-02-10T10:07:00Z)',
  '',
  'Uploads are slow for one in five users. Next update in 30 minutes.',
  '',
  '## Update (2024-02-10T11:45:00Z)',
  '',
  'We are still investigating the slow uploads.',
  '',
  '## Resolved (2024-02-10T12:10:00Z)',
  '',
  "We're sorry for the slow uploads: a full disk on one storage node caused them, and we have moved uploads off it.",
  '',
].join('\n');

describe('the engine with detail', () => {
  it('adds the source and where each statement runs, and nothing without it', () => {
    const plain = lintText(TIMELINE, { now: NOW });
    expect(plain.source).toBeUndefined();
    expect(plain.incidents[0].statements.every((s) => s.detail === undefined)).toBe(true);
    expect(plain.incidents[0].started).toBeUndefined();

    const detailed = lintDetailed(TIMELINE);
    expect(detailed.source).toBe(TIMELINE);
    expect(detailed.findings).toEqual(plain.findings);
    const lines = TIMELINE.split('\n');
    const [first, second, third] = detailed.incidents[0].statements;
    // From the first character of the prose to the end of its last one.
    expect(lines[first.line - 1].slice(first.detail!.column - 1)).toMatch(/^Uploads are slow/);
    expect(first.detail!.endLine).toBe(first.line);
    expect(lines[first.detail!.endLine - 1].slice(0, first.detail!.endColumn - 1)).toMatch(/30 minutes\.$/);
    expect(second.detail!.nextUpdate).toBeUndefined();
    expect(third.detail!.apology).toBe(true);
    expect(first.detail!.apology).toBeUndefined();
    expect(detailed.incidents[0].started).toBe('2024-02-10T10:00:00.000Z');
  });

  it('finds the promised next-update time with the detector unfulfilled-promise uses', () => {
    const promise = lintDetailed(TIMELINE).incidents[0].statements[0].detail!.nextUpdate!;
    expect(promise.due).toBe('2024-02-10T10:37:00.000Z');
    expect(promise.said).toBe('in 30 minutes');
    // The promise's position is where unfulfilled-promise reports the broken promise.
    const broken = lintDetailed(TIMELINE).findings.find((f) => f.ruleId === 'unfulfilled-promise')!;
    expect([broken.line, broken.column]).toEqual([promise.line, promise.column]);
  });

  it('does not count a negated apology', () => {
    const result = lintDetailed("# Outage\n\n## Investigating (2024-02-10T10:07:00Z)\n\nWe are not sorry that sign-in failed.\n\n## Resolved (2024-02-10T11:00:00Z)\n\nSign-in works again.\n");
    expect(result.incidents[0].statements.map((s) => s.detail!.apology ?? false)).toEqual([false, false]);
  });
});

/** A finding on line 1 between two columns, for rendering tests. */
function finding(ruleId: string, severity: Finding['severity'], column: number, endColumn: number, message = `${ruleId} says so`): Finding {
  return { ruleId, severity, principle: 'P2', message, line: 1, column, endLine: 1, endColumn, excerpt: '', penalty: 8, statement: 0, incident: 0, suggestions: [] };
}

function singleStatement(source: string, findings: Finding[]): FileResult {
  return {
    filePath: 'draft.md',
    format: 'markdown',
    score: 84,
    grade: 'B',
    errorCount: findings.filter((f) => f.severity === 'error').length,
    warningCount: findings.filter((f) => f.severity === 'warning').length,
    infoCount: findings.filter((f) => f.severity === 'info').length,
    incidents: [
      {
        index: 0,
        isTimeline: false,
        isMaintenance: false,
        score: 84,
        grade: 'B',
        statements: [{ index: 0, phase: 'identified', line: 1, score: 84, detail: { column: 1, endLine: 1, endColumn: source.length + 1 } }],
        checklist: { P1: 'satisfied', P2: 'failed', P3: 'not-applicable', P4: 'satisfied', P5: 'satisfied', P6: 'satisfied', P7: 'satisfied', P8: 'satisfied' },
      },
    ],
    findings,
    source,
  };
}

/** The highlighted text as [text, finding ids] pieces. */
function pieces(page: string): [string, string][] {
  const text = /<div class="text">(.*?)<\/div>/s.exec(page)![1];
  const out: [string, string][] = [];
  for (const m of text.matchAll(/<mark [^>]*aria-describedby="([^"]*)"[^>]*>(?:<i [^>]*><\/i>)*(.*?)<\/mark>|([^<]+)/gs)) {
    out.push(m[1] !== undefined ? [m[2], m[1]] : [m[3], '']);
  }
  return out;
}

describe('highlights', () => {
  it('split overlapping findings at every boundary, each stretch naming all that cover it, with its severest style', () => {
    const source = 'The issue has been identified by the team.';
    const page = renderFile(singleStatement(source, [finding('passive-voice', 'warning', 11, 30), finding('agentless-failure', 'error', 1, 19)]), 0, { rules });
    expect(pieces(page)).toEqual([
      ['The issue ', 'f0-m1'],
      ['has been', 'f0-m0 f0-m1'],
      [' identified', 'f0-m0'],
      [' by the team.', ''],
    ]);
    expect(page).toContain('<mark class="hl hl-error" tabindex="0" aria-describedby="f0-m0 f0-m1">');
    // Each finding's start carries its severity icon, so severity is not shown by colour alone.
    expect(page.match(/<i class="hl-icon i-(\w+)">/g)).toEqual(['<i class="hl-icon i-error">', '<i class="hl-icon i-warning">']);
    // And the list under the text says it in words.
    expect(page).toContain('<b class="sev sev-error">Error</b>');
    expect(page).toContain('<li id="f0-m0">');
  });

  it('give a zero-width finding one character, and leave text with no findings unmarked', () => {
    const page = renderFile(singleStatement('Uploads fail.', [finding('missing-cause', 'warning', 5, 5)]), 0, { rules });
    expect(pieces(page)).toEqual([
      ['Uplo', ''],
      ['a', 'f0-m0'],
      ['ds fail.', ''],
    ]);
    expect(renderFile(singleStatement('All good.', []), 0, { rules })).toContain('<p class="no-findings">No findings.</p>');
  });

  it('show markup in statements and messages as text', () => {
    const source = '<script>alert(1)</script> & <img src=x onerror=alert(2)>';
    const result = singleStatement(source, [finding('jargon', 'info', 1, 9, 'Avoid "<b>" & <i>')]);
    const page = html([{ ...result, filePath: '<b>draft</b>.md' }], { color: false, cwd: '/', rules });
    const shown = /<div class="text">(.*?)<\/div>/s.exec(page)![1].replace(/<mark [^>]*>|<\/mark>|<i [^>]*><\/i>/g, '');
    expect(shown).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;');
    expect(page).toContain('Avoid "&lt;b&gt;" &amp; &lt;i&gt;');
    expect(page).toContain('&lt;b&gt;draft&lt;/b&gt;.md');
    expect(page.match(/<script>/g)).toHaveLength(1); // the page's own
    expect(page).not.toMatch(/<img|onerror=alert\(2\)>/);
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
  });
});

describe('the page', () => {
  it('is self-contained: inline style and script, and a policy that allows no network requests', () => {
    const page = html([lintDetailed(TIMELINE)], { color: false, cwd: '/', rules });
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain(`content="default-src 'none';`);
    expect(page).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//);
    expect(page).toContain('<main id="main">');
    // The docs of each rule that fired, linked from its findings.
    expect(page).toContain('id="rule-unfulfilled-promise"');
    expect(page).toContain('href="#rule-unfulfilled-promise"');
    expect(page).not.toContain('id="rule-jargon"');
  });

  it('draws the timeline: a kept promise, a broken one, the gap update-gap reported and the first apology', () => {
    const result = lintDetailed(TIMELINE);
    const incident = result.incidents[0];
    const timeline = renderTimeline(incident, result.findings, 0);
    expect(timeline).toContain('promised the next update by 10:37 (“in 30 minutes”); the next update came at 11:45: promise missed.');
    expect(timeline).toContain('No update for 1 h 38 min, 2024-02-10 10:07 UTC to 11:45 (update-gap).');
    expect(timeline).toContain('First apology at 12:10 (Resolved, statement 3).');
    expect(timeline).toContain('Started 2024-02-10 10:00 UTC.');
    expect(timeline.match(/class="tl-gap"/g)).toHaveLength(1);

    const kept = lintDetailed(TIMELINE.replace('11:45:00Z', '10:35:00Z'));
    const keptTimeline = renderTimeline(kept.incidents[0], kept.findings, 0);
    expect(keptTimeline).toContain('the next update came at 10:35.</li>');
    expect(keptTimeline).not.toContain('promise missed');
    // The silence moved: now it is the one after the second update.
    expect(keptTimeline).toContain('No update for 1 h 35 min, 2024-02-10 10:35 UTC to 12:10 (update-gap).');
  });

  it('sums up many files: grades, the most frequent rules and the worst incidents, linked', () => {
    const good = lintDetailed("---\nstatus: resolved\n---\nWe're sorry: uploads failed for an hour because a disk filled up. We added an alert on disk space so it cannot happen again.\n", 'good.md');
    const poor = lintDetailed(TIMELINE, 'poor.md');
    const summary = renderSummary([good, poor, { ...poor, filePath: 'broken.md', fatal: 'file is empty', incidents: [], findings: [] }], { rules });
    expect(summary).toContain('2 files, 2 incidents, 1 unreadable');
    const worst = [...summary.matchAll(/<li><a href="#(f\d-i\d)">/g)].map((m) => m[1]);
    expect(worst).toEqual(poor.score! < good.score! ? ['f1-i0', 'f0-i0'] : ['f0-i0', 'f1-i0']);
    const top = /<th scope="row"><a class="rule-id" href="#rule-([\w-]+)">/.exec(summary)![1];
    const counts = new Map<string, number>();
    for (const f of [...good.findings, ...poor.findings]) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
    expect(counts.get(top)).toBe(Math.max(...counts.values()));
  });
});

describe('through the programmatic API', () => {
  it('CrisisLint with detail gives the html formatter the statements to show; without it, findings quote their sentences', async () => {
    const file = join(resolve(import.meta.dirname, '..'), 'fixtures/poor-statement.md');
    for (const detail of [true, false]) {
      const linter = new CrisisLint({ config: false, detail, now: NOW });
      const results = await linter.lintFiles([file]);
      const page = (await linter.loadFormatter('html')).format(results);
      expect(page.includes('<div class="text">'), `detail ${detail}`).toBe(detail);
      expect(page.includes('<blockquote class="excerpt">'), `detail ${detail}`).toBe(!detail);
      expect(page).toContain('has now been identified');
    }
  });
});

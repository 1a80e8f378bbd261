// Property tests (fast-check, seeded and bounded): random and mutated Markdown drafts, front
// matter, timelines, Statuspage JSON, Atom/RSS feeds and cState issues never throw out of the
// engine; every report's positions lie inside the input, in Markdown they point at text of the
// quoted excerpt, and the same input gives the same findings twice. The case counts are fixed
// (RUNS below) so the suite's time is bounded; FUZZ_RUNS=N multiplies them for a longer hunt.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRules, lintBytes, type EngineOptions } from '../src/engine/index.js';
import type { FileResult } from '../src/engine/results.js';

const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const RUNS = { markdown: 300, mutated: 300, json: 150, feed: 150, cstate: 150 };
const SEED = 20261202;
const engine: EngineOptions = { rules: defaultRules(), now: new Date('2026-12-01T00:00:00Z') };

/** Cases run, for the closing count (printed once the suite ends). */
const ran: Record<string, number> = {};

const words = fc.constantFrom(
  'we', 'are', 'sorry', 'the', 'API', 'outage', 'was', 'caused', 'by', 'a', 'bad', 'deploy', 'has', 'been', 'identified',
  'customers', 'in', 'Europe', 'could', 'not', 'sign', 'in', 'for', 'two', 'hours', 'next', 'update', 'at', '15:00', 'UTC',
  'any', 'inconvenience', 'resolved', 'monitoring', 'may', 'experience', 'some', 'issues', 'SLO', 'pods', 'evicted',
  'will', 'never', 'happen', 'again', 'refund', 'credit', 'support@example.com', 'https://example.com/x', '😀', 'نعتذر',
  'don’t', "we're", '—', '…', '&amp;', '<b>', '*', '_', '`code`', '[link](http://x.y)', '\t', '"', "'", '\\', '|',
);
const sentenceArb = fc.tuple(fc.array(words, { minLength: 1, maxLength: 25 }), fc.constantFrom('.', '!', '?', '', ':', ';')).map(([w, end]) => w.join(' ') + end);
const paragraph = fc.array(sentenceArb, { minLength: 1, maxLength: 5 }).map((s) => s.join(' '));
const label = fc.constantFrom('Investigating', 'Identified', 'Monitoring', 'Resolved', 'Update', 'Postmortem', 'Scheduled');
const time = fc.constantFrom('2024-03-01T14:05:00Z', '2024-03-01 14:05 UTC', 'Mar 1, 14:05 UTC', '5:26 PM PST', 'yesterday', '2024-13-45T99:99:00Z');
const block = fc.oneof(
  paragraph,
  paragraph.map((p) => `- ${p}`),
  fc.array(paragraph, { minLength: 1, maxLength: 4 }).map((ps) => ps.map((p, i) => `${'  '.repeat(i)}- ${p}`).join('\n')),
  fc.tuple(fc.integer({ min: 1, max: 8 }), paragraph).map(([n, p]) => `${'>'.repeat(n)} ${p}`),
  fc.tuple(label, time).map(([l, t]) => `## ${l} (${t})`),
  fc.tuple(time, label).map(([t, l]) => `## ${t} — ${l}`),
  fc.tuple(label, time).map(([l, t]) => `${l} - ${t}`),
  time,
  paragraph.map((p) => `# ${p}`),
  paragraph.map((p) => '```\n' + p + '\n```'),
  fc.constantFrom('<!-- crisislint-disable passive-voice -->', '<!-- crisislint-enable -->', '<!-- crisislint-disable-next-line -->', '<!-- crisislint-disable-line jargon -->', '<!--', '---', '***', '| a | b |\n|---|---|\n| x | y |'),
);
const frontMatter = fc.option(
  fc
    .record({
      title: fc.option(sentenceArb, { nil: undefined }),
      status: fc.option(fc.oneof(label, fc.string()), { nil: undefined }),
      impact: fc.option(fc.constantFrom('none', 'minor', 'major', 'critical', 'maintenance', 'huge'), { nil: undefined }),
      started: fc.option(time, { nil: undefined }),
      affected: fc.option(fc.array(fc.constantFrom('API', 'Login', 'EU'), { maxLength: 3 }), { nil: undefined }),
    })
    .map((r) => `---\n${Object.entries(r).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n')}\n---\n`),
  { nil: '' },
);
const newline = fc.constantFrom('\n', '\r\n');
const markdown = fc
  .tuple(fc.boolean(), frontMatter, fc.array(block, { minLength: 1, maxLength: 10 }), newline)
  .map(([bom, fm, blocks, nl]) => `${bom ? '\uFEFF' : ''}${fm}${blocks.join('\n\n')}\n`.replace(/\n/g, nl));

const update = fc.record({ status: fc.oneof(label.map((l) => l.toLowerCase()), fc.string()), body: fc.oneof(paragraph, fc.string()), created_at: fc.oneof(time, fc.constant(null)) });
const incident = fc.record(
  {
    name: fc.oneof(sentenceArb, fc.string()),
    status: fc.constantFrom('investigating', 'identified', 'monitoring', 'resolved', 'postmortem', 'scheduled', 'weird'),
    impact: fc.constantFrom('none', 'minor', 'major', 'critical', 'maintenance'),
    created_at: time,
    resolved_at: fc.option(time),
    incident_updates: fc.array(update, { maxLength: 5 }),
  },
  { requiredKeys: [] },
);
const statuspageJson = fc.oneof(
  fc.array(incident, { maxLength: 4 }).map((incidents) => JSON.stringify({ page: { name: 'x' }, incidents })),
  incident.map((i) => JSON.stringify({ incident: i })),
  fc.json(),
);

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const feedEntry = fc.record({ title: sentenceArb, updates: fc.array(fc.tuple(time, label, paragraph), { maxLength: 4 }), cdata: fc.boolean() });
const feed = fc.tuple(fc.boolean(), fc.array(feedEntry, { maxLength: 4 })).map(([atom, entries]) => {
  const html = (e: { updates: [string, string, string][] }) => e.updates.map(([t, l, p]) => `<p><small>${t}</small><br><strong>${l}</strong> - ${p}</p>`).join('');
  const content = (e: { updates: [string, string, string][]; cdata: boolean }) => (e.cdata ? `<![CDATA[${html(e)}]]>` : escape(html(e)));
  return atom
    ? `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">${entries.map((e) => `<entry><title>${escape(e.title)}</title><published>2024-03-01T14:00:00Z</published><content type="html">${content(e)}</content></entry>`).join('')}</feed>`
    : `<?xml version="1.0"?><rss version="2.0"><channel>${entries.map((e) => `<item><title>${escape(e.title)}</title><pubDate>Fri, 01 Mar 2024 14:00:00 +0000</pubDate><description>${content(e)}</description></item>`).join('')}</channel></rss>`;
});
const cstate = fc
  .tuple(sentenceArb, fc.boolean(), fc.constantFrom('down', 'disrupted', 'notice', 'odd'), fc.array(fc.tuple(label, paragraph, time), { maxLength: 4 }))
  .map(([title, resolved, severity, updates]) =>
    `---\ntitle: ${JSON.stringify(title)}\ndate: 2024-03-01 14:05:00\nresolved: ${resolved}\nseverity: ${severity}\naffected:\n  - API\nsection: issue\n---\n\n` +
    updates.map(([l, p, t]) => `*${l}* - ${p} {{< track "${t}" >}}`).join('\n\n'),
  );

/** Random edits of a valid input: insert, delete or replace short runs, including bytes that are not text. */
function mutated(base: fc.Arbitrary<string>): fc.Arbitrary<Uint8Array> {
  const edit = fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('\u0000', '\uFEFF', '\r', '\n\n', '---\n', '<', '&', ']]>', '"', '{', '\ud800')));
  return fc.tuple(base, fc.array(edit, { minLength: 1, maxLength: 6 }), fc.boolean()).map(([text, edits, rawBytes]) => {
    let t = text;
    for (const [at, del, ins] of edits) {
      const i = t.length ? at % t.length : 0;
      t = t.slice(0, i) + ins + t.slice(i + del);
    }
    const bytes = new TextEncoder().encode(t);
    if (rawBytes && bytes.length) bytes[edits[0][0] % bytes.length] = 0xff; // invalid UTF-8
    return bytes;
  });
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** The checks every report must pass. `exact`: the file's text is prose as written (Markdown). */
function checkReport(bytes: Uint8Array, result: FileResult, exact: boolean): void {
  if (result.fatal) {
    expect(result.fatal).not.toMatch(/\n/); // one line
    expect(result.findings).toEqual([]);
    return;
  }
  let text = new TextDecoder().decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const starts = lineStarts(text);
  for (const f of result.findings) {
    const where = `${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;
    expect(f.line, where).toBeGreaterThanOrEqual(1);
    expect(f.line, where).toBeLessThanOrEqual(starts.length);
    expect(f.endLine * 1e9 + f.endColumn, where).toBeGreaterThanOrEqual(f.line * 1e9 + f.column);
    expect(f.endLine, where).toBeLessThanOrEqual(starts.length);
    const offset = starts[f.line - 1] + f.column - 1;
    const lineEnd = f.line < starts.length ? starts[f.line] : text.length + 1;
    expect(offset, where).toBeLessThan(lineEnd);
    if (f.ruleId.startsWith('crisislint/')) continue; // notes about disable comments point at the comment
    if (exact && f.excerpt && offset < text.length && /\S/.test(text[offset]) && !f.excerpt.endsWith('…')) {
      // In Markdown the position is a character of the excerpt (prose is the file's own text).
      expect(f.excerpt.includes(text[offset]) || /[\s`*_[\]()<>&]/.test(text[offset]), `${where}: "${text[offset]}" not in "${f.excerpt}"`).toBe(true);
    }
  }
}

function property(name: keyof typeof RUNS, arb: fc.Arbitrary<Uint8Array>, path: string, inputFormat?: string, exact = false) {
  it(`${name}: never throws, positions inside the input, same findings twice`, () => {
    const numRuns = Math.round(RUNS[name] * SCALE);
    fc.assert(
      fc.property(arb, (bytes) => {
        ran[name] = (ran[name] ?? 0) + 1;
        const options = { ...engine, inputFormat };
        const first = lintBytes(path, bytes, options);
        checkReport(bytes, first, exact);
        expect(JSON.stringify(lintBytes(path, bytes, options))).toBe(JSON.stringify(first));
      }),
      { seed: SEED, numRuns, endOnFailure: true },
    );
  }, 120_000);
}

const utf8 = (arb: fc.Arbitrary<string>) => arb.map((s) => new TextEncoder().encode(s));

describe('fuzzed inputs', () => {
  property('markdown', utf8(markdown), 'draft.md', undefined, true);
  property('mutated', mutated(fc.oneof(markdown, statuspageJson, feed, cstate)), 'mutated.md');
  property('json', fc.oneof(utf8(statuspageJson), mutated(statuspageJson)), 'incidents.json');
  property('feed', fc.oneof(utf8(feed), mutated(feed)), 'history.atom');
  property('cstate', fc.oneof(utf8(cstate), mutated(cstate)), 'content/issues/x.md', 'cstate');

  it('ran every case', () => {
    const total = Object.values(ran).reduce((a, b) => a + b, 0);
    console.log(`fuzz cases run: ${JSON.stringify(ran)} = ${total}`);
    expect(total).toBe(Object.values(RUNS).reduce((a, b) => a + Math.round(b * SCALE), 0));
  });
});

// Pathological inputs through the engine and the built command: each completes, with one clear
// line for what crisislint cannot read. Growth is checked by size, not by the clock: linting an
// input twice as big must not take more than about twice the work (we compare times of the same
// kind of input at two sizes with a generous ratio, so a busy machine does not fail the test;
// quadratic growth shows as a ratio near 4 and more). The big measurements (a 10 MB statement,
// 100,000 incidents) are in bench/pathological.mjs and docs/limits.md.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRules, lintBytes, type EngineOptions } from '../src/engine/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'crisislint.cjs');
const engine: EngineOptions = { rules: defaultRules(), now: new Date('2026-12-01T00:00:00Z') };
const bytes = (text: string) => new TextEncoder().encode(text);
const lint = (text: string | Uint8Array, path = 'x.md') => lintBytes(path, typeof text === 'string' ? bytes(text) : text, engine);

/** Best of five timings of `task`, in ms (the least disturbed by other work on the machine: three still failed under a load of 8 on 2 cores). */
function bestTime(task: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    task();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** Linting an input of size 2n takes at most `limit` times an input of size n (linear: about 2). */
function expectLinear(make: (n: number) => string, n: number, path = 'x.md', limit = 3.2) {
  lint(make(Math.max(1, n >> 3)), path); // warm up: compromise, JIT
  const small = bestTime(() => lint(make(n), path));
  const big = bestTime(() => lint(make(2 * n), path));
  expect(big / Math.max(small, 1), `${Math.round(small)} ms at n, ${Math.round(big)} ms at 2n`).toBeLessThan(limit);
}

/** Distinct sentences, so the per-sentence memo does not hide the work. */
const sentences = (n: number) => Array.from({ length: n }, (_, i) => `Checkout failed for ${i} customers in region ${i % 97} and we are sorry about order ${i * 7}.`).join(' ');

describe('inputs that are not ordinary statements', () => {
  it('NUL bytes, invalid UTF-8, only a BOM: one clear line', () => {
    expect(lint(bytes('We are sorry.\0 It broke.')).fatal).toBe('binary file, not a text statement');
    expect(lint(Uint8Array.from([0x57, 0x65, 0xff, 0xfe, 0x2e])).fatal).toBe('not UTF-8 text (save the file as UTF-8)');
    expect(lint('\uFEFF').fatal).toBe('file is empty');
  });

  it('a BOM and CRLF line ends keep positions right', () => {
    const text = '\uFEFF---\r\ntitle: X\r\n---\r\n\r\nThe issue has been identified.\r\nWe apologize for any inconvenience.\r\n';
    const result = lint(text);
    const passive = result.findings.find((f) => f.ruleId === 'passive-voice')!;
    expect(passive).toMatchObject({ line: 5, column: 11 }); // "has been identified"
    const lines = text.slice(1).split('\r\n');
    expect(lines[passive.line - 1].slice(passive.column - 1)).toMatch(/^has been identified/);
    // Every finding sits where it sits in the same file with LF line ends.
    const lf = lint(text.slice(1).replace(/\r\n/g, '\n'));
    const at = (r: typeof result) => r.findings.map((f) => `${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn}`);
    expect(at(result)).toEqual(at(lf));
    expect(at(result)).toContain('emotion-apology 6:1-6:36');
  });

  it('only punctuation, only emoji, right-to-left text: linted without a crash', () => {
    for (const text of ['!?.,;:'.repeat(20_000), '😀🔥💥 '.repeat(10_000), 'نعتذر عن الانقطاع. '.repeat(2_000), 'שגיאה בשרת. '.repeat(2_000)]) {
      const result = lint(text);
      expect(result.fatal).toBeUndefined();
      expect(result.score).not.toBeNull();
    }
  }, 60_000);

  it('deep nesting: 20,000 nested quotes are read; a stack overflow anywhere is one line for the file', () => {
    const quotes = lint(`${'>'.repeat(20_000)} We are sorry the API failed for two hours.`);
    expect(quotes.fatal).toBeUndefined();
    expect(quotes.findings.every((f) => f.line === 1)).toBe(true);
    const yaml = lint(`---\ntitle: ${'['.repeat(50_000)}\n---\nWe are sorry.`);
    expect(yaml.fatal).toMatch(/^malformed front matter/);
  }, 60_000);

  it('an XML feed with entity-expansion tricks: entities are never expanded or resolved', () => {
    const feed = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY xxe SYSTEM "file:///etc/passwd">
 <!ENTITY net SYSTEM "http://127.0.0.1:9/x">
]>
<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&lol9; &xxe;</title><published>2024-03-01T14:00:00Z</published><content type="html">&lt;p&gt;&lol9; &amp;xxe; &net; We are sorry the API failed.&lt;/p&gt;</content></entry></feed>`;
    const result = lint(feed, 'history.atom');
    const report = JSON.stringify(result);
    expect(report).not.toMatch(/lollol|root:/); // not expanded, /etc/passwd not read
    expect(result.incidents[0].title).toBe('&lol9; &xxe;');
  });
});

describe('growth with size is linear', () => {
  it('one long paragraph of distinct sentences', () => expectLinear(sentences, 150), 120_000);
  it('a 200,000-character line of words (one sentence of 40,000 words) and its half', () => expectLinear((n) => 'word '.repeat(n), 20_000), 120_000);
  it('many short lines', () => expectLinear((n) => Array.from({ length: n }, (_, i) => `line ${i}`).join('\n'), 20_000), 120_000);
  it('a long list and a long quote', () => {
    expectLinear((n) => Array.from({ length: n }, (_, i) => `- item ${i} failed.`).join('\n'), 2_000);
    expectLinear((n) => Array.from({ length: n }, (_, i) => `> line ${i} failed.`).join('\n'), 2_000);
  }, 120_000);
  it('a Statuspage JSON file of many incidents', () => {
    const json = (n: number) =>
      JSON.stringify({
        incidents: Array.from({ length: n }, (_, i) => ({
          name: `Outage ${i}`, status: 'resolved', impact: 'minor', created_at: '2024-03-01T14:00:00Z', resolved_at: '2024-03-01T15:00:00Z',
          incident_updates: [{ status: 'resolved', body: `The issue with job ${i} has been resolved.`, created_at: '2024-03-01T15:00:00Z' }],
        })),
      });
    expectLinear(json, 500, 'incidents.json');
  }, 120_000);
});

describe('the file size limit', () => {
  it('skips a file over --max-file-size with one line naming the flag, and lints the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crisislint-size-'));
    writeFileSync(join(dir, 'big.md'), `${sentences(20_000)}\n`); // about 1.6 MB
    writeFileSync(join(dir, 'small.md'), 'We are sorry: a bad deploy broke sign-in for an hour.\n');
    const run = spawnSync(process.execPath, [BIN, '--max-file-size', '1', '--format', 'json', 'big.md', 'small.md'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { filePath: string; score: number | null }[];
    expect(report.map((r) => [r.filePath.replace(/.*[\\/]/, ''), r.score === null])).toEqual([['big.md', true], ['small.md', false]]);
    expect(run.stderr).toMatch(/^crisislint: big\.md: skipped: 1\.\d MB is over the 1\.0 MB file size limit \(raise it with --max-file-size 2\)$/m);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    const raised = spawnSync(process.execPath, [BIN, '--max-file-size', '2', '--format', 'compact', 'small.md', 'big.md'], { cwd: dir, encoding: 'utf8' });
    expect(raised.stderr).not.toMatch(/skipped/);
    const bad = spawnSync(process.execPath, [BIN, '--max-file-size', 'lots', 'small.md'], { cwd: dir, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/expected a size in megabytes/);
  }, 60_000);
});

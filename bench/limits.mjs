#!/usr/bin/env node
// The largest and strangest inputs crisislint promises to handle, measured: wall time and peak
// memory (maxRSS, from CRISISLINT_TIMING) of the built command on each, at two sizes where the
// growth matters, so the table in docs/limits.md can say how time and memory grow.
//
//   npm run bench:limits                 every case (several minutes on 2 busy cores)
//   npm run bench:limits -- --only json  some cases: statement, line, lines, json, quotes, feed, lazy
//   npm run bench:limits -- --json out.json
//
// Inputs are generated into a temporary folder (distinct sentences, so the per-sentence memo
// does not hide the work) and removed afterwards.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(root, 'bin/crisislint.cjs');
const args = process.argv.slice(2);
const flag = (name) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const only = flag('only')?.split(',');
const dir = mkdtempSync(join(tmpdir(), 'crisislint-limits-'));

const SERVICES = ['checkout', 'sign-in', 'the API', 'webhooks', 'search', 'billing', 'uploads', 'the dashboard', 'email delivery', 'builds'];
const REGIONS = ['Europe', 'the US East region', 'Asia', 'Brazil', 'Canada', 'Australia'];
/** Sentence i of a statement: distinct text, the vocabulary and shapes of real updates. */
function sentence(i) {
  const s = SERVICES[i % SERVICES.length];
  const r = REGIONS[(i >> 3) % REGIONS.length];
  switch (i % 5) {
    case 0: return `${s[0].toUpperCase()}${s.slice(1)} failed for ${i % 997} customers in ${r} between 14:${String(i % 60).padStart(2, '0')} and 15:10 UTC.`;
    case 1: return `The issue with ${s} has been identified and a fix for batch ${i} is being deployed.`;
    case 2: return `We are sorry that ${s} was unavailable for request ${i}; a bad configuration change caused it.`;
    case 3: return `We will post the next update by ${10 + (i % 12)}:00 UTC on this page for case ${i}.`;
    default: return `We have added an alert that catches error ${i} before customers in ${r} see it.`;
  }
}
function statement(bytes) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const s = sentence(i) + (i % 6 === 5 ? '\n\n' : ' ');
    parts.push(s);
    size += s.length;
  }
  return parts.join('');
}
const incidents = (n) =>
  JSON.stringify({
    page: { name: 'Example' },
    incidents: Array.from({ length: n }, (_, i) => ({
      id: `i${i}`, name: `Errors in ${SERVICES[i % 10]} ${i}`, status: 'resolved', impact: 'minor',
      created_at: '2024-03-01T14:00:00Z', resolved_at: '2024-03-01T15:00:00Z',
      incident_updates: [
        { status: 'resolved', body: sentence(2 * i) , created_at: '2024-03-01T15:00:00Z' },
        { status: 'investigating', body: sentence(2 * i + 1), created_at: '2024-03-01T14:05:00Z' },
      ],
    })),
  });
const feed = (n) =>
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">${Array.from({ length: n }, (_, i) =>
    `<entry><title>Incident ${i}</title><published>2024-03-01T15:00:00Z</published><content type="html">&lt;p&gt;&lt;small&gt;Mar 1, 15:00 UTC&lt;/small&gt;&lt;br&gt;&lt;strong&gt;Resolved&lt;/strong&gt; - ${sentence(i)}&lt;/p&gt;</content></entry>`).join('')}</feed>`;

const CASES = [
  { name: 'statement', label: 'one statement of distinct sentences', sizes: [[1e6, '1 MB'], [1e7, '10 MB']], make: (n) => statement(n), file: 'statement.md' },
  { name: 'line', label: 'one line of words (one 40,000-word sentence at 200,000 characters)', sizes: [[1e5, '100,000 chars'], [2e5, '200,000 chars']], make: (n) => 'word '.repeat(n / 5), file: 'line.md' },
  { name: 'lines', label: 'short lines (one paragraph)', sizes: [[5e4, '50,000 lines'], [1e5, '100,000 lines']], make: (n) => Array.from({ length: n }, (_, i) => `line ${i}`).join('\n'), file: 'lines.md' },
  { name: 'json', label: 'Statuspage JSON, two updates per incident', sizes: [[1e4, '10,000 incidents'], [1e5, '100,000 incidents']], make: incidents, file: 'incidents.json' },
  { name: 'feed', label: 'Atom feed', sizes: [[5e3, '5,000 entries'], [2e4, '20,000 entries']], make: feed, file: 'history.atom' },
  { name: 'quotes', label: 'nested block quotes on one line', sizes: [[1e4, '10,000 levels'], [2e4, '20,000 levels']], make: (n) => `${'>'.repeat(n)} We are sorry the API failed.`, file: 'quotes.md' },
  { name: 'lazy', label: 'a quote continued by lines without ">" (micromark: quadratic)', sizes: [[10000, '10,000 lines'], [20000, '20,000 lines']], make: (n) => `> We are sorry.\n${Array.from({ length: n }, (_, i) => `more text ${i}`).join('\n')}`, file: 'lazy.md' },
];

const results = [];
for (const c of CASES) {
  if (only && !only.includes(c.name)) continue;
  for (const [n, size] of c.sizes) {
    const path = join(dir, c.file);
    const text = c.make(n);
    writeFileSync(path, text);
    const timing = join(dir, 'timing.json');
    const start = performance.now();
    const run = spawnSync(process.execPath, [BIN, '--no-config', '--now', '2026-12-01T00:00:00Z', '--max-file-size', '64', '--format', 'json', path], {
      env: { ...process.env, CRISISLINT_TIMING: timing },
      maxBuffer: 1 << 30,
      encoding: 'utf8',
    });
    const seconds = (performance.now() - start) / 1000;
    const peakMB = JSON.parse(readFileSync(timing, 'utf8')).maxRSS / 1024;
    let findings = 0;
    try {
      findings = JSON.parse(run.stdout).reduce((sum, r) => sum + r.messages.length, 0);
    } catch {
      findings = -1;
    }
    const row = { case: c.name, label: c.label, size, bytes: Buffer.byteLength(text), seconds: Number(seconds.toFixed(2)), peakMB: Math.round(peakMB), exit: run.status, findings };
    results.push(row);
    console.log(`${c.label}, ${size} (${(row.bytes / 1048576).toFixed(1)} MB): ${row.seconds} s, peak ${row.peakMB} MB, exit ${row.exit}, ${findings} findings`);
  }
}
rmSync(dir, { recursive: true, force: true });
console.log(`(${availableParallelism()} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}, Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z)`);
if (flag('json')) writeFileSync(flag('json'), JSON.stringify(results, null, 2));

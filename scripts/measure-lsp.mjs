// Measures the language server as an editor uses it (npm run build first):
//   1. the time from a didChange to the publishDiagnostics for that version, for a 300-word
//      statement, with a warm server: the median of 20 edits, with the default debounce and
//      with none (the lint and the protocol alone);
//   2. the server's resident memory after linting the 819 GitHub incidents of the shared corpus
//      one by one as documents (open, diagnostics, close); skipped when ../shared is absent.
// Usage: node scripts/measure-lsp.mjs

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = resolve(ROOT, '../shared/corpus/github-md');

// Our own 300-word update (no corpus text), with the usual faults so rules and tagging run.
const STATEMENT = `---
title: Checkout failures for card payments
status: identified
impact: major
---

Between 14:05 and 14:45 UTC, about 40 minutes, many customers could not pay by card at checkout. Orders paid with gift cards and invoices were not affected, and no card details were exposed.

We apologize for any inconvenience this may have caused. The issue has now been identified and a fix has been implemented on our payment gateway. A configuration change to our fraud checks was rolled out at 14:02 UTC; it made the checks reject valid cards from three large banks. Our on-call engineers saw the rise in declined payments at 14:09 UTC and began to look into it at once.

Your satisfaction is our top priority and we take your trust very seriously. Some users may experience intermittent issues while caches refresh over the next hour. If your order failed, you can simply try again: nothing was charged for a failed payment, and any hold on your card will be released by your bank within three working days.

What we are changing: every change to the fraud rules will now run against a day of real traffic in a test environment before it reaches production, and an alert will page the on-call engineer when declines rise by more than five percent in ten minutes. We are also reviewing why the change went out during the busiest hour of the week instead of in the quiet window we use for risky changes.

If you were charged twice or lost a sale because of this outage, write to support@example.com with your order number and a person will reply within one working day. Merchants on our business plan will receive a credit for the affected hour on their next invoice.

More details will follow soon. We will post the next update here by 16:00 UTC, or sooner if anything changes, and we will publish a full post-mortem on our blog by Friday.
`;

function startServer(debounceMs) {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'crisislint.cjs'), '--lsp'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    const key = `${p.uri}#${p.version}`;
    waiters.get(key)?.(p);
    waiters.delete(key);
  });
  connection.listen();
  const published = (uri, version) => new Promise((r) => waiters.set(`${uri}#${version}`, r));
  return {
    child,
    connection,
    published,
    async initialize() {
      await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(ROOT).href, capabilities: {}, initializationOptions: debounceMs === undefined ? {} : { debounceMs } });
      await connection.sendNotification('initialized', {});
    },
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      connection.dispose();
    },
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function changeLatency(debounceMs) {
  const server = startServer(debounceMs);
  await server.initialize();
  const uri = pathToFileURL(join(ROOT, 'fixtures', 'measure-300-words.md')).href;
  let version = 1;
  let opened = server.published(uri, version);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text: STATEMENT } });
  await opened;
  const times = [];
  // 5 edits to warm up, then 20 measured: each changes the length of the outage, as a writer would.
  for (let i = 0; i < 25; i++) {
    version++;
    const text = STATEMENT.replace('about 40 minutes', `about ${41 + i} minutes`);
    const done = server.published(uri, version);
    const start = performance.now();
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    await done;
    if (i >= 5) times.push(performance.now() - start);
  }
  await server.stop();
  return times;
}

async function corpusMemory() {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort();
  const server = startServer(0);
  await server.initialize();
  const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))[1]) / 1024;
  const peak = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))[1]) / 1024;
  const start = performance.now();
  let diagnostics = 0;
  for (const name of files) {
    const uri = pathToFileURL(join(CORPUS, name)).href;
    const done = server.published(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(join(CORPUS, name), 'utf8') } });
    diagnostics += (await done).diagnostics.length;
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  const seconds = (performance.now() - start) / 1000;
  const result = { files: files.length, diagnostics, seconds, rssMB: rss(), peakMB: peak() };
  await server.stop();
  return result;
}

const fmt = (n) => n.toFixed(1);
const words = STATEMENT.replace(/^---[\s\S]*?---/, '').split(/\s+/).filter(Boolean).length;
for (const debounce of [undefined, 0]) {
  const times = await changeLatency(debounce);
  console.log(`didChange -> publishDiagnostics, ${words}-word statement, warm server, debounce ${debounce === undefined ? 'default (150 ms)' : `${debounce} ms`}: median ${fmt(median(times))} ms of ${times.length} (min ${fmt(Math.min(...times))}, max ${fmt(Math.max(...times))})`);
}
if (!existsSync(CORPUS)) {
  console.log(`memory: skipped (${CORPUS} not found)`);
} else {
  const m = await corpusMemory();
  console.log(`memory after linting ${m.files} GitHub incidents one by one as documents (${m.diagnostics} diagnostics, ${fmt(m.seconds)} s): RSS ${fmt(m.rssMB)} MB (peak ${fmt(m.peakMB)} MB)`);
}

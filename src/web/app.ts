// The playground page: a statement typed or pasted on the left, its findings highlighted on the
// right as the writer types. Linting runs in a Web Worker (worker.ts) so typing never stalls;
// requests are debounced, and only the newest answer is shown. The views are the HTML report's
// (src/formatters/html-render.ts), so the page and the report say the same things.

import type { RuleMeta } from '../rule.js';
import type { FileResult } from '../engine/results.js';
import { installTips, principlesLegend, renderFile, renderRuleDocs } from '../formatters/html-render.js';
import type { LintRequest, WorkerMessage } from './protocol.js';

declare const WORKER_SOURCE: string;
declare const EXAMPLES: { name: string; text: string; now?: string }[];

/** Quiet time after the last keystroke before linting: short enough to feel live. */
const DEBOUNCE_MS = 120;
const STORAGE_KEY = 'crisislint-playground-text';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector(selector) as T;
const input = $<HTMLTextAreaElement>('#statement');
const output = $<HTMLElement>('#findings');
const status = $<HTMLElement>('#status');
const nowInput = $<HTMLInputElement>('#now');
const formatSelect = $<HTMLSelectElement>('#input-format');
const exampleSelect = $<HTMLSelectElement>('#example');
const docs = $<HTMLElement>('#rule-docs');

/** What the end-to-end tests and a curious reader can inspect: the latest result and timings. */
const stats: { lastKeystroke: number; latency: number; lintMs: number; renders: number; ready: boolean; firstFindings: number; result?: FileResult } = {
  /** Page start to the first findings shown (loading the engine included). */
  firstFindings: 0,
  lastKeystroke: 0,
  latency: 0,
  lintMs: 0,
  renders: 0,
  ready: false,
};
(window as unknown as { crisislintPlayground: typeof stats }).crisislintPlayground = stats;

// A worker from a Blob URL works from any host and from a file opened from disk (file:// pages
// may not start workers from files).
const worker = new Worker(URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' })));
let rules = new Map<string, RuleMeta<object>>();
let nextId = 1;
let latestSent = 0;
let busy = false;
let pending: LintRequest | undefined;
let shown: { result: FileResult; text: string } | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

function request(): LintRequest {
  const now = nowInput.value ? new Date(`${nowInput.value}Z`) : undefined;
  return {
    id: nextId++,
    text: input.value,
    now: now && !Number.isNaN(now.getTime()) ? now.toISOString() : undefined,
    inputFormat: formatSelect.value || undefined,
  };
}

/** Sends the newest text; while the worker is busy only the newest request waits. */
function lintNow(): void {
  clearTimeout(timer);
  if (!stats.ready) return;
  const next = request();
  latestSent = next.id;
  if (busy) {
    pending = next;
    return;
  }
  busy = true;
  worker.postMessage(next);
}

function lintSoon(): void {
  clearTimeout(timer);
  timer = setTimeout(lintNow, DEBOUNCE_MS);
}

function render(result: FileResult, text: string, ms: number): void {
  shown = { result, text };
  if (!text.trim()) {
    // An empty text is "file is empty" to the engine; here it is only a blank page.
    output.innerHTML = '<p class="empty">Type or paste a statement, or choose an example.</p>';
    status.textContent = '';
  } else {
    output.innerHTML = renderFile({ ...result, filePath: 'Your statement' }, 0, { rules, interactive: true }, 2);
    const findings = result.findings.length;
    status.textContent = result.fatal
      ? result.fatal
      : `${findings} finding${findings === 1 ? '' : 's'}, score ${result.score} ${result.grade}. Linted in ${Math.round(ms)} ms.`;
  }
  if (!stats.renders) stats.firstFindings = performance.now();
  stats.renders++;
  stats.result = result;
  stats.lintMs = ms;
  stats.latency = performance.now() - stats.lastKeystroke;
}

worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
  const message = event.data;
  if ('ready' in message) {
    rules = new Map(message.rules.map((m) => [m.id, m]));
    for (const name of message.formats) formatSelect.add(new Option(name, name));
    docs.innerHTML = renderRuleDocs([...rules.keys()], { rules, examples: true }, 2);
    stats.ready = true;
    document.body.classList.add('ready');
    lintNow();
    return;
  }
  busy = false;
  if (pending) {
    const next = pending;
    pending = undefined;
    busy = true;
    worker.postMessage(next);
  }
  if (message.id !== latestSent) return; // an answer to text that has changed since
  if ('error' in message) {
    status.textContent = `crisislint failed on this text: ${message.error}`;
    return;
  }
  render(message.result, message.result.source ?? input.value, message.ms);
};

worker.onerror = (event) => {
  status.textContent = `The linter could not start: ${event.message}`;
};

input.addEventListener('input', () => {
  stats.lastKeystroke = performance.now();
  try {
    localStorage.setItem(STORAGE_KEY, input.value);
  } catch {
    // Storage may be off (private windows); the playground works without it.
  }
  lintSoon();
});
nowInput.addEventListener('change', lintNow);
formatSelect.addEventListener('change', lintNow);

/** Offset in `text` of a 1-based line and column, as findings give them. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + column - 1);
}

// Apply a suggestion: replace its span in the text that was linted, then lint again at once.
output.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button.apply') : null;
  if (!button || !shown) return;
  if (input.value !== shown.text) return; // the text changed since; its own findings are on the way
  const index = Number(/-m(\d+)$/.exec(button.getAttribute('data-finding') ?? '')?.[1]);
  const suggestion = shown.result.findings[index]?.suggestions[Number(button.getAttribute('data-suggestion'))];
  if (!suggestion) return;
  const text = shown.text;
  const start = offsetOf(text, suggestion.line, suggestion.column);
  const end = offsetOf(text, suggestion.endLine, suggestion.endColumn);
  input.value = text.slice(0, start) + suggestion.text + text.slice(end);
  input.focus();
  input.setSelectionRange(start + suggestion.text.length, start + suggestion.text.length);
  stats.lastKeystroke = performance.now();
  try {
    localStorage.setItem(STORAGE_KEY, input.value);
  } catch {
    // as above
  }
  lintNow();
});

// Following a link to a rule's docs opens them.
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[href^="#rule-"]') : null;
  if (!link) return;
  const target = document.getElementById(link.getAttribute('href')!.slice(1));
  const details = target?.closest('details');
  if (details) details.open = true;
});

for (const [i, example] of EXAMPLES.entries()) exampleSelect.add(new Option(example.name, String(i)));
exampleSelect.addEventListener('change', () => {
  const example = EXAMPLES[Number(exampleSelect.value)];
  if (!example) return;
  input.value = example.text;
  nowInput.value = example.now ? example.now.slice(0, 16) : '';
  exampleSelect.value = '';
  stats.lastKeystroke = performance.now();
  lintNow();
});

let saved: string | null = null;
try {
  saved = localStorage.getItem(STORAGE_KEY);
} catch {
  // as above
}
input.value = saved ?? EXAMPLES[0]?.text ?? '';
if (!saved && EXAMPLES[0]?.now) nowInput.value = EXAMPLES[0].now.slice(0, 16);
$('#legend').innerHTML = principlesLegend();
status.textContent = 'Loading the linter…';
installTips(document);

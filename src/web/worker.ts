// The playground's lint worker: crisislint's own engine, rules and compromise, off the page's
// main thread so typing never waits for tagging. It calls the programmatic API's lintText, so it
// answers each request with the FileResult the CLI computes for the same text (with `detail`, for
// the shared renderer).

import nlp from 'compromise';
import { builtinRuleMeta, lintText, type InputFormatName } from '../api/text.js';
import { INPUT_FORMATS } from '../inputs/index.js';
import type { LintRequest, WorkerMessage } from './protocol.js';

// src/nlp/analysis.ts takes compromise from this hook when one is set (Node's bin sets it too).
(globalThis as Record<symbol, unknown>)[Symbol.for('crisislint.requireCompromise')] = () => nlp;

const scope = self as unknown as { onmessage: ((event: MessageEvent<LintRequest>) => void) | null; postMessage(message: WorkerMessage): void };

scope.onmessage = (event) => {
  const { id, text, now, inputFormat } = event.data;
  const started = performance.now();
  try {
    const result = lintText(text, { filePath: 'playground', now: now ? new Date(now) : new Date(), inputFormat: inputFormat as InputFormatName | undefined, detail: true });
    scope.postMessage({ id, result, ms: performance.now() - started });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};

// Load compromise's lexicon and compile the rules' patterns now, so the first keystroke does not pay for it.
lintText('We are investigating reports that sign-in fails for some users. The issue has been identified. Next update by 14:30 UTC.', { detail: true });
scope.postMessage({ ready: true, rules: builtinRuleMeta(), formats: INPUT_FORMATS.map((f) => f.name) });

// Messages between the playground page (app.ts) and its lint worker (worker.ts).

import type { RuleMeta } from '../rule.js';
import type { FileResult } from '../engine/results.js';

export interface LintRequest {
  id: number;
  text: string;
  /** ISO time to judge pending promises against; the current time when absent. */
  now?: string;
  /** An input format name, or undefined to detect it from the text. */
  inputFormat?: string;
}

export type WorkerMessage =
  | { ready: true; rules: RuleMeta<object>[]; formats: string[] }
  | { id: number; result: FileResult; ms: number }
  | { id: number; error: string };

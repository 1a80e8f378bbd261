// Per-phase timing for the benchmark's breakdown (bench/run.mjs). Off unless the environment
// variable CRISISLINT_TIMING names a file (or is 1, for stderr); when off, every hook is one
// boolean test, so a normal run pays nothing measurable.

export type TimedPhase = 'read' | 'parse' | 'nlp' | 'rules' | 'output';

export interface PhaseTimes {
  /** Process start to the CLI's first line (Node start-up and loading the bundle). */
  startup: number;
  read: number;
  parse: number;
  /** Loading compromise and tagging (inside rules, but counted here rather than in `rules`). */
  nlp: number;
  rules: number;
  output: number;
  /** Process start to the report being written. */
  total: number;
}

/** True when timing is on; checked before every performance.now() call. */
export const timing = { on: false };

export const phaseTimes: PhaseTimes = { startup: 0, read: 0, parse: 0, nlp: 0, rules: 0, output: 0, total: 0 };

export function addPhase(phase: TimedPhase, since: number): number {
  const now = performance.now();
  phaseTimes[phase] += now - since;
  return now;
}

/** Adds times measured elsewhere (a worker thread) to this process's totals. */
export function mergePhaseTimes(other: Partial<PhaseTimes>): void {
  for (const key of ['read', 'parse', 'nlp', 'rules', 'output'] as const) phaseTimes[key] += other[key] ?? 0;
}

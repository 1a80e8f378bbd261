// The --cache store: a file's result is reused while the file's bytes, crisislint, the active
// rules and the settings are unchanged. Most results never read the current time and hold at any
// time. One that did (a pending promise, an open incident going stale) is reused at the same --now,
// or at a later time when it has settled: judged again far in the future it comes out the same
// (its promises are already overdue, its silence already too long), and time-based judgements only
// ever change one way as time passes.

import { createHash } from './lazy-crypto.js';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Rule } from '../api.js';
import { lintBytes, type EngineOptions } from './index.js';
import type { FileResult } from './results.js';
import type { ActiveRule } from './ruleset.js';

export const DEFAULT_CACHE_LOCATION = '.crisislintcache';
const FORMAT = 1;

interface CacheEntry {
  /** Content hash of the file's bytes. */
  hash: string;
  /** The time the result was judged against, or null when no rule read the time. */
  now: string | null;
  /** The result is the same at any later time. */
  settled?: boolean;
  result: FileResult;
}

/** How a result depends on the time it was judged against. */
export type TimeDependence = 'none' | 'settled' | 'pending';

interface CacheFile {
  format: number;
  key: string;
  entries: Record<string, CacheEntry>;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

/** One string that changes whenever anything but the input could change a result. */
export function cacheKey(parts: { version: string; build?: string; rules: ActiveRule[]; settings: Record<string, unknown> }): string {
  const rules = parts.rules.map((r) => ({
    id: r.rule.meta.id,
    severity: r.severity,
    options: r.options,
    maintenance: r.rule.meta.maintenance,
    principle: r.rule.meta.principle,
    // A plugin rule edited in place keeps its id: its code is part of the key.
    code: (r.rule as Rule<object>).check.toString(),
  }));
  const json = JSON.stringify({ version: parts.version, build: parts.build, rules, settings: parts.settings }, (_key, value: unknown) =>
    value instanceof RegExp || typeof value === 'function' ? String(value) : value,
  );
  return createHash('sha1').update(json).digest('base64');
}

/** Where the cache lives: a directory given by the user gets a file inside it, as with ESLint. */
export function resolveCacheFile(location: string): string {
  try {
    if (statSync(location).isDirectory()) return join(location, DEFAULT_CACHE_LOCATION);
  } catch {
    // Not there yet: the location is the file.
  }
  return /[\\/]$/.test(location) ? join(location, DEFAULT_CACHE_LOCATION) : location;
}

export class ResultCache {
  private entries: Record<string, CacheEntry> = Object.create(null) as Record<string, CacheEntry>;
  private changed = false;

  constructor(
    readonly file: string,
    private readonly key: string,
  ) {
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile> | null;
      // Another version, rule set or setting, or not a cache at all: start afresh (the file is
      // rewritten on save). Entries are checked one by one when read, never trusted.
      if (stored?.format === FORMAT && stored.key === key && isRecord(stored.entries)) {
        this.entries = Object.assign(Object.create(null) as Record<string, CacheEntry>, stored.entries);
      } else this.changed = true;
    } catch {
      // Missing, unreadable or corrupt: start empty, and replace it on save.
      this.changed = true;
    }
  }

  /** A stored result for these bytes, valid at `now`, with the path as given this time. */
  get(absolutePath: string, hash: string, now: Date, path: string): FileResult | undefined {
    const entry = this.entries[absolutePath];
    if (!isValidEntry(entry) || entry.hash !== hash) return undefined;
    if (entry.now !== null && entry.now !== now.toISOString() && !(entry.settled && now.getTime() >= Date.parse(entry.now))) return undefined;
    return { ...entry.result, filePath: path };
  }

  set(absolutePath: string, hash: string, result: FileResult, now: Date, time: TimeDependence): void {
    this.entries[absolutePath] = time === 'none' ? { hash, now: null, result } : { hash, now: now.toISOString(), settled: time === 'settled', result };
    this.changed = true;
  }

  /**
   * Writes the cache if anything changed. `write` must replace the file atomically (a temporary
   * file renamed over it: src/cli/atomic-write.ts), so an interrupted run leaves a whole cache.
   */
  save(write: (file: string, data: string) => void): void {
    if (!this.changed) return;
    const data: CacheFile = { format: FORMAT, key: this.key, entries: this.entries };
    mkdirSync(dirname(this.file), { recursive: true });
    write(this.file, JSON.stringify(data));
    this.changed = false;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
const isCount = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/**
 * An entry as save() writes it, holding a result the formatters can print: a cache edited by
 * hand, cut short or written by another tool is read as missing entries, never as results.
 */
function isValidEntry(entry: unknown): entry is CacheEntry {
  if (!isRecord(entry) || typeof entry.hash !== 'string' || (entry.now !== null && typeof entry.now !== 'string')) return false;
  if (typeof entry.now === 'string' && Number.isNaN(Date.parse(entry.now))) return false;
  const result = entry.result;
  if (!isRecord(result) || typeof result.filePath !== 'string' || result.fatal !== undefined) return false;
  if (!(result.score === null || typeof result.score === 'number') || !(result.grade === null || typeof result.grade === 'string')) return false;
  if (!isCount(result.errorCount) || !isCount(result.warningCount) || !isCount(result.infoCount)) return false;
  const incidentOk = (i: unknown) => isRecord(i) && typeof i.score === 'number' && Array.isArray(i.statements) && isRecord(i.checklist);
  if (!Array.isArray(result.incidents) || !result.incidents.every(incidentOk)) return false;
  return (
    Array.isArray(result.findings) &&
    result.findings.every(
      (f) =>
        isRecord(f) &&
        typeof f.ruleId === 'string' &&
        typeof f.message === 'string' &&
        (f.severity === 'error' || f.severity === 'warning' || f.severity === 'info') &&
        typeof f.excerpt === 'string' &&
        [f.line, f.column, f.endLine, f.endColumn].every((n) => typeof n === 'number' && n >= 1) &&
        (f.suggestions === undefined || Array.isArray(f.suggestions)),
    )
  );
}

/** A time long after any statement: judged then, every pending promise and silence has run out. */
const FAR_FUTURE_MS = 100 * 365.25 * 86_400_000;

/**
 * Lints one file against a copy of `now` that notes whether any rule read the time. For the
 * cache, a result that did is judged again far in the future: if nothing changes, it has settled.
 */
export function lintTracked(path: string, bytes: Uint8Array, engine: EngineOptions, forCache: boolean): { result: FileResult; time: TimeDependence } {
  const now = trackedDate(engine.now);
  const result = lintBytes(path, bytes, { ...engine, now: now.date });
  if (!now.wasRead()) return { result, time: 'none' };
  if (!forCache) return { result, time: 'pending' };
  const later = lintBytes(path, bytes, { ...engine, now: new Date(engine.now.getTime() + FAR_FUTURE_MS) });
  return { result, time: JSON.stringify(later) === JSON.stringify(result) ? 'settled' : 'pending' };
}

const DATE_READERS: PropertyKey[] = [
  ...Object.getOwnPropertyNames(Date.prototype).filter((name) => name !== 'constructor' && !name.startsWith('set')),
  Symbol.toPrimitive,
];

/**
 * A Date whose every reading method notes that it was called. The readers live on one shared
 * prototype, so every file's `now` has the same shape: defining them on each copy made each a
 * dictionary-mode object of its own, and the rules' calls on it megamorphic. The flag is a private
 * field: the copy has no own keys, as a Date has none.
 */
class TrackedDate extends Date {
  #read = false;
  get wasRead(): boolean {
    return this.#read;
  }
  static {
    for (const name of DATE_READERS) {
      const original = (Date.prototype as unknown as Record<PropertyKey, (...args: unknown[]) => unknown>)[name];
      Object.defineProperty(TrackedDate.prototype, name, {
        value(this: Date, ...args: unknown[]) {
          if (#read in this) this.#read = true;
          return original.apply(this, args);
        },
        configurable: true,
        writable: true,
      });
    }
  }
}

/**
 * A copy of a Date that notes whether anything read it. Rules read the time through Date methods
 * (getTime, toISOString, comparisons), so a result whose rules never did holds at any time.
 * (`new Date(tracked)` copies the time without a method call; rules compare with getTime().)
 */
export function trackedDate(date: Date): { date: Date; wasRead: () => boolean } {
  const tracked = new TrackedDate(date.getTime());
  return { date: tracked, wasRead: () => tracked.wasRead };
}

// The one wrapper around compromise. compromise is loaded on first use (its start-up costs
// about a quarter of a second) and every sentence text is tagged at most once per process, so
// rules that share a sentence share its analysis, and repeated boilerplate is tagged once.

import { createRequire } from 'node:module';
import { phaseTimes, timing } from '../engine/timing.js';
import { fastBulkMatch } from './fast-sweep.js';

export interface Term {
  text: string;
  /** Lower-case normalised form (compromise's `normal`). */
  normal: string;
  /** compromise tags, e.g. Verb, PastTense, Passive, Copula, Auxiliary, Negative. */
  tags: ReadonlySet<string>;
  /** Offsets of the term's text within the analysed sentence. */
  start: number;
  end: number;
}

export interface Analysis {
  readonly terms: readonly Term[];
  /** Verb forms by compromise's conjugator, e.g. infinitive/past tense of a verb term. */
  conjugate(verb: string): VerbForms | undefined;
}

export interface VerbForms {
  Infinitive?: string;
  PastTense?: string;
  PresentTense?: string;
  Gerund?: string;
  Participle?: string;
}

type Nlp = ((text: string) => CompromiseDoc) & { world(): { hooks: string[] }; plugin(plugin: object): unknown };
interface CompromiseTerm {
  text: string;
  pre: string;
  post: string;
  normal: string;
  tags: Set<string>;
}
interface CompromiseDoc {
  docs: CompromiseTerm[][];
  compute(step: string): CompromiseDoc;
  verbs(): { conjugate(): VerbForms[] };
}

let nlpInstance: Nlp | undefined;

/** compromise as analyse() tags with it (also for bench/lib's harnesses, which must tag the same way). */
export function loadNlp(): Nlp {
  if (!nlpInstance) {
    // The CommonJS build is one file and loads about twice as fast as the ES-module sources;
    // bin/load-bundle.cjs, when it started the bundle, loads it with a V8 code cache.
    const cached = (globalThis as Record<symbol, unknown>)[Symbol.for('crisislint.requireCompromise')] as (() => Nlp) | undefined;
    nlpInstance = cached ? cached() : (createRequire(import.meta.url)('compromise') as Nlp);
    // The last hook, 'chunks', groups terms into noun and verb phrases and changes no tag; only
    // conjugate() (through .verbs()) needs it, and asks for it. Leaving it out saves about a
    // tenth of tagging time (bench/lib/hooks.ts checks the tags are identical).
    const world = nlpInstance.world();
    world.hooks = world.hooks.filter((hook) => hook !== 'chunks');
    // The same pattern selection, about a quarter less tagging time (fast-sweep.ts says why).
    nlpInstance.plugin({ methods: { one: { bulkMatch: fastBulkMatch } } });
  }
  return nlpInstance;
}

/** True once compromise has been loaded in this process (used by the benchmark breakdown). */
export function nlpLoaded(): boolean {
  return nlpInstance !== undefined;
}

const memo = new Map<string, Analysis>();
/** A long-running process (the daemon) starts the memo afresh beyond this many sentences. */
const MEMO_LIMIT = 50_000;
let taggedSentences = 0;
let taggedWords = 0;

export function analysisStats(): { sentences: number; words: number; memoised: number } {
  return { sentences: taggedSentences, words: taggedWords, memoised: memo.size };
}

const conjugations = new Map<string, VerbForms | undefined>();

function conjugate(verb: string): VerbForms | undefined {
  const key = verb.toLowerCase();
  if (conjugations.has(key)) return conjugations.get(key);
  const started = timing.on ? performance.now() : 0;
  const forms = loadNlp()(key).compute('chunks').verbs().conjugate()[0];
  conjugations.set(key, forms);
  if (timing.on) phaseTimes.nlp += performance.now() - started;
  return forms;
}

/** Has this text been tagged in this process (its analysis costs nothing more)? */
export function isTagged(text: string): boolean {
  return memo.has(text);
}

/** Tags a sentence (memoised by its exact text). */
export function analyse(text: string): Analysis {
  if (askObserver) askObserver(text);
  const found = memo.get(text);
  if (found) return found;
  if (!timing.on) return tag(text);
  const started = performance.now();
  try {
    return tag(text);
  } finally {
    phaseTimes.nlp += performance.now() - started;
  }
}

/** Called before each sentence is tagged (bench/tag-callers.mjs: which code asked); off, tag() pays one test. */
let tagObserver: ((text: string) => void) | undefined;
export function observeTagging(observer: ((text: string) => void) | undefined): void {
  tagObserver = observer;
}

/**
 * Called on every request for a sentence's analysis, memoised or not (bench/tag-callers.mjs
 * --askers: every code that asks, where observeTagging sees only the first); off, one test.
 */
let askObserver: ((text: string) => void) | undefined;
export function observeAsking(observer: ((text: string) => void) | undefined): void {
  askObserver = observer;
}
/** For holders of an analysis already made (a sentence's own copy): reports the request as analyse() does. */
export function noteAsked(text: string): void {
  if (askObserver) askObserver(text);
}

/**
 * One Set per distinct tag list, in its order: the memo keeps every analysis for the whole run,
 * and its words share a few hundred combinations (a Set a word was most of the memo's size).
 */
const tagSets = new Map<string, ReadonlySet<string>>();
function sharedTagSet(tags: Set<string>): ReadonlySet<string> {
  let key = '';
  for (const tag of tags) key += `${tag},`;
  const shared = tagSets.get(key);
  if (shared) return shared;
  tagSets.set(key, tags);
  return tags;
}

function tag(text: string): Analysis {
  if (tagObserver) tagObserver(text);
  const doc = loadNlp()(text);
  const terms: Term[] = [];
  let offset = 0;
  for (const sentence of doc.docs) {
    for (const term of sentence) {
      // compromise keeps the exact whitespace and punctuation around each term in pre/post,
      // so walking pre + text + post reconstructs the input and gives offsets.
      const start = text.indexOf(term.text, offset);
      const at = start === -1 ? offset + term.pre.length : start;
      terms.push({ text: term.text, normal: term.normal, tags: sharedTagSet(term.tags), start: at, end: at + term.text.length });
      offset = at + term.text.length;
    }
  }
  taggedSentences++;
  taggedWords += terms.length;
  const analysis: Analysis = { terms, conjugate };
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, analysis);
  return analysis;
}

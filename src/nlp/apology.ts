// The apology detector: does a sentence apologise, to whom, for what, and is it an apology for
// the company's act or a non-apology (conditional, for a hypothetical harm, for the reader's
// feelings)? A text reading: the apology's shape is carried by its function words ("to", "for",
// "if", "who"), so no tagging is needed. Shared by emotion-apology, missing-apology,
// late-apology and denial-first, so that they agree on what counts as an apology.

import type { Span } from './matchers.js';
import { phraseRegex } from './phrases.js';
import apologyPhrases from './phrases/apology.json' with { type: 'json' };

export const APOLOGY_PHRASES = apologyPhrases;

/** Why an apology is no apology for the act. */
export type NonApology = 'conditional' | 'hypothetical' | 'feelings';

export interface Apology extends Span {
  /** "we are not sorry", "we won't apologise". */
  negated: boolean;
  /** The text after the apology word, to the end of the sentence. */
  rest: string;
  /** Whom it is addressed to: "every passenger on the delayed service" (offsets in the sentence). */
  recipient?: Span;
  /** What it is for: "the stress", "the disruption and any impact to your services". */
  object?: Span;
  /** Set when the apology is not for the act: why. */
  nonApology?: NonApology;
  /** The words that make it so: "if you were affected", "any impact", "the stress". */
  reason?: Span;
}

export interface ApologyLists {
  apology: readonly string[];
  feelings: readonly string[];
  vagueHarms: readonly string[];
}

const DEFAULT_LISTS: ApologyLists = apologyPhrases;

const NEGATION_BEFORE = /\b(?:not|never|no|n't|nor)\b[\w\s']{0,12}$|n't\s*$/i;
/** Where the apology's clause ends: a clause break, or a new clause with its own subject. */
// A run-on "… for the inconvenience we promise to keep you updated" starts a new clause at "we"
// and a verb that cannot belong to the object ("the outage we caused" stays one phrase).
const CLAUSE_END = /[;:!?—–]|\.(?:\s|$)|,\s*(?:and|but|while|as|so|we|our|please|thank)\b|\s(?:and|but)\s+(?:we|our|I|thank|appreciate|will)\b|\s(?:we|I)\s+(?:promise|will|shall|would like|want|thank|appreciate|continue|understand|know|remain|hope|assure|(?:'|’)ll)\b/i;
/** Recipients that doubt anyone was hurt: "anyone who", "those of you who". */
const DOUBTED_RECIPIENT = /^(?:anyone|anybody|any of you|those of you|whoever|any (?:customers?|users?|one))\b/i;

interface Compiled {
  feelings: RegExp;
  anyHarm: RegExp;
  mayHave: RegExp;
  condition: RegExp;
  relativeFeeling: RegExp;
}

// Keyed by the two lists the patterns are built from, so a lists object made afresh per call
// ({ ...APOLOGY_PHRASES, apology }) still compiles once.
const compiledLists = new WeakMap<readonly string[], WeakMap<readonly string[], Compiled>>();

function compile(lists: ApologyLists): Compiled {
  let byHarms = compiledLists.get(lists.feelings);
  if (!byHarms) compiledLists.set(lists.feelings, (byHarms = new WeakMap()));
  let c = byHarms.get(lists.vagueHarms);
  if (!c) {
    const feelings = `(?:${lists.feelings.join('|')})`;
    const harms = `(?:${lists.vagueHarms.join('|')})`;
    c = {
      feelings: new RegExp(`\\b${feelings}\\b`, 'i'),
      // "any inconvenience", "all the disruption", "any impact to your services"
      anyHarm: new RegExp(`\\b(?:any|all(?: the)?)\\s+(?:[\\w-]+\\s+){0,2}?(?:${feelings}|${harms})\\b`, 'i'),
      mayHave: /\b(?:may|might|could) have (?:caused|created|resulted|experienced|been|had)\b|\b(?:may|might|could) (?:cause|create|have)\b/i,
      condition: /^(?:if|in case|should|where|to the extent)\b/i,
      // "viewers who found the segment distressing", "anyone who was upset by the delay"
      relativeFeeling: new RegExp(`\\b(?:who|that)\\b.*(?:${feelings}|inconvenienced|distress\\w*|upsett\\w*|offen\\w*)`, 'i'),
    };
    byHarms.set(lists.vagueHarms, c);
  }
  return c;
}

const span = (base: number, text: string, part: string): Span => {
  const at = text.indexOf(part, base);
  return { start: at, end: at + part.length };
};

/** Finds the first apology in a sentence and reads whom it addresses, what for, and whether it is one. */
export function readApology(text: string, lists: ApologyLists = DEFAULT_LISTS): Apology | undefined {
  const m = phraseRegex(lists.apology).exec(text);
  if (!m) return undefined;
  const start = m.index;
  const end = m.index + m[0].length;
  // "We regret to inform you that …" announces; it apologises for nothing.
  if (/^regret/i.test(m[0]) && /^\s+to\s+(?:inform|announce|say|tell|report|share|advise|let|confirm|notify)\b/i.test(text.slice(end))) return undefined;
  const before = text.slice(Math.max(0, start - 30), start);
  const apology: Apology = { start, end, negated: NEGATION_BEFORE.test(before), rest: text.slice(end) };
  const c = compile(lists);
  // The apology's own clause: "…for the outage; we are adding a second provider" stops at ";".
  const restAll = text.slice(end);
  const clauseEnd = CLAUSE_END.exec(restAll);
  const clause = clauseEnd ? restAll.slice(0, clauseEnd.index) : restAll;
  // [, ][to RECIPIENT][for|about|that|if OBJECT]
  const shape = /^(\s*,?\s*(?:(?:to|with)\s+))?([^]*?)$/.exec(clause)!;
  let body = clause;
  let offset = end;
  if (shape[1]) {
    // A recipient runs up to "for"/"about"/"if" or, when none follows, to the clause end.
    const after = clause.slice(shape[1].length);
    const cut = /\s(?:for|about|if|that)\s/i.exec(after);
    const recipientText = (cut ? after.slice(0, cut.index) : after).trim();
    if (recipientText) apology.recipient = span(end + shape[1].length, text, recipientText);
    body = cut ? after.slice(cut.index) : '';
    offset = end + shape[1].length + (cut ? cut.index : after.length);
  }
  const objectMatch = /^\s*,?\s*(?:(for|about|over|that)\s+)?(.*)$/is.exec(body);
  // "We regret any inconvenience": the verb takes its object without "for".
  const lead = objectMatch?.[1] ?? (/^regret/i.test(m[0]) && !shape[1] && objectMatch?.[2]?.trim() ? 'for' : undefined);
  const objectText = objectMatch?.[2]?.replace(/[\s.!]+$/, '') ?? '';
  const condition = c.condition.exec(objectText);
  if (objectText && (lead || condition)) apology.object = span(offset, text, objectText);
  const object = apology.object ? text.slice(apology.object.start, apology.object.end) : '';
  const recipient = apology.recipient ? text.slice(apology.recipient.start, apology.recipient.end) : '';
  const mark = (kind: NonApology, part: string, within: Span | undefined) => {
    apology.nonApology = kind;
    if (within) apology.reason = span(within.start, text, part);
  };
  if (condition) {
    mark('conditional', objectText, apology.object);
  } else if (recipient && DOUBTED_RECIPIENT.test(recipient) && !c.relativeFeeling.test(recipient)) {
    mark('conditional', recipient, apology.recipient);
  } else {
    const any = c.anyHarm.exec(object);
    const may = c.mayHave.exec(object);
    if (any) mark('hypothetical', any[0], apology.object);
    else if (may) mark('hypothetical', object, apology.object);
    else if (recipient && c.relativeFeeling.test(recipient)) mark('feelings', recipient, apology.recipient);
    else if (object && lead !== 'that' && isAboutFeelings(object, c)) mark('feelings', firstPhrase(object), apology.object);
    else if (object && lead === 'that' && /\b(?:you|anyone|customers|users|people|some of you)\s+(?:may |might )?(?:feel|felt|are|were|have been|has been|was|is|be)\s+(?:\w+\s+){0,2}?/i.test(object) && c.feelings.test(object)) {
      mark('feelings', object, apology.object);
    }
  }
  return apology;
}

/** Words that end an object's first noun phrase: "the confusion | this caused", "the stress | and delays". */
const PHRASE_END = new Set(['this', 'that', 'it', 'which', 'you', 'we', 'and', 'or', 'to', 'of', 'for', 'in', 'on', 'at', 'between', 'during', 'with', 'caused', 'from', 'since', 'after', 'when', 'while', 'by', 'as', 'our', 'your', 'its', 'their', 'these', 'those']);

/** The object's first noun phrase: "the inconvenience" in "the inconvenience and understand …". */
function firstPhrase(object: string): string {
  const words = object.split(/(\s+)/);
  let end = 0;
  let count = 0;
  for (const word of words) {
    const bare = word.toLowerCase().replace(/[^\p{L}'’-]/gu, '');
    if (word.trim() && count > 0 && PHRASE_END.has(bare)) break;
    end += word.length;
    if (word.trim()) count++;
  }
  return object.slice(0, end).trim().replace(/[,;:]$/, '');
}

/** "the stress", "your frustration", "the confusion this caused": the head of the object's first noun phrase is a feeling. */
function isAboutFeelings(object: string, c: Compiled): boolean {
  const words = object.toLowerCase().match(/[\p{L}'’-]+/gu) ?? [];
  let head: string | undefined;
  for (const [i, word] of words.entries()) {
    if (i > 0 && PHRASE_END.has(word)) break;
    head = word;
  }
  return !!head && c.feelings.test(head);
}

/** True when the sentence apologises (an apology not negated). */
export function isApology(text: string, lists?: ApologyLists): boolean {
  const m = readApology(text, lists);
  return !!m && !m.negated;
}

/** True when the sentence apologises for the act: not negated, not conditional, hypothetical or for feelings. */
export function isRealApology(text: string, lists?: ApologyLists): boolean {
  const m = readApology(text, lists);
  return !!m && !m.negated && !m.nonApology;
}

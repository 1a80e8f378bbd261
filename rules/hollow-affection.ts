import { defineRule, type Suggestion } from '../src/rule.js';
import type { Span } from '../src/nlp/matchers.js';
import { globalPhraseRegex } from '../src/nlp/phrases.js';
import { FragmentRegExp } from '../src/nlp/prefilter.js';
import { findPlatitudes, PLATITUDE_PHRASES, type PlatitudeLists } from '../src/nlp/platitudes.js';
import data from './data/hollow-affection.json' with { type: 'json' };

interface Options extends PlatitudeLists {
  /** Set phrases that claim care without showing it ("out of an abundance of caution"). */
  platitudes: string[];
  /** Self-praise in place of facts ("I am so proud of our team", "went above and beyond"). */
  praise: string[];
  /** Words that flatter the reader ("valued"); only the word is cut. */
  adjectives: string[];
  /** The nouns those words flatter ("customers"). */
  readers: string[];
}

interface Hit extends Span {
  /** Cut the whole clause (a platitude) or just the word (a flattering adjective). */
  kind: 'clause' | 'word';
  /** Praise of our own people rather than a claim of care. */
  praise?: boolean;
}

// Where a clause ends: punctuation, or a conjunction that starts a new clause.
const CLAUSE_BREAK = /\s*(?:[,;:—–()]|\s(?:and|but|so|because|while|which|although|though|as|yet)\b)\s*/gi;
// Praise is often a fronted phrase with a coordinated noun ("After the tireless efforts of our
// engineers and partners, we …"): its clause ends only at punctuation.
const PUNCTUATION_BREAK = /\s*[,;:—–()]\s*/g;
// Words that carry no content once the platitudes are cut.
const FILLER = /\b(?:and|but|so|also|because|while|which|as|that|although|though|indeed|truly|always|we|I|yet)\b|[^\p{L}\p{N}]+/giu;

// Words that open a clause with a subject of its own ("…, and we fixed it").
const OWN_SUBJECT = new Set(['we', 'i', 'you', 'our', 'your', 'their', 'his', 'her', 'its', 'my', 'the', 'this', 'that', 'these', 'those', 'it', 'they', 'a', 'an', 'all', 'some', 'every', 'each', 'no', 'there', 'here']);

const adjectiveRegexes = new WeakMap<Options, RegExp>();

/**
 * "valued" before a reader noun ("our valued customers"), compiled once per options object; it
 * runs only when the text holds one of the adjectives.
 */
function adjectiveRegex(options: Options): RegExp {
  let re = adjectiveRegexes.get(options);
  if (!re) {
    const readers = options.readers.map((r) => `(?:${r})`).join('|') || '(?!)';
    re = new FragmentRegExp(options.adjectives, '\\b', `\\s+(?=(?:[\\w-]+\\s+){0,4}?(?:${readers})\\b)`, 'iu', true);
    adjectiveRegexes.set(options, re);
  }
  re.lastIndex = 0;
  return re;
}

/** "as quickly as we can": either "as" of a comparison, which breaks no clause. */
function comparison(text: string, found: string, start: number, end: number): boolean {
  if (found.trim().toLowerCase() !== 'as') return false;
  return /^[\w-]+\s+as\b/i.test(text.slice(end, end + 40)) || /\bas\s+[\w-]+$/i.test(text.slice(Math.max(0, start - 40), start));
}

/** Widens a platitude to its whole clause: "we take security seriously" in "…, and we take security very seriously at Acme." */
function clauseOf(text: string, span: Span, breaks: RegExp = CLAUSE_BREAK): Span {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(breaks)) {
    const breakStart = m.index;
    const breakEnd = m.index + m[0].length;
    if (comparison(text, m[0], breakStart, breakEnd)) continue;
    if (breakEnd <= span.start) start = breakEnd;
    else if (breakStart >= span.end) {
      end = breakStart;
      break;
    }
  }
  // Leave the sentence's final punctuation out of the clause.
  while (end > start && /[.!?]/.test(text[end - 1])) end--;
  return { start, end };
}

function findHits(text: string, options: Options): Hit[] {
  const hits: Hit[] = [];
  const platitudes = globalPhraseRegex(options.platitudes);
  for (let m = platitudes.exec(text); m; m = platitudes.exec(text)) hits.push({ kind: 'clause', start: m.index, end: m.index + m[0].length });
  const praise = globalPhraseRegex(options.praise);
  for (let m = praise.exec(text); m; m = praise.exec(text)) {
    const span = { kind: 'clause' as const, praise: true, start: m.index, end: m.index + m[0].length };
    if (!hits.some((h) => h.start < span.end && span.start < h.end)) hits.push(span);
  }
  for (const span of findPlatitudes(text, options)) {
    if (!hits.some((h) => h.start < span.end && span.start < h.end)) hits.push({ kind: 'clause', ...span });
  }
  const adjectives = adjectiveRegex(options);
  for (let m = adjectives.exec(text); m; m = adjectives.exec(text)) {
    const span = { kind: 'word' as const, start: m.index, end: m.index + m[0].length };
    if (!hits.some((h) => h.start <= span.start && h.end >= span.end)) hits.push(span);
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** What is left of the sentence once the given spans are cut, without filler words. */
function leftover(text: string, spans: Span[]): string {
  let rest = '';
  let at = 0;
  for (const s of spans) {
    rest += `${text.slice(at, s.start)} `;
    at = Math.max(at, s.end);
  }
  rest += text.slice(at);
  return rest.replace(FILLER, ' ').trim();
}

/** The cut that removes the platitudes: the sentence, one clause with its connector, or one word. */
function removal(text: string, hits: Hit[]): Suggestion {
  const clauses = hits.map((h) => (h.kind === 'clause' ? clauseOf(text, h, h.praise ? PUNCTUATION_BREAK : CLAUSE_BREAK) : h));
  // A short lead-in ("At Acme,") goes with the platitude it introduces.
  const lead = /^[^,]{1,40},\s*/.exec(text);
  const cutLead = lead && clauses[0].start <= lead[0].length && lead[0].trim().split(/\s+/).length <= 4;
  const withLead = cutLead ? [{ start: 0, end: lead[0].length }, ...clauses] : clauses;
  if (leftover(text, withLead) === '') return { desc: 'Cut the sentence: it claims care without showing it', text: '', start: 0, end: text.length };
  // Prefer cutting a platitude clause over a single flattering word.
  const index = Math.max(0, hits.findIndex((h) => h.kind === 'clause'));
  const first = clauses[index];
  if (hits[index].kind === 'word') return { desc: `Cut "${text.slice(first.start, first.end).trim()}"`, text: '', start: first.start, end: first.end };
  // "It remains our top priority to provide a stable, fast service and to …": the infinitive is
  // what "it" stands for, so the claim runs to the end of the sentence, commas and all.
  if (first.start === 0 && /^it\b/i.test(text) && /\bto\s+[\p{L}]/u.test(text.slice(0, first.end))) {
    return { desc: 'Cut the sentence: it claims care without showing it', text: '', start: 0, end: text.length };
  }
  if (first.start === 0) {
    // Cut the clause and the connector after it, and capitalise what now starts the sentence.
    const after = /^\s*(?:[,;:—–]\s*)?(?:(?:and|but|so|because|while|as|yet)\s+)?/i.exec(text.slice(first.end))!;
    const next = first.end + after[0].length;
    if (next >= text.length) return { desc: 'Cut the platitude', text: '', start: 0, end: text.length };
    // "We value your business and appreciate …": the next clause shares the subject, so keep it.
    const subject = /^(?:we|I)\b/i.exec(text)?.[0];
    const nextWord = /^[\p{L}'’]+/u.exec(text.slice(next))?.[0].toLowerCase() ?? '';
    // "… seriously and today we failed you", ", and when an incident occurs we tell you": what
    // follows has a subject of its own a few words on, so it starts the sentence by itself.
    const ownSubjectLater =
      /^(?:[\p{L}\d'’:-]+\s+){0,5}?(?:we|I|they)\b/iu.test(text.slice(next)) ||
      /^(?:when|whenever|if|once|as|after|before|while|since|because|although|though|where)\b/i.test(nextWord);
    // "We value the trust that our customers and their families place in us": the "and" is
    // inside the relative clause, which runs to the end; the whole sentence is the claim. Not when
    // what follows has its own subject ("we take that responsibility seriously and today we …").
    if (!ownSubjectLater && /\band\s*$/i.test(after[0]) && /\b(?:that|which|who)\s+(?:our|the|we|you|they|their|its|his|her|a|an|many|some|all|every|each|people|customers|members|users)\b[^,;]*$/i.test(text.slice(0, first.end)) && !/[,;:]/.test(text.slice(next))) {
      return { desc: 'Cut the sentence: it claims care without showing it', text: '', start: 0, end: text.length };
    }
    if (subject && /\band\s*$/i.test(after[0]) && !OWN_SUBJECT.has(nextWord) && !ownSubjectLater) {
      return { desc: 'Cut the platitude', text: `${subject[0].toUpperCase()}${subject.slice(1)} ${text[next]}`, start: 0, end: next + 1 };
    }
    return { desc: 'Cut the platitude', text: text[next].toUpperCase(), start: 0, end: next + 1 };
  }
  // Cut the clause with the connector before it: "…, and we take security seriously."
  // Bounded repetitions: an unbounded run of spaces before "$" backtracks on long lines.
  const before = /(?:\s{0,8}[,;:—–]\s{0,8}|\s{1,8})(?:(?:and|but|so|because|while|as|yet)\s{1,8})?$/i.exec(text.slice(0, first.start));
  return { desc: 'Cut the platitude', text: '', start: before ? before.index : first.start, end: first.end };
}

export default defineRule<Options>({
  meta: {
    id: 'hollow-affection',
    principle: 'P8',
    scope: 'sentence',
    severity: 'warning',
    description: 'A platitude claims care ("we take your security very seriously") without showing it.',
    maintenance: true,
    docs: {
      why:
        'During its two-day 2007 outage Skype wrote "we love our customers too much to let that happen"; readers who could not sign in heard a slogan. Claims of care ("your satisfaction is our top priority", "we take your security very seriously", "valued customers") are what every company says after failing; care shows in facts: what you did, what you are changing, what you offer.',
      fix: 'Cut the platitude. Show care instead: name the harm, say what you fixed and what you are changing, offer a remedy. "Valued customers" is just "customers".',
      fail: [
        { text: 'The network is recovering. We love our customers too much to let that happen.' },
        { text: 'We take your security very seriously. On 3 May an attacker used a leaked key to read 1,200 support tickets.' },
        { text: 'Checkout failed for an hour this morning. Thank you for your patience. Your satisfaction is our top priority.' },
        { text: 'We have restored checkout for all of our valued customers.' },
        { text: 'We take every report of abuse on our platform from parents and teachers very seriously.' },
        { text: 'To our valued Gold Tier Rewards members: the lounge booking site was down on Sunday.' },
        { text: 'Keeping every train on time for our passengers is our highest priority.' },
        { text: 'Safety is our core value.' },
        { text: 'Calls and texts failed across the north for two days. As a network, we never take your hard-won loyalty for granted.' },
        { text: 'The privacy and trust of our customers is paramount.' },
        { text: 'Out of an abundance of caution, we signed everyone out on Monday.' },
        { text: 'We value our customers.' },
        { text: 'Your business is important to us.' },
        { text: 'The wellbeing of every family who stays at our parks has always been our number one concern.' },
        { text: 'Card payments failed in our shops on Saturday. We feel your pain.' },
        { text: 'The tracking page was down all weekend. We know how much you rely on us.' },
        // A platitude told across two clauses, a plural value word, a commitment as a lead-in, self-praise.
        { text: 'We never take your loyalty for granted; quality service remains a pillar of the experience we want you to have.' },
        { text: 'Security and privacy are our top concerns here.' },
        { text: 'In keeping with our commitment to transparency, we are sharing what we know so far.' },
        { text: 'I am incredibly proud of our team, who went above and beyond.' },
        // The spec's shape holds even when an admission follows; the cut keeps the admission whole.
        { text: 'We take that responsibility very seriously and today we let you down: no trains ran on the coast line.' },
      ],
      pass: [
        { text: 'On 3 May an attacker used a leaked key to read 1,200 support tickets. We revoked the key within the hour and now rotate every key weekly.' },
        { text: "We're sorry: we know many of you rely on fast delivery, and mail was 40 minutes late this morning." },
        { text: 'Restoring checkout is our only priority right now; next update by 14:30 UTC.' },
        { text: 'Getting every delayed parcel to its owner is our top priority this week.' },
        { text: 'Getting every shop back online is our top priority.' },
        { text: 'We are working day and night to get every shop back online and this is our top priority.' },
        { text: 'Speed was never our top priority for this release; correctness was, and we got it wrong.' },
        { text: 'To our Gold Tier members: the lounge booking site was down on Sunday, and we have refunded every booking fee.' },
        { text: 'We know how much you rely on us to pay your staff on Fridays, and on Friday we failed you: 3,000 payslips went out a day late.' },
      ],
    },
    options: {
      platitudes: data.platitudes,
      praise: data.praise,
      adjectives: data.adjectives,
      readers: data.readers,
      valuePredicates: PLATITUDE_PHRASES.valuePredicates,
      valueVerbs: PLATITUDE_PHRASES.valueVerbs,
      valuedObjects: PLATITUDE_PHRASES.valuedObjects,
      repairGerunds: PLATITUDE_PHRASES.repairGerunds,
      timeBounds: PLATITUDE_PHRASES.timeBounds,
    },
  },
  check(context) {
    const { options } = context;
    for (const statement of context.incident.statements) {
      for (const sentence of statement.sentences) {
        const hits = findHits(sentence.text, options);
        if (hits.length === 0) continue;
        const quote = sentence.text.slice(hits[0].start, hits[0].end).trim();
        const onlyWords = hits.every((h) => h.kind === 'word');
        const praiseOnly = hits.every((h) => h.praise);
        context.report({
          statement,
          sentence,
          start: hits[0].start,
          end: hits[hits.length - 1].end,
          message: onlyWords
            ? `"${quote}" flatters instead of helping. Cut the word, and show you value readers with facts: what you fixed, what you offer.`
            : praiseOnly
              ? `"${quote}" praises your own people instead of telling readers what was done. Cut it, or say what they did: "our engineers rebuilt the order database overnight".`
              : `"${quote}" claims care without showing it. Cut it and let facts show care: what you fixed, what you are changing, what you offer.`,
          suggestions: [removal(sentence.text, hits)],
        });
      }
    }
  },
});

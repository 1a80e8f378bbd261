import { defineRule, type Sentence } from '../src/rule.js';
import { IMPACT_PHRASES } from '../src/nlp/impact.js';
import { APOLOGY_PHRASES, readApology } from '../src/nlp/apology.js';
import type { Span } from '../src/nlp/matchers.js';
import { globalPhraseRegex } from '../src/nlp/phrases.js';
import { isNegation, punctuationBetween } from '../src/nlp/subjects.js';
import data from './data/denial-first.json' with { type: 'json' };

interface Options {
  /** What a denial denies: "crashed", "attack", "exposed", "lost", "affected". */
  denialTargets: string[];
  /** Negations that are not denials: "no longer", "not yet", "cannot sign in" (that is harm). */
  notDenials: string[];
  /** How many opening sentences must not lead with a denial. */
  openingSentences: number;
  /** Words of harm that acknowledge what happened (the shared impact list). */
  harm: string[];
  apology: string[];
}

/** Cheap test before tagging: a negation word at all. */
const NEGATION_PREFILTER = /\b(?:not|no|never|none|nothing|nobody|neither|nor)\b|n't\b|\bcannot\b/i;
/** How far after the negation the denied thing may stand ("has not crashed or been the victim of"). */
const WINDOW = 7;

const anchoredCache = new WeakMap<readonly string[], RegExp>();
function anchored(list: readonly string[]): RegExp {
  let re = anchoredCache.get(list);
  if (!re) anchoredCache.set(list, (re = new RegExp(`^(?:${list.map((p) => `(?:${p})`).join('|') || '(?!)'})$`, 'iu')));
  return re;
}

function spans(re: RegExp, text: string): Span[] {
  const out: Span[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

const inside = (at: number, list: Span[]) => list.some((s) => at >= s.start && at < s.end);

/** Denials in a sentence: a negation followed, in the same clause, by what it denies. */
function findDenials(sentence: Sentence, options: Options): Span[] {
  const text = sentence.text;
  if (!NEGATION_PREFILTER.test(text)) return [];
  const excluded = spans(globalPhraseRegex(options.notDenials), text);
  const targets = anchored(options.denialTargets);
  const terms = sentence.nlp.terms;
  const found: Span[] = [];
  for (let i = 0; i < terms.length; i++) {
    const negation = terms[i];
    if (!isNegation(negation) || negation.normal === 'without') continue;
    // "haven't" is split into "haven't" and an empty negation term: start from the word itself.
    const from = negation.text === '' && i > 0 ? terms[i - 1] : negation;
    if (inside(from.start, excluded) || inside(negation.start, excluded)) continue;
    for (let k = i + 1; k < terms.length && k <= i + WINDOW; k++) {
      if (punctuationBetween(text, terms[k - 1], terms[k]) || terms[k].normal === 'but') break;
      if (targets.test(terms[k].normal)) {
        found.push({ start: from.start, end: terms[k].end });
        i = k;
        break;
      }
    }
  }
  return found;
}

/**
 * The reassurance to move after the acknowledgement, as a sentence: the denying sentence itself
 * when it is short ("We have found no evidence that cards were read, nor that accounts were
 * accessed."), else the denial without a joining word ("nor that accounts were accessed" is a
 * fragment on its own).
 */
function reassurance(text: string, phrase: string): string {
  const whole = text.trim().replace(/[.!]+$/, '');
  if (whole.split(/\s+/).length <= 25) return `${whole}.`;
  const bare = phrase.replace(/^(?:nor|or|and|but)\s+(?:that\s+)?/i, '');
  return `${bare[0].toUpperCase()}${bare.slice(1)} …`;
}

/** Where the sentence first acknowledges what happened: an apology or a word of harm outside any denial. */
function firstAcknowledgement(sentence: Sentence, denials: Span[], options: Options): number | undefined {
  const text = sentence.text;
  let first: number | undefined;
  // A conditional non-apology ("sorry if anyone was affected") acknowledges nothing.
  const apology = readApology(text, { ...APOLOGY_PHRASES, apology: options.apology });
  if (apology && !apology.negated && apology.nonApology !== 'conditional') first = apology.start;
  const harm = globalPhraseRegex(options.harm);
  for (let m = harm.exec(text); m; m = harm.exec(text)) {
    if (inside(m.index, denials)) continue;
    if (first === undefined || m.index < first) first = m.index;
    break;
  }
  return first;
}

export default defineRule<Options>({
  meta: {
    id: 'denial-first',
    principle: 'P2',
    scope: 'statement',
    severity: 'warning',
    description: 'The statement opens with what did not happen before saying what did.',
    maintenance: false,
    docs: {
      why:
        'Skype\'s 2007 statement answered a two-day outage with "the Skype system has not crashed or been victim of a cyber attack". Opening with a denial sounds defensive: readers who cannot sign in want to hear that you know what they are going through. The same reassurance after the acknowledgement ("no customer data was exposed") is welcome.',
      fix: 'Lead with what happened and who it hurt, then reassure: "Sign-in failed for everyone from 09:00 to 11:00 UTC, and we\'re sorry. No account data was exposed."',
      fail: [
        { text: '---\nstatus: identified\n---\nOur system has not crashed or been the victim of a cyber attack. Sign-in is failing for some users.' },
        { text: '---\nstatus: resolved\n---\nNo customer data was exposed. Between 09:00 and 11:00 UTC nobody could sign in, and we are sorry.' },
        { text: "---\nstatus: resolved\n---\nWe're sorry if anyone was affected. Your photos were never at risk of being lost." },
        {
          text: '# Outage\n\n## Investigating (2024-03-01T10:00:00Z)\n\nThis was not a security breach. Payments are failing for all customers.\n\n## Resolved (2024-03-01T11:00:00Z)\n\nPayments work again.',
        },
      ],
      pass: [
        {
          text: "---\nstatus: resolved\n---\nWe're sorry: a bug we shipped signed some of you out for two hours. No passwords or account data were exposed.",
        },
        { text: '---\nstatus: investigating\n---\nUsers cannot sign in to the dashboard. We have not yet found the cause.' },
        {
          text: '# Outage\n\n## Investigating (2024-03-01T10:00:00Z)\n\nPayments are failing for all customers.\n\n## Update (2024-03-01T10:30:00Z)\n\nNo card data was exposed. We are still working on the fix.',
        },
        // What happened comes first, in words of its own; the denial follows.
        { text: '---\nstatus: identified\n---\nWhile running a cleanup script, a few hundred shop accounts were disabled by mistake. This was not an attack, and no orders were lost.' },
        // A purpose with a negated failure is a prevention step, not a denial.
        { text: '---\nstatus: postmortem\n---\nWe modified the signalling software so it would not fail this way again. On Monday trains ran late for three hours because a timetable import crashed, and we are sorry.' },
      ],
    },
    options: {
      denialTargets: data.denialTargets,
      notDenials: data.notDenials,
      openingSentences: 2,
      harm: IMPACT_PHRASES.harm,
      apology: APOLOGY_PHRASES.apology,
    },
  },
  check(context) {
    const { incident, options } = context;
    // Only the opening statement: later updates follow an acknowledgement already made.
    const statement = incident.statements[0];
    if (!statement) return context.notApplicable();
    for (const sentence of statement.sentences.slice(0, options.openingSentences)) {
      // "so it would not fail this way again" is a prevention step, not a denial of what happened.
      let denials = findDenials(sentence, options);
      const prevention = denials.length > 0 ? context.facts(sentence).prevention : undefined;
      if (prevention) denials = denials.filter((d) => d.end <= prevention.start || d.start >= prevention.end);
      let acknowledged = firstAcknowledgement(sentence, denials, options);
      // Harm told in words outside the impact list ("sites were disabled unintentionally") acknowledges too.
      const harm = acknowledged === undefined ? context.facts(sentence).harm : undefined;
      if (harm && !denials.some((d) => harm.start >= d.start && harm.start < d.end)) acknowledged = harm.start;
      const denial = denials[0];
      if (denial && (acknowledged === undefined || denial.start < acknowledged)) {
        const phrase = sentence.text.slice(denial.start, denial.end);
        const echo = reassurance(sentence.text, phrase);
        context.report({
          statement,
          sentence,
          start: denial.start,
          end: denial.end,
          message: `The statement opens with what did not happen ("${phrase}"). Lead with what did happen, to whom, and your apology; then reassure: "We're sorry: [what failed, for whom, when]. ${echo}"`,
        });
        return;
      }
      if (acknowledged !== undefined) return;
    }
  },
});

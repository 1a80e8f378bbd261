import { PropertyTwinRegExp } from '../src/nlp/property-twin.js';
import { defineRule, type Sentence, type Statement } from '../src/rule.js';
import { FragmentRegExp } from '../src/nlp/prefilter.js';
import { capitalisedNames } from '../src/nlp/names.js';
import data from './data/jargon.json' with { type: 'json' };

interface TermEntry {
  /** A regular-expression fragment, case-insensitive, word-bounded. */
  term: string;
  /** A plain-words hint for the message. */
  plain?: string;
}

interface Options {
  /** Internal or technical terms; users add their own as strings or `{ term, plain }`. */
  terms: (TermEntry | string)[];
  /** Expansions the rule can suggest for acronyms ("RCA": "root cause analysis"). */
  acronyms: Record<string, string>;
  /** Acronyms readers know without help (DNS, API, URL…). */
  allow: string[];
  /** Patterns for the page's own codes: region and data-centre codes (NYC1), ticket keys (INFRA-3023). */
  names: string[];
  /** Words a draft leaves for text still to write (TODO): reported as a placeholder, not an acronym. */
  placeholders: string[];
}

interface Compiled {
  entries: { plain?: string }[];
  /** One regex over all terms: the cheap test before trying each term, and which terms may match. */
  anyTerm: FragmentRegExp;
  allow: Set<string>;
  acronyms: Map<string, string>;
  names: RegExp;
  placeholders: Set<string>;
}

// An all-capitals token ("RCA", "SEV1", "SEV-1", "GHES"), optionally plural ("PATs"), not part
// of a path, an address, a hyphenated name ("GPT-4o") or a file name.
// Its property escapes run as their Latin-1 twins on nearly every text (src/nlp/property-twin.ts).
const ACRONYM = new PropertyTwinRegExp(String.raw`(?<![\p{L}\p{N}/\\._@#:-])([A-Z][A-Z0-9]*[A-Z0-9](?:-\d+)?)(s?)(?![\p{L}\p{N}/\\_@-]|\.[\p{L}\p{N}])`, 'gu');
const ANY_ACRONYM = /[A-Z][A-Z0-9]*[A-Z0-9]/;
// Capitalised words that may precede an acronym without making it part of a product name.
const FUNCTION_WORDS = new Set(
  'the a an our this that these those your their its some all any each every no if when while during after before since until and but or in on at for to from with by of as due new please we i per via'.split(' '),
);

const compiled = new WeakMap<Options, Compiled>();

function prepare(options: Options): Compiled {
  let found = compiled.get(options);
  if (!found) {
    const entries = options.terms.map((entry) => {
      const { term, plain } = typeof entry === 'string' ? { term: entry, plain: undefined } : (entry ?? {});
      if (typeof term !== 'string' || term === '') {
        throw new Error(`option "terms": each entry must be a regular expression or { term, plain }, not ${JSON.stringify(entry)}`);
      }
      // A bad term is reported with its own pattern, as before. It is checked without the \p edges
      // (they add no group, so they change no verdict): building \p sets costs V8 ~0.4 ms each.
      try {
        new RegExp(`(?:${term})`, 'giu');
      } catch {
        new RegExp(`(?<![\\p{L}\\p{N}])(?:${term})(?![\\p{L}\\p{N}])`, 'giu');
      }
      return { plain, term };
    });
    found = {
      entries,
      // Runs only the terms whose words the text contains (the same pattern as one alternation).
      anyTerm: new FragmentRegExp(
        entries.map((e) => e.term),
        '(?<![\\p{L}\\p{N}])',
        '(?![\\p{L}\\p{N}])',
        'iu',
      ),
      allow: new Set(options.allow.map((a) => a.toUpperCase())),
      acronyms: new Map(Object.entries(options.acronyms).map(([k, v]) => [k.toUpperCase(), v])),
      names: new RegExp(`^(?:${options.names.length ? options.names.join('|') : '(?!)'})$`, 'u'),
      placeholders: new Set(options.placeholders.map((p) => p.toUpperCase())),
    };
    compiled.set(options, found);
  }
  return found;
}

/**
 * The page's own words: the components it lists as affected ("Compute/FRA1", "Edge Router") and
 * each word of them. Readers of that page know them; they are never jargon to spell out.
 */
function pageVocabulary(affected: string[] | undefined): Set<string> {
  const words = new Set<string>();
  for (const name of affected ?? []) {
    words.add(name.trim().toUpperCase());
    for (const part of name.split(/[\s/,;:()|]+/)) if (part) words.add(part.toUpperCase());
  }
  return words;
}

/** True when the acronym at [start, end) is spelled out right there: "RCA (root cause analysis)" or "root cause analysis (RCA)". */
function spelledOut(text: string, start: number, end: number): boolean {
  if (/^\s*\([^)]*\p{Ll}[^)]*\)/u.test(text.slice(end))) return true;
  return /\p{L}[^()]*\(\s*$/u.test(text.slice(0, start)) && /^\s*\)/.test(text.slice(end));
}

/** "personal access token" -> "personal access tokens", "point of presence" -> "points of presence". */
function pluralise(expansion: string): string {
  const [, head, tail] = /^(.+?)((?: of | for | to ).*)?$/.exec(expansion)!;
  const plural = /[^aeiou]y$/.test(head) ? `${head.slice(0, -1)}ies` : /(?:s|x|ch|sh)$/.test(head) ? `${head}es` : `${head}s`;
  return plural + (tail ?? '');
}

/** "RCA" -> "root cause analysis", or "root cause analysis (RCA)" when the acronym is used again later. */
function spellOut(token: string, plural: boolean, expansion: string, usedAgain: boolean): string {
  const words = plural ? pluralise(expansion) : expansion;
  return usedAgain ? `${words} (${token}${plural ? 's' : ''})` : words;
}

/** Mostly capitals: a shouted heading ("URGENT UPDATE"), not a sentence with acronyms. */
function shouted(text: string): boolean {
  const words = text.match(/\p{L}{3,}/gu) ?? [];
  const caps = words.filter((w) => w === w.toUpperCase()).length;
  return words.length > 0 && caps / words.length >= 0.5 && caps >= 3;
}

export default defineRule<Options>({
  meta: {
    id: 'jargon',
    principle: 'P8',
    scope: 'sentence',
    severity: 'info',
    description: 'Internal or technical terms a customer cannot decode, or an acronym not spelled out on first use.',
    maintenance: true,
    docs: {
      why:
        'Crisis statements are read by customers, not by the engineers who fixed the problem. Internal terms ("pod evictions", "the shard rebalanced", "RCA", "SEV1") are the corporate fog that P8 warns against: they tell readers you are writing for colleagues, and leave them guessing whether and how they were affected.',
      fix: 'Say what happened in customers\' words: "some of our servers restarted", "one part of our database". Spell an acronym out the first time ("root cause analysis (RCA)") or drop it. Add your own terms with the `terms` option and acronyms your readers know with `allow`.\n\nThe page\'s own words are never reported: the components it lists as `affected`, region and data-centre codes (NYC1, FRA1) and ticket keys (INFRA-3023), as the `names` patterns describe them. A placeholder left in a draft (TODO, FIXME; option `placeholders`) is reported as one, not as an acronym.',
      fail: [
        { text: 'A BGP withdrawal caused pod evictions across the cluster.' },
        { text: 'The RCA will be shared once the SEV1 is closed.' },
        { text: 'Uploads failed because the shard rebalanced.' },
        { text: 'Deploys failed because the Zeus queue stalled.', options: { terms: ['zeus(?: queue)?'] } },
        { text: 'Some uploads failed between 14:00 and 14:20 UTC because TODO.' },
        { text: 'Broadband was down in Leeds for six hours on Monday. NTL apologises to everyone affected. The RCA will be shared once the review is complete.' },
        { text: 'The team at NTL is sorry that the ZFS pool filled up and uploads failed.' },
      ],
      pass: [
        { text: 'Our network stopped telling the internet how to reach us, so our website was unreachable for 20 minutes.' },
        { text: 'A root cause analysis (RCA) will follow; the RCA will list every change we make.' },
        { text: 'Some API requests and DNS lookups failed between 14:00 and 14:20 UTC; sign-in via SSO worked.' },
        { text: 'Builds triggered by CI failed for ten minutes.', options: { allow: ['CI'] } },
        { text: 'Servers in our NYC1 and FRA1 regions restarted; we track the follow-up work as INFRA-3023.' },
        { text: 'Broadband was down across the north for six hours. NTL apologises to every customer who lost their connection.' },
        { text: 'At ZPX, we know how much you rely on your card. ZPX payments failed for two hours on Monday.' },
        { text: 'QVB Bank customers could not log in on Friday. QVB’s engineers restored access by 18:00.' },
        { text: 'Bookings on the KLT app failed this morning and we are sorry.\n\nThe KLT Team' },
        { text: '---\ntitle: Slow backups\naffected:\n  - Backups/AMS\n  - VPSX\n---\nBackups on VPSX hosts ran slowly for an hour.' },
      ],
    },
    options: { terms: data.terms, acronyms: data.acronyms, allow: data.allow, names: data.names, placeholders: data.placeholders },
  },
  check(context) {
    const { entries, anyTerm, allow, acronyms, names, placeholders } = prepare(context.options);
    const statements = context.incident.statements;
    const page = pageVocabulary(context.incident.meta.affected);
    // Capitals the statement itself uses as a name ("NTL apologises", "At NTL, we"): the writer's
    // company or product, which its readers know, wherever it appears in the incident.
    const ownNames = capitalisedNames(statements.map((s) => s.text).join('\n\n'));
    // First use counts across the whole incident: a term explained (or reported) once is not repeated.
    const seenTerms = new Set<number>();
    const seenAcronyms = new Set<string>();
    const laterUses = (acronym: string, from: Statement, sentence: Sentence) => {
      const use = new RegExp(`\\b${acronym}s?\\b`);
      return statements.slice(from.index).some((s) => s.sentences.some((x) => (s !== from || x.index > sentence.index) && use.test(x.text)));
    };

    for (const statement of statements) {
      for (const sentence of statement.sentences) {
        const text = sentence.text;
        // Spans already reported as jargon terms: an acronym inside one ("BGP withdrawal") is covered.
        const reported: { start: number; end: number }[] = [];
        if (anyTerm.test(text)) {
          // A term the prefilter rules out cannot match: its regex is not even compiled.
          const may = anyTerm.candidates(text);
          entries.forEach((entry, i) => {
            if (seenTerms.has(i) || !may.includes(i)) return;
            // The term's own pattern, run by anyTerm: compiled once it may match.
            const m = anyTerm.execFragment(i, text);
            if (!m) return;
            if (page.has(m[0].toUpperCase())) return; // a component the page lists as affected
            // A Title Case phrase mid-sentence is a product's name ("Agent Control Plane"), not jargon.
            const words = m[0].split(/[\s-]+/);
            if (m.index > 0 && words.length > 1 && words.every((w) => /^[\p{Lu}\d]/u.test(w))) return;
            seenTerms.add(i);
            reported.push({ start: m.index, end: m.index + m[0].length });
            context.report({
              statement,
              sentence,
              start: m.index,
              end: m.index + m[0].length,
              message: `"${m[0]}" is internal jargon your readers cannot decode. Say what it meant for them in plain words${entry.plain ? `, e.g. "${entry.plain}"` : ''}.`,
            });
          });
        }
        if (!ANY_ACRONYM.test(text)) continue;
        // A shouted sentence has no acronyms to report. Most sentences only hold allowed ones
        // ("UTC", "API"), so the word count is made only once a token could be reported.
        let loud: boolean | undefined;
        for (const m of text.matchAll(ACRONYM)) {
          const token = m[1];
          const key = token.replace(/-/g, '').toUpperCase();
          // "GPT-5" is a version of an allowed name.
          if (allow.has(key) || (token.includes('-') && allow.has(key.replace(/\d+$/, ''))) || seenAcronyms.has(key)) continue;
          const start = m.index;
          const end = start + m[0].length;
          if (placeholders.has(key)) {
            seenAcronyms.add(key);
            context.report({
              statement,
              sentence,
              start,
              end,
              message: `"${m[0]}" is a placeholder left in the text, not something readers can act on. Write what it stands for before you publish.`,
            });
            continue;
          }
          // The page's own codes and components: a region ("FRA1"), a ticket ("INFRA-3023"), "Storage/NYC1".
          if (page.has(key) || page.has(token) || (names.test(token) && !acronyms.has(key))) continue;
          if (ownNames.has(token)) continue;
          // Needs two letters ("RCA", "US2") unless the built-in list knows it ("P99").
          if (!/[A-Z].*[A-Z]/.test(token) && !acronyms.has(key)) continue;
          if (reported.some((r) => r.start <= start && r.end >= end)) continue;
          if ((loud ??= shouted(text))) break;
          if (spelledOut(text, start, end)) {
            seenAcronyms.add(key);
            continue;
          }
          // Part of a product name ("Git LFS", "VS Code") when a capitalised name word precedes it.
          // A capitalised first word of the sentence counts only when tagged as a name.
          const before = /([\p{L}]+)\s+$/u.exec(text.slice(0, start));
          if (before && /^\p{Lu}/u.test(before[1]) && !FUNCTION_WORDS.has(before[1].toLowerCase())) {
            const first = before.index === 0 ? sentence.nlp.terms[0] : undefined;
            if (!first || first.tags.has('ProperNoun') || first.tags.has('Organization')) continue;
          }
          // All-capital English words ("NOT", "WARNING") are not acronyms: only tagging tells them
          // apart, and only sentences that reach this point are tagged.
          if (!/\d/.test(token) && !acronyms.has(key)) {
            const term = sentence.nlp.terms.find((t) => t.start <= start && t.end >= start + token.length);
            if (term && !term.tags.has('Acronym') && !term.tags.has('Abbreviation')) continue;
          }
          seenAcronyms.add(key);
          const expansion = acronyms.get(key);
          const suggestion = expansion ? spellOut(token, m[2] === 's', expansion, laterUses(token, statement, sentence)) : undefined;
          context.report({
            statement,
            sentence,
            start,
            end,
            message: expansion
              ? `"${m[0]}" is an acronym many readers will not know. Spell it out on first use: "${expansion} (${token})", or just "${expansion}".`
              : `"${m[0]}" is an acronym many readers will not know. Spell it out on first use ("Full Name (${token})") or say it in plain words.`,
            suggestions: suggestion === undefined ? undefined : [{ desc: `Spell out "${m[0]}": "${suggestion}"`, text: suggestion, start, end }],
          });
        }
      }
    }
  },
});

import { defineRule, type Suggestion } from '../src/rule.js';
import type { Analysis } from '../src/nlp/analysis.js';
import { GatedRegExp } from '../src/nlp/prefilter.js';
import { PropertyTwinRegExp } from '../src/nlp/property-twin.js';
import { findCompanySubject, speaksAsWe, type CompanySubject, type CompanySubjectLists } from '../src/nlp/voice.js';
import data from './data/impersonal-voice.json' with { type: 'json' };

interface Options {
  /** Nouns that stand for the company or its people as a subject ("company", "team"). */
  companyNouns: string[];
  /** Words that make a subject someone else ("provider", "partner"). */
  thirdParty: string[];
  /** Capitalised words that are not names ("Everyone"). */
  notNames: string[];
  /** What only a company does or feels ("is aware", "regrets", "has identified"). */
  agentPredicates: string[];
}

// Auxiliaries and adverbs between the subject and the act: "is now", "has also", "continues to".
const AUXILIARIES =
  "(?:is|are|was|were|has|have|had|will|would|shall|can|could|may|might|should|must|does|do|did|also|now|currently|actively|still|already|further|fully|deeply|sincerely|truly|been|being|not|never|again|quickly|immediately|since|continues to|continue to|continued to|is continuing to|continuing to|remains|remain|has since)";

const compiled = new WeakMap<Options, { lists: CompanySubjectLists; prefilter: RegExp }>();

/** The matcher's lists and the cheap sentence prefilter, built once per options object. */
function prepare(options: Options) {
  let found = compiled.get(options);
  if (!found) {
    const acts = options.agentPredicates.map((p) => `(?:${p})`).join('|') || '(?!)';
    const lower = (list: string[]) => new Set(list.map((w) => w.toLowerCase()));
    found = {
      lists: {
        companyNouns: lower(options.companyNouns),
        thirdParty: lower(options.thirdParty),
        notNames: lower(options.notNames),
        predicate: new PropertyTwinRegExp(`^\\s+(?:${AUXILIARIES}\\s+)*(?:${acts})(?![\\p{L}\\p{N}])`, 'iu'),
      },
      // Only sentences where a company noun or a capitalised word comes shortly before such an
      // act are tagged. Gated on the acts' words: the pattern is slow to compile (prefilter.ts).
      prefilter: new GatedRegExp(
        `(?:\\b(?:${[...lower(options.companyNouns)].join('|')})|\\b\\p{Lu}[\\p{L}\\p{N}&.-]*)\\s+(?:[\\p{L}\\p{N}.&'-]+\\s+){0,3}?(?:${AUXILIARIES}\\s+)*(?:${acts})(?![\\p{L}\\p{N}])`,
        'u',
      ),
    };
    compiled.set(options, found);
  }
  return found;
}

const FIRST_PERSON_FORMS: Record<string, string> = { is: 'are', was: 'were', has: 'have', does: 'do', "'s": 'are' };

/** "Acme Corporation is aware" -> "We are aware", "The company regrets" -> "We regret". */
function weRewrite(text: string, nlp: Analysis, match: CompanySubject): Suggestion {
  const verb = match.verb;
  let form: string | undefined = FIRST_PERSON_FORMS[verb.normal];
  if (!form && verb.tags.has('PresentTense') && /s$/i.test(verb.normal) && !verb.tags.has('Auxiliary')) {
    form = nlp.conjugate(verb.normal)?.Infinitive;
  }
  const we = match.subject.start === 0 ? 'We' : 'we';
  const rewrite = `${we} ${form ?? text.slice(verb.start, verb.end)}`;
  return { desc: `Speak as "we": "${rewrite}"`, text: rewrite, start: match.subject.start, end: verb.end };
}

export default defineRule<Options>({
  meta: {
    id: 'impersonal-voice',
    principle: 'P8',
    scope: 'statement',
    severity: 'info',
    description: 'The statement never says "we" or "I" and names the company in the third person.',
    maintenance: true,
    docs: {
      why:
        'When Skype accounts were hacked, the first replies were cold and impersonal; what turned it around was a director writing honestly, in the first person. "The company regrets" sounds like a press office, not like the people who broke something and are fixing it.',
      fix: 'Write as the people responsible: "we are aware", "we regret", "we have corrected the configuration". Name the company once if you must, then say "we".',
      fail: [
        { text: '---\nstatus: resolved\n---\nAcme Corporation is aware that a service disruption affected payments on 3 March. The company regrets the disruption.' },
        { text: '---\nstatus: identified\n---\nThe team has identified the cause of the failed uploads and is rolling out a fix. Next update by 14:30 UTC.' },
      ],
      pass: [
        { text: '---\nstatus: resolved\n---\nWe are sorry: payments failed for two hours on 3 March. We have corrected the configuration that caused it.' },
        { text: '---\nstatus: resolved\n---\nCopilot is operating normally. Users are aware of the new sign-in page.' },
        { text: '---\nstatus: identified\n---\nOur provider has identified the cause and is rolling out a fix.' },
        // A headline-style update opens with an incident noun, not a company name.
        { text: '---\nstatus: resolved\n---\nIssue resolved, the backlog of exports drained and downloads are fully restored.' },
      ],
    },
    options: {
      companyNouns: data.companyNouns,
      thirdParty: data.thirdParty,
      notNames: data.notNames,
      agentPredicates: data.agentPredicates,
    },
  },
  check(context) {
    const { lists, prefilter } = prepare(context.options);
    for (const statement of context.incident.statements) {
      if (speaksAsWe(statement.text)) continue;
      for (const sentence of statement.sentences) {
        if (!prefilter.test(sentence.text)) continue;
        const match = findCompanySubject(sentence.nlp, sentence.text, lists);
        if (!match) continue;
        const name = sentence.text.slice(match.subject.start, match.subject.end);
        const suggestion = weRewrite(sentence.text, sentence.nlp, match);
        context.report({
          statement,
          sentence,
          start: match.start,
          end: match.end,
          message: `This update never speaks in the first person and calls the company "${name}", which reads as cold. Speak as the people responsible: "${suggestion.text} …".`,
          suggestions: [suggestion],
        });
        // One finding per statement: the voice is a property of the whole statement.
        break;
      }
    }
  },
});

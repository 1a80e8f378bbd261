import { defineRule, type Incident, type Sentence, type Statement, type Suggestion } from '../src/api.js';
import { describesHarm, IMPACT_PHRASES } from '../src/nlp/impact.js';
import { APOLOGY_PHRASES, findApology, type ApologyMatch } from '../src/nlp/matchers.js';
import { phraseRegex } from '../src/nlp/phrases.js';
import data from './data/emotion-apology.json' with { type: 'json' };

interface Options {
  /** Apology words. */
  apology: string[];
  /** Feelings an apology should not be about ("inconvenience", "frustration"). */
  feelings: string[];
  /** Vague harms that, after "any", make the apology hypothetical ("any disruption"). */
  vagueHarms: string[];
  /** Words that describe harm to customers (an impact sentence the suggestion can quote). */
  harm: string[];
  /** Concrete symptoms ("could not place orders", "timeouts"), which also make an impact sentence. */
  symptoms: string[];
  /** Sentences that mention harm but are no statement of it (status, actions, promises, denials). */
  notImpact: string[];
  /** Words that make an impact sentence unsure; an apology must not quote them. */
  hedges: string[];
  /** Longest impact sentence worth quoting in an apology. */
  maxImpactWords: number;
}

type Kind = 'conditional' | 'hypothetical' | 'feelings';

const compiled = new WeakMap<Options, (rest: string) => Kind | undefined>();

/** Builds the classifier for the text after an apology word, once per options object. */
function classifier(options: Options): (rest: string) => Kind | undefined {
  let classify = compiled.get(options);
  if (classify) return classify;
  const feelings = `(?:${options.feelings.join('|')})`;
  const harms = `(?:${options.vagueHarms.join('|')})`;
  const who = '(?:you|anyone|anybody|everyone|customers|users|those|people|some of you|any of you|many of you|all of you|our \\w+)';
  const conditional = /^[\s,]*(?:(?:to|for) (?:\w+ ){0,3})?(?:if|in case|should)\b/i;
  const anyHarm = new RegExp(`^\\s*(?:(?:for|about)\\s+)?(?:any|all(?: the)?)\\s+(?:\\w+\\s+){0,2}?(?:${feelings}|${harms})\\b`, 'i');
  const theFeeling = new RegExp(`^\\s*(?:for|about)\\s+(?:the|this|that|your|all the)\\s+(?:\\w+\\s+){0,1}?${feelings}\\b`, 'i');
  const mayHaveCaused = /\b(?:may|might|could) have (?:caused|created|resulted|experienced|been)\b/i;
  const youFeel = new RegExp(`\\b${who}\\s+(?:may |might )?(?:feel|felt|are|were|have been|has been|was|is|be|being)\\s+(?:\\w+\\s+){0,2}?${feelings}`, 'i');
  const toUpset = new RegExp(`^\\s*(?:to|for)\\s+${who}(?:\\s+\\w+){0,2}\\s+(?:who|that)\\s+(?:\\w+\\s+){0,2}?(?:${feelings}|inconvenienced)`, 'i');
  classify = (rest: string) => {
    if (conditional.test(rest)) return 'conditional';
    if (anyHarm.test(rest) || mayHaveCaused.test(rest)) return 'hypothetical';
    if (theFeeling.test(rest) || youFeel.test(rest) || toUpset.test(rest)) return 'feelings';
    return undefined;
  };
  compiled.set(options, classify);
  return classify;
}

// What may stand before the apology word for the suggestion to replace the whole apology:
// "We", "We're very", "Again, we sincerely", "Please accept our".
const APOLOGY_LEAD =
  /^\s*(?:(?:again|once again|first(?: of all)?|finally|above all|and|but|so),?\s*)?(?:please accept\s+)?(?:(?:we|i)(?:'re|’re|'m|’m|'d|’d| are| am| do| would like to| want to| wish to| must| will)?\s+)?(?:(?:sincerely|truly|deeply|really|very|so|genuinely|again|also|humbly|profoundly|terribly|extremely)\s+)*(?:(?:our|my)\s+(?:(?:sincere(?:st)?|deepest|humble|heartfelt|honest)\s+)?)?$/i;
// Where the apology clause ends: a clause break after it, else the sentence end.
const APOLOGY_CLAUSE_END = /\s*(?:[;:—–]|,\s*(?:and|but|while|as|so)\b|\s(?:and|but)\s+(?:we|our|I|thank|appreciate)\b)/i;
// "sorry if you were affected by the outage" -> the outage; "sorry to anyone upset by the change" -> the change.
const AFFECTED_BY =
  // Each optional word takes its own following space: runs of "\s*" between optional words could
  // split a long run of spaces in polynomially many ways (tests/regex-safety.test.ts).
  /^\s*(?:(?:to|for) (?:\w+ ){0,3})?(?:(?:if|in case|should)\s+)?(?:(?:you|anyone|anybody|any of you|some of you|those of you|customers|users|everyone)\s+)?(?:who\s+)?(?:(?:were|was|have been|has been|are|feel|feels|felt|got|may have been|might have been)\s+)?(?:\w+ly\s+)?(?:affected|impacted|inconvenienced|disrupted|hit|hurt|bothered|upset|frustrated|annoyed)\s+by\s+(.+?)[.!]*$/i;
// "for any disruption this may have caused" -> "for the disruption".
const ANY_HARM = /^(\s*(?:for|about)\s+)(?:any|all(?: the)?)\s+((?:[\w-]+\s+){0,2}?[\w-]+?)(?:\s+(?:this|that|it|which)\s+(?:may|might|could)\s+have\s+(?:caused|created|resulted in)(?:\s+(?:you|for you|to you|our \w+))?)?[.!]*$/i;

/**
 * The statement's own account of what customers suffered, fit to quote in an apology: it names a
 * harm, is not itself a status, an action, a promise or a denial, and does not hedge. The same
 * statement first, then earlier statements of the incident (newest first).
 */
function impactSentence(incident: Incident, statement: Statement, except: Sentence, options: Options): Sentence | undefined {
  const notImpact = phraseRegex(options.notImpact);
  const hedges = phraseRegex(options.hedges);
  const symptoms = phraseRegex(options.symptoms);
  for (let i = statement.index; i >= 0; i--) {
    for (const sentence of incident.statements[i].sentences) {
      if (sentence === except || /\?\s*$/.test(sentence.text)) continue;
      if (sentence.text.split(/\s+/).length > options.maxImpactWords) continue;
      if (!(describesHarm(sentence.text, options.harm) || symptoms.test(sentence.text))) continue;
      if (notImpact.test(sentence.text) || hedges.test(sentence.text)) continue;
      return sentence;
    }
  }
  return undefined;
}

/** "Sign-in was down …" -> "sign-in was down …", keeping names and acronyms ("GitHub", "API"). */
function asClause(sentence: Sentence): string {
  const text = sentence.text.replace(/[\s.!]+$/, '');
  const first = sentence.nlp.terms[0];
  const word = /^[\p{L}'’-]+/u.exec(text)?.[0] ?? '';
  const keep =
    !first || first.tags.has('ProperNoun') || first.tags.has('Organization') || first.tags.has('Acronym') || first.tags.has('Person') || /\p{Lu}/u.test(word.slice(1)) || word === 'I';
  return keep ? text : text[0].toLowerCase() + text.slice(1);
}

/**
 * A mechanical rewrite of the apology into one for the act. When the incident states its impact
 * plainly, the apology names it ("We're sorry that checkout failed between 14:05 and 15:10 UTC.");
 * otherwise, where dropping the hedges leaves an apology for a named harm ("sorry if you were
 * affected by the outage" -> "sorry for the outage"), that. Nothing is invented: every word of a
 * suggestion comes from the statement, and it must pass this rule's own test.
 */
function actApology(
  sentence: Sentence,
  apology: ApologyMatch,
  impact: Sentence | undefined,
  isStillEmotional: (rewrite: string) => boolean,
): Suggestion | undefined {
  const text = sentence.text;
  const lead = text.slice(0, apology.start);
  if (!APOLOGY_LEAD.test(lead)) return undefined;
  const breakAt = apology.rest.search(APOLOGY_CLAUSE_END);
  let end = breakAt >= 0 ? apology.end + breakAt : text.length;
  while (breakAt < 0 && end > 0 && /[\s.!]/.test(text[end - 1])) end--;
  const rest = text.slice(apology.end, end);
  const word = text.slice(apology.start, apology.end);
  const capital = (s: string) => s[0].toUpperCase() + s.slice(1);
  let rewrite: string | undefined;
  let desc: string;
  if (impact) {
    rewrite = `We're sorry that ${asClause(impact)}`;
    desc = 'Apologise for the harm this statement describes';
  } else {
    const object = AFFECTED_BY.exec(rest)?.[1];
    const any = ANY_HARM.exec(rest);
    const apologyWord = /^(?:regret|apology|apologies)/i.test(word) ? "We're sorry" : `${lead}${word}`;
    if (object) rewrite = `${apologyWord} for ${object}`;
    else if (any) rewrite = `${apologyWord}${any[1]}the ${any[2]}`;
    desc = 'Drop the hedges and apologise for the harm itself';
    rewrite = rewrite && capital(rewrite.trim());
  }
  if (!rewrite || isStillEmotional(rewrite)) return undefined;
  return { desc: `${desc}: "${rewrite}"`, text: rewrite, start: 0, end };
}

const MESSAGES: Record<Kind, string> = {
  conditional: '"Sorry if…" doubts that anyone was hurt. Apologise for what you did: "we\'re sorry we …".',
  hypothetical:
    'An apology for "any inconvenience this may have caused" is for a harm you will not name. Name the failure: "we\'re sorry that checkout failed for an hour".',
  feelings:
    'Apologise for what you did, not for how the reader feels: "we\'re sorry we took sign-in offline for two hours".',
};

export default defineRule<Options>({
  meta: {
    id: 'emotion-apology',
    principle: 'P2',
    scope: 'sentence',
    severity: 'error',
    description: "The apology is for the reader's feelings or a hypothetical harm, not for the company's act.",
    maintenance: true,
    docs: {
      why:
        '"We apologise for any inconvenience" apologises for a feeling the reader may or may not have, and "sorry if you were affected" doubts that anyone was. Both read as non-apologies. A real apology names what the company did.',
      fix: 'Name the act and its effect: "we\'re sorry we took your calls offline for two days", "we\'re sorry that checkout failed between 14:05 and 15:10 UTC".',
      fail: [
        { text: "We're sorry for any inconvenience this may have caused." },
        { text: 'We apologize for the frustration. Sign-in was down from 09:00 to 10:00 UTC.' },
        { text: "We're sorry if you were affected by the outage." },
        { text: 'We regret that some of you feel frustrated by the change.' },
        { text: 'Sorry to anyone who was upset by the delay.' },
      ],
      pass: [
        { text: "We're sorry we took your calls offline for two days." },
        { text: 'We are not sorry for any inconvenience, because there was none: the maintenance went to plan.' },
        { text: "We're sorry for the failed uploads between 10:00 and 12:40 UTC." },
      ],
    },
    options: {
      apology: APOLOGY_PHRASES.apology,
      feelings: APOLOGY_PHRASES.feelings,
      vagueHarms: APOLOGY_PHRASES.vagueHarms,
      harm: IMPACT_PHRASES.harm,
      symptoms: IMPACT_PHRASES.symptoms,
      notImpact: data.notImpact,
      hedges: data.hedges,
      maxImpactWords: data.maxImpactWords,
    },
  },
  check(context) {
    const { incident, options } = context;
    const classify = classifier(options);
    // A suggestion must itself pass this rule.
    const isStillEmotional = (rewrite: string) => {
      const again = findApology(rewrite, options.apology);
      return !again || again.negated || classify(again.rest) !== undefined;
    };
    for (const statement of incident.statements) {
      for (const sentence of statement.sentences) {
        const apology = findApology(sentence.text, options.apology);
        if (!apology || apology.negated) continue;
        const kind = classify(apology.rest);
        if (!kind) continue;
        const impact = impactSentence(incident, statement, sentence, options);
        const suggestion = actApology(sentence, apology, impact, isStillEmotional);
        context.report({ statement, sentence, message: MESSAGES[kind], suggestions: suggestion && [suggestion] });
      }
    }
  },
});

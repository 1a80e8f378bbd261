import { defineRule, type Incident, type Sentence, type Statement, type Suggestion } from '../src/rule.js';
import { describesHarm, IMPACT_PHRASES, reportsOnTheIncident } from '../src/nlp/impact.js';
import { APOLOGY_PHRASES, readApology, type Apology, type NonApology } from '../src/nlp/apology.js';
import { phraseRegex } from '../src/nlp/phrases.js';
import { findAgentlessFailures, mayHaveAgentlessFailure } from '../src/nlp/agency.js';
import { findPassives, isReassurance, mayHavePassive } from '../src/nlp/passive.js';
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

// What may stand before the apology word for the suggestion to replace the whole apology:
// "We", "We're very", "Again, we sincerely", "Please accept our".
const APOLOGY_LEAD =
  /^\s*(?:(?:again|once again|first(?: of all)?|finally|above all|and|but|so),?\s*)?(?:please accept\s+)?(?:(?:we|i)(?:'re|’re|'m|’m|'d|’d| are| am| do| would like to| want to| wish to| must| will)?\s+)?(?:(?:sincerely|truly|deeply|really|very|so|genuinely|again|also|humbly|profoundly|terribly|extremely)\s+)*(?:(?:our|my)\s+(?:(?:sincere(?:st)?|deepest|humble|heartfelt|honest)\s+)?)?$/i;
// Where the apology clause ends: a clause break after it, else the sentence end.
const APOLOGY_CLAUSE_END = /\s*(?:[;:—–]|,\s*(?:and|but|while|as|so)\b|\s(?:and|but)\s+(?:we|our|I|thank|appreciate)\b|\s(?:we|I)\s+(?:promise|will|shall|would like|want|thank|appreciate|continue|understand|know|remain|hope|assure|(?:'|’)ll)\b)/i;
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
      // A question, or a sentence that points back ("This resulted in …"), cannot stand in an apology.
      if (sentence === except || /\?\s*$/.test(sentence.text) || /^\s*(?:this|that|it|these|those|they)\b/i.test(sentence.text)) continue;
      if (sentence.text.split(/\s+/).length > options.maxImpactWords) continue;
      if (!(describesHarm(sentence.text, options.harm) || symptoms.test(sentence.text))) continue;
      if (notImpact.test(sentence.text) || hedges.test(sentence.text)) continue;
      // "The total outage was about 20 minutes" measures the incident; it does not say what failed for whom.
      if (reportsOnTheIncident(sentence.text)) continue;
      // An apology quotes it as the company's act, so it must not hide the actor itself: no
      // failure acting by itself ("the platform became unstable"), no passive ("was taken offline").
      if (mayHaveAgentlessFailure(sentence.text) && findAgentlessFailures(sentence).length > 0) continue;
      if (mayHavePassive(sentence.text) && findPassives(sentence.nlp).some((p) => !isReassurance(sentence.nlp, p))) continue;
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
  apology: Apology,
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

/** The message quotes the file's own words, and the rewrite when there is one. */
function message(kind: NonApology, reason: string, rewrite: string | undefined): string {
  const instead = rewrite ? `: "${rewrite}"` : ': "we\'re sorry that [what failed, for whom]"';
  switch (kind) {
    case 'conditional':
      return `"${reason}" doubts that anyone was hurt. Apologise for what happened${instead}.`;
    case 'hypothetical':
      return `An apology for "${reason}" is for a harm you do not name. Name the failure${instead}.`;
    default:
      return `"${reason}" apologises for how the reader feels, not for what you did. Apologise for the act${instead}.`;
  }
}

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
        { text: 'We apologise to every passenger on the delayed service for the stress.' },
        { text: 'Our apologies to viewers who found the segment distressing.' },
        { text: 'We apologise for the disruption and any impact to your services.' },
        { text: 'Apologies to any subscribers who were inconvenienced by the late newsletter.' },
      ],
      pass: [
        { text: "We're sorry we took your calls offline for two days." },
        { text: 'We are not sorry for any inconvenience, because there was none: the maintenance went to plan.' },
        { text: "We're sorry for the failed uploads between 10:00 and 12:40 UTC." },
        { text: 'We apologise to every passenger on the delayed service for the two-hour wait outside Leeds.' },
        { text: 'Our apologies to viewers: we broadcast the segment without the warning it needed.' },
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
    // A suggestion must itself pass this rule.
    const isStillEmotional = (rewrite: string) => {
      const again = readApology(rewrite, options);
      return !again || again.negated || again.nonApology !== undefined;
    };
    for (const statement of incident.statements) {
      for (const sentence of statement.sentences) {
        const apology = readApology(sentence.text, options);
        if (!apology || apology.negated || !apology.nonApology) continue;
        const impact = impactSentence(incident, statement, sentence, options);
        const suggestion = actApology(sentence, apology, impact, isStillEmotional);
        const reason = apology.reason ? sentence.text.slice(apology.reason.start, apology.reason.end) : sentence.text.slice(apology.start);
        context.report({
          statement,
          sentence,
          message: message(apology.nonApology, reason, suggestion?.text),
          suggestions: suggestion && [suggestion],
        });
      }
    }
  },
});

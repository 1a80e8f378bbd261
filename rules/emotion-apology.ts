import { defineRule } from '../src/api.js';
import { APOLOGY_PHRASES, findApology } from '../src/nlp/matchers.js';

interface Options {
  /** Apology words. */
  apology: string[];
  /** Feelings an apology should not be about ("inconvenience", "frustration"). */
  feelings: string[];
  /** Vague harms that, after "any", make the apology hypothetical ("any disruption"). */
  vagueHarms: string[];
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
    },
  },
  check(context) {
    const classify = classifier(context.options);
    for (const statement of context.incident.statements) {
      for (const sentence of statement.sentences) {
        const apology = findApology(sentence.text, context.options.apology);
        if (!apology || apology.negated) continue;
        const kind = classify(apology.rest);
        if (!kind) continue;
        context.report({ statement, sentence, message: MESSAGES[kind] });
      }
    }
  },
});

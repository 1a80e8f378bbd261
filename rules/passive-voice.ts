import { defineRule, type Suggestion } from '../src/rule.js';
import type { Analysis } from '../src/nlp/analysis.js';
import {
  findPassives,
  isNegatedPassive,
  mayHavePassive,
  passiveSubject,
  PASSIVE_PHRASES,
  type PassiveMatch,
} from '../src/nlp/matchers.js';
import { phraseRegex } from '../src/nlp/phrases.js';
import data from './data/passive-voice.json' with { type: 'json' };

interface Options {
  /** Participles whose agentless passive hides who acted on the failure, cause or fix (warnings). */
  ownershipVerbs: string[];
  /** Participles that describe a state ("is degraded"), never reported. */
  states: string[];
  /** Participles whose "can be …" points the reader somewhere ("can be found on our blog"), never reported. */
  readerVerbs: string[];
}

/** "the issue has been identified" -> "we identified the issue", by compromise's conjugator. */
function activeRewrite(text: string, nlp: Analysis, match: PassiveMatch): Suggestion | undefined {
  const subject = passiveSubject(nlp, match);
  if (!subject) return undefined;
  const between = nlp.terms.slice(match.auxIndex, match.verbIndex).map((t) => t.normal);
  const before = nlp.terms.filter((t) => t.end <= match.start).slice(-1)[0]?.normal;
  const forms = nlp.conjugate(match.verb.normal);
  let verb: string | undefined;
  if (between.includes('being')) verb = forms?.Gerund && `are ${forms.Gerund}`;
  else if (before === 'will') verb = forms?.Infinitive && `will ${forms.Infinitive}`;
  else verb = forms?.PastTense;
  if (!verb) return undefined;
  const particle = match.particle ? ` ${match.particle.text}` : '';
  let object = text.slice(subject.start, subject.end);
  if (/^(The|A|An|This|That|These|Those|Our|Your|Its|Some|All)\b/.test(object)) object = object[0].toLowerCase() + object.slice(1);
  // The subject stands before any "will"/"has", so replacing subject..participle covers them.
  const we = text.slice(0, subject.start).trim() === '' ? 'We' : 'we';
  const rewrite = `${we} ${verb}${particle} ${object}`;
  return { desc: `Say who acted: "${rewrite}"`, text: rewrite, start: subject.start, end: match.end };
}

export default defineRule<Options>({
  meta: {
    id: 'passive-voice',
    principle: 'P2',
    scope: 'sentence',
    severity: 'warning',
    description: 'A passive verb hides who acted on the failure, its cause or its fix.',
    maintenance: true,
    docs: {
      why:
        'Skype\'s 2007 statements said "the issue has now been identified", as if nobody had identified it and nobody had caused it. Readers hear passive voice as evasion: say who acted, and own it.',
      fix: 'Put the actor first: "we identified the issue", "we deployed a fix", "we made mistakes". Agentless passives about other things are reported as info; negated reassurances ("no data was lost") and states ("the API is unavailable") are fine.',
      fail: [
        { text: '---\nstatus: identified\n---\nThe issue has now been identified and a fix has been implemented.' },
        { text: '---\nstatus: postmortem\n---\nMistakes were made during the migration.' },
        { text: '---\nstatus: resolved\n---\nThe change was rolled out to every region at 14:00 UTC.' },
      ],
      pass: [
        { text: '---\nstatus: identified\n---\nWe identified the issue and deployed a fix at 14:10 UTC.' },
        { text: '---\nstatus: resolved\n---\nNo data was lost, and your account was not affected. The dashboard is unavailable for some users.' },
        { text: '---\nstatus: resolved\n---\nWe fixed the bug at 14:10 UTC. More details can be found on our blog.' },
      ],
    },
    options: { ownershipVerbs: data.ownershipVerbs, states: PASSIVE_PHRASES.states, readerVerbs: data.readerVerbs },
  },
  check(context) {
    const ownership = phraseRegex(context.options.ownershipVerbs);
    const readerVerbs = phraseRegex(context.options.readerVerbs);
    for (const statement of context.incident.statements) {
      for (const sentence of statement.sentences) {
        if (!mayHavePassive(sentence.text, context.options.states)) continue;
        const nlp = sentence.nlp;
        for (const match of findPassives(nlp, context.options.states)) {
          if (isNegatedPassive(nlp, match)) continue;
          const phrase = sentence.text.slice(match.start, match.end);
          if (match.hasAgent) {
            context.report({
              statement,
              sentence,
              start: match.start,
              end: match.end,
              severity: 'info',
              message: `Passive with an agent: "${phrase} by …". Put the agent first; active voice is shorter and clearer.`,
            });
            continue;
          }
          // "We are authoring a mitigation that will be deployed": the writer already said who
          // acts; a passive in a relative clause after "we" hides nobody.
          const relative = ['that', 'which'].includes(nlp.terms[match.groupIndex - 1]?.normal ?? '');
          const weSaid = relative && nlp.terms.slice(0, match.groupIndex).some((t) => t.normal === 'we');
          if (weSaid) continue;
          // "More details can be found on our blog": the reader is the one who acts.
          const opener = nlp.terms[match.groupIndex]?.normal;
          if ((opener === 'can' || opener === 'may') && readerVerbs.test(match.verb.normal)) continue;
          const owns = ownership.test(match.verb.normal);
          const suggestion = activeRewrite(sentence.text, nlp, match);
          context.report({
            statement,
            sentence,
            start: match.start,
            end: match.end,
            severity: owns ? undefined : 'info',
            message: owns
              ? `"${phrase}" hides who acted. Say who did it${suggestion ? `: "${suggestion.text}"` : ': "we …"'}.`
              : `Passive voice: "${phrase}". Name who acted unless the actor truly does not matter.`,
            suggestions: suggestion ? [suggestion] : undefined,
          });
        }
      }
    }
  },
});

import { defineRule, type Sentence, type Suggestion } from '../src/rule.js';
import type { Analysis } from '../src/nlp/analysis.js';
import { findPassives, isInDeniedEvidence, isReassurance, mayHavePassive, passiveSubject, PASSIVE_PHRASES, saidByUs, type PassiveMatch } from '../src/nlp/passive.js';
import { phraseRegex } from '../src/nlp/phrases.js';
import { mayTellSevereHarm } from '../src/nlp/understanding.js';
import { punctuationBetween, subjectOf } from '../src/nlp/subjects.js';
import data from './data/passive-voice.json' with { type: 'json' };

interface Options {
  /** Participles whose agentless passive hides who acted on the failure, cause or fix (warnings). */
  ownershipVerbs: string[];
  /** Participles that describe a state ("is degraded"), never reported. */
  states: string[];
  /** Participles whose "can be …" points the reader somewhere ("can be found on our blog"), never reported. */
  readerVerbs: string[];
  /** Nouns after "by" that are a manner, not an agent ("by mistake"). */
  notAgents: string[];
  /** Agents that are the incident itself ("affected by the outage"). */
  incidentAgents: string[];
  /** Participles of harm that, negated, reassure ("no data was lost"). */
  reassurances: string[];
  /** Participles whose hidden actor is an attacker ("hashes were compromised"): never rewritten with "we". */
  attackerActs: string[];
  /** Participles whose hidden actor is the attacker in a statement that tells of an attack ("files were encrypted"). */
  breachActs: string[];
}

/** "checkout was impacted by a deploy we made" -> "a deploy we made impacted checkout" (simple past only). */
function agentRewrite(text: string, nlp: Analysis, match: PassiveMatch): Suggestion | undefined {
  if (!match.agent || match.agentAct || match.sharedSubject || match.verbIndex !== match.auxIndex + 1 || match.groupIndex !== match.auxIndex) return undefined;
  if (!['was', 'were'].includes(nlp.terms[match.auxIndex].normal)) return undefined;
  const subject = movableSubject(text, nlp, match);
  const verb = formsOf(nlp, match.verb.normal)?.PastTense;
  if (!subject || !verb) return undefined;
  const object = asObject(text, nlp, subject);
  let agent = text.slice(match.agent.start, match.agent.end);
  if (subject.start === 0) agent = agent[0].toUpperCase() + agent.slice(1);
  // A complement between the verb and "by" follows the object: "were knocked offline by the
  // storm" -> "the storm knocked our customers offline".
  const by = text.lastIndexOf(' by ', match.agent.start);
  const complement = by > match.end ? ` ${text.slice(match.end, by).trim()}` : '';
  const rewrite = `${agent} ${verb}${match.particle ? ` ${match.particle.text}` : ''} ${object}${complement}`;
  return { desc: `Put the agent first: "${rewrite}"`, text: rewrite, start: subject.start, end: match.agent.end };
}

/**
 * The passive's subject, when it opens its clause and so can be moved behind the verb
 * mechanically ("Connectivity to PHX1 is being restored" -> "… restoring connectivity to PHX1").
 */
function movableSubject(text: string, nlp: Analysis, match: PassiveMatch): { start: number; end: number } | undefined {
  const subject = subjectOf(text, nlp, match.verbIndex);
  // The shared subject finder reads long subjects ("Connectivity to PHX1"); the passive's own
  // scan over the words before the verb group is the fallback.
  if (!subject) return passiveSubject(nlp, match);
  if (subject.relative || subject.negated || subject.end > match.start) return undefined;
  // "…, including name and zip code, was exposed": a comma between the subject found and the verb
  // means the real subject is longer than what was found.
  if (/[,;:()—–]/.test(text.slice(subject.end, match.start))) return undefined;
  if (subject.head.tags.has('Pronoun') && !['this', 'that', 'these', 'those'].includes(subject.head.normal)) return undefined;
  const before = nlp.terms[subject.firstIndex - 1];
  // "The regulator (ICO) and the police have been informed": "and" with no verb before it joins
  // two subjects; moving only the second would change who was informed.
  const joinsSubjects = !!before && ['and', 'or', 'nor'].includes(before.normal) && !nlp.terms.slice(0, subject.firstIndex - 1).some((t) => t.tags.has('Verb'));
  const opensClause = !before || punctuationBetween(text, before, nlp.terms[subject.firstIndex]) || (['and', 'but', 'so', 'then', 'while', 'when', 'after', 'once'].includes(before.normal) && !joinsSubjects);
  return opensClause ? { start: subject.start, end: subject.end } : undefined;
}

/** The subject phrase as an object: "Mistakes" -> "mistakes", keeping names and acronyms ("GitHub", "API"). */
function asObject(text: string, nlp: Analysis, subject: { start: number; end: number }): string {
  const object = text.slice(subject.start, subject.end);
  const first = nlp.terms.find((t) => t.start >= subject.start);
  const word = /^[\p{L}'’-]+/u.exec(object)?.[0] ?? '';
  const name = !first || first.tags.has('ProperNoun') || first.tags.has('Organization') || first.tags.has('Acronym') || first.tags.has('Person') || /\p{Lu}/u.test(word.slice(1));
  return name ? object : object[0].toLowerCase() + object.slice(1);
}

/** The forms of a participle, by compromise's conjugator; "we …" makes it read an adjective-tagged participle as a verb. */
function formsOf(nlp: Analysis, participle: string) {
  return nlp.conjugate(participle) ?? nlp.conjugate(`we ${participle}`);
}

const COMPLETED_FIXES = new Set(['restore', 'fix', 'resolve', 'mitigate', 'deploy', 'apply', 'identify', 'implement', 'complete', 'revert', 'repair', 'recover', 'reprocess', 'rebuild']);
const ADVERBS_AFTER_BE = new Set(['now', 'still', 'also', 'currently', 'already', 'just', 'actively', 'gradually', 'slowly']);

/**
 * The active verb for a passive group, in its tense: "has been identified" -> "have identified",
 * "is being restored" -> "are restoring", "could not be sent" -> "could not send", "will be
 * deployed" -> "will deploy", "was rolled out" -> "rolled out".
 */
function activeVerb(nlp: Analysis, match: PassiveMatch): string | undefined {
  const forms = formsOf(nlp, match.verb.normal);
  if (!forms) return undefined;
  const group = nlp.terms.slice(match.groupIndex, match.verbIndex).map((t) => t.normal).filter(Boolean);
  const be = group.filter((w) => ['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', "'s", "'re", 'get', 'gets', 'got', 'getting', 'gotten'].includes(w));
  const rest = group.filter((w) => !be.includes(w));
  const lead = rest.map((w) => (w === 'has' ? 'have' : w === "n't" ? 'not' : w)).join(' ');
  let verb: string | undefined;
  // "is now being restored" -> "are now restoring": an adverb stays after the be-form; a modal
  // ("could be being …") leads.
  const adverbs = rest.length > 0 && rest.every((w) => ADVERBS_AFTER_BE.has(w));
  if (be.includes('being')) {
    const are = be[0] === 'was' || be[0] === 'were' ? 'were' : 'are';
    verb = forms.Gerund && (adverbs ? `${are} ${lead} ${forms.Gerund}` : `${lead ? `${lead} ` : ''}${are} ${forms.Gerund}`);
  } else if (be.includes('been')) verb = (forms.Participle ?? forms.PastTense) && `${lead} ${forms.Participle ?? forms.PastTense}`;
  else if (be.includes('be')) verb = forms.Infinitive && `${lead} ${forms.Infinitive}`;
  // "Many services are mitigated" -> "we have mitigated many services": a fix told in the present
  // is a state reached, not a habit ("we mitigate many services").
  else if (rest.length === 0 && (be[0] === 'is' || be[0] === 'are' || be[0] === "'re" || be[0] === "'s")) verb = COMPLETED_FIXES.has(forms.Infinitive ?? '') && (forms.Participle ?? forms.PastTense) ? `have ${forms.Participle ?? forms.PastTense}` : forms.Infinitive;
  else if (rest.length === 0) verb = forms.PastTense;
  // "is now restored" -> "have now restored": a present state after "now", "already" or "just" is
  // a completed act; "is still blocked" -> "still block".
  else if (adverbs && (be[0] === 'is' || be[0] === 'are' || be[0] === "'re" || be[0] === "'s")) {
    verb = rest.some((w) => w === 'now' || w === 'already' || w === 'just') ? (forms.Participle ?? forms.PastTense) && `have ${lead} ${forms.Participle ?? forms.PastTense}` : forms.Infinitive && `${lead} ${forms.Infinitive}`;
  }
  // "was not sent" -> "did not send".
  else if (rest.every((w) => w === 'not' || w === 'never')) verb = forms.Infinitive && `${be[0] === 'is' || be[0] === 'are' ? 'do' : 'did'} ${lead} ${forms.Infinitive}`;
  // "is deeply regretted" -> "deeply regret": an adverb keeps the present tense.
  else if (['is', 'are', "'s", "'re"].includes(be[0]) && !rest.some((w) => w === 'not' || w === 'never' || w === "n't")) verb = forms.Infinitive && `${lead} ${forms.Infinitive}`;
  else verb = forms.PastTense && `${lead} ${forms.PastTense}`;
  return verb?.trim().replace(/\s+/g, ' ');
}

/** "the issue has been identified" -> "we have identified the issue", by compromise's conjugator. */
function activeRewrite(text: string, nlp: Analysis, match: PassiveMatch): Suggestion | undefined {
  // "A team has been sent and is working on it": "is working" needs the subject that would move.
  if (match.sharedSubject) return undefined;
  const subject = movableSubject(text, nlp, match);
  if (!subject) return undefined;
  const verb = activeVerb(nlp, match);
  if (!verb) return undefined;
  const particle = match.particle ? ` ${match.particle.text}` : '';
  const object = asObject(text, nlp, subject);
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
      fix: 'Put the actor first: "we identified the issue", "we deployed a fix", "we made mistakes", "we deeply regret the disruption". Agentless passives about other things are reported as info, and so is a passive joined to an act of yours in the same sentence ("we reset the router and the fault has been cleared"). Negated reassurances ("no data was lost"), states ("the API is unavailable"), conditions and purposes ("if the limit is reached", "so a repeat will be caught sooner") and words to the reader ("please be assured") are fine, but a negated act is not a reassurance ("payments could not be sent", "the rule was not updated": who did not?), something done by mistake is an act ("sites were disabled unintentionally"), and a state with an agent ("checkout was impacted by a deploy we made") is an act. "By mistake" or "by 14:00 UTC" names no agent, and an act as agent ("by an accidental deletion") names nobody: say whose it was.',
      fail: [
        { text: '---\nstatus: identified\n---\nThe issue has now been identified and a fix has been implemented.' },
        { text: '---\nstatus: postmortem\n---\nMistakes were made during the migration.' },
        { text: '---\nstatus: resolved\n---\nThe change was rolled out to every region at 14:00 UTC.' },
        { text: "---\nstatus: identified\n---\nWe're sorry: salary payments could not be sent on Friday." },
        { text: '---\nstatus: monitoring\n---\nSome of you could not open your mail this morning. Mailboxes are being restored from last night\'s backups.' },
        { text: '---\nstatus: resolved\n---\nCheckout was impacted by a deploy we made.' },
        { text: '---\nstatus: postmortem\n---\nDuring the clean-up, a few shops were switched off unintentionally. A firewall rule pointing at the old subnet was not updated.' },
        { text: '---\nstatus: resolved\n---\nThe disruption to your deliveries is deeply regretted.' },
      ],
      pass: [
        { text: '---\nstatus: identified\n---\nWe identified the issue and deployed a fix at 14:10 UTC.' },
        { text: '---\nstatus: resolved\n---\nNo data was lost, and your account was not affected. The dashboard is unavailable for some users.' },
        { text: '---\nstatus: resolved\n---\nWe fixed the bug at 14:10 UTC. More details can be found on our blog.' },
        { text: '---\nstatus: resolved\n---\nNo card was charged twice, and no order was lost. Shoppers in Canada were affected by the outage.' },
        { text: '---\nstatus: resolved\n---\nWe added a second alarm so a repeat will be noticed sooner, and the gateway now sheds load if its limit is reached again. Please be assured that no payment was lost.' },
        { text: '---\nstatus: resolved\n---\nWe found no sign that passwords were taken by malware or phishing.' },
      ],
    },
    options: {
      ownershipVerbs: data.ownershipVerbs,
      states: PASSIVE_PHRASES.states,
      readerVerbs: data.readerVerbs,
      notAgents: PASSIVE_PHRASES.notAgents,
      incidentAgents: PASSIVE_PHRASES.incidentAgents,
      reassurances: PASSIVE_PHRASES.reassurances,
      attackerActs: PASSIVE_PHRASES.attackerActs,
      breachActs: PASSIVE_PHRASES.breachActs,
    },
  },
  check(context) {
    const ownership = phraseRegex(context.options.ownershipVerbs);
    const readerVerbs = phraseRegex(context.options.readerVerbs);
    const agentLists = { notAgents: context.options.notAgents, incidentAgents: context.options.incidentAgents };
    // A rewrite must keep what the sentence tells the other rules. The shared detectors read a
    // resolution, a cause or a promise from the passive ("every mailbox has been restored",
    // "was impacted by a deploy") but not yet from every active form ("we have restored every
    // mailbox"), so such sentences get the advice without a mechanical rewrite.
    const rewritable = (sentence: Sentence) => {
      const facts = context.facts(sentence);
      return !facts.promise && !facts.resolution && !facts.cause;
    };
    const attackerActs = phraseRegex(context.options.attackerActs);
    const breachActs = phraseRegex(context.options.breachActs);
    // A statement that tells of an attack: its "records were copied" is the attacker's act.
    let attack: boolean | undefined;
    const tellsOfAttack = () =>
      (attack ??= context.incident.statements.some((s) => s.sentences.some((sentence) => mayTellSevereHarm(sentence.text) && context.facts(sentence).harm?.kind === 'security')));
    for (const statement of context.incident.statements) {
      for (const sentence of statement.sentences) {
        if (!mayHavePassive(sentence.text, context.options.states)) continue;
        const nlp = sentence.nlp;
        for (const match of findPassives(nlp, context.options.states, agentLists)) {
          // "No data was lost" reassures; "payments could not be sent" is a failure someone owns.
          if (isReassurance(nlp, match, context.options.reassurances)) continue;
          // "We found no evidence that any data was taken": a denied finding hides nobody.
          if (isInDeniedEvidence(sentence.text, nlp, match)) continue;
          // "If the limit is reached again", "so a repeat will be caught sooner", "please be
          // assured": no act that happened, or the reader addressed, so nobody is hidden.
          if (match.hypothetical || match.address) continue;
          const phrase = sentence.text.slice(match.start, match.end);
          const report = (message: string, options: { end?: number; severity?: 'info'; suggestion?: Suggestion } = {}) =>
            context.report({
              statement,
              sentence,
              start: match.start,
              end: options.end ?? match.end,
              ...(options.severity ? { severity: options.severity } : {}),
              message,
              suggestions: options.suggestion ? [options.suggestion] : undefined,
            });
          if (match.agent) {
            // "was caused by an accidental deletion of records": the agent is an act, and putting
            // it first ("an accidental deletion caused …") still names nobody.
            if (match.agentAct) {
              const act = sentence.text.slice(match.agent.start, match.agentAct.end);
              report(`Passive with an agent: "${sentence.text.slice(match.start, match.agentAct.end)}". "${act}" is an act that names nobody: say who did it, and if it was you, say so ("we …").`, { end: match.agentAct.end, severity: 'info' });
              continue;
            }
            const withAgent = sentence.text.slice(match.start, match.agent.end);
            const suggestion = rewritable(sentence) ? agentRewrite(sentence.text, nlp, match) : undefined;
            report(`Passive with an agent: "${withAgent}". Put the agent first; active voice is shorter and clearer.`, { end: match.agent.end, severity: 'info', suggestion });
            continue;
          }
          // "We are authoring a mitigation that will be deployed": the writer already said who
          // acts; a passive in a relative clause after "we" hides nobody.
          const relative = ['that', 'which'].includes(nlp.terms[match.groupIndex - 1]?.normal ?? '');
          const weSaid = relative && nlp.terms.slice(0, match.groupIndex).some((t) => t.normal === 'we');
          if (weSaid) continue;
          // "The disruption is deeply regretted": an apology that hides who is sorry.
          if (match.apology) {
            const suggestion = rewritable(sentence) ? activeRewrite(sentence.text, nlp, match) : undefined;
            report(`"${phrase}" apologises without saying who is sorry. Say it yourselves${suggestion ? `: "${suggestion.text}"` : ': "we\'re sorry that [what failed]"'}.`, { suggestion });
            continue;
          }
          // "More details can be found on our blog": the reader is the one who acts.
          const opener = nlp.terms[match.groupIndex]?.normal;
          if ((opener === 'can' || opener === 'may') && readerVerbs.test(match.verb.normal)) continue;
          // "Authentication hashes were compromised": the hidden actor is the attacker, not us.
          if (attackerActs.test(match.verb.normal) || (breachActs.test(match.verb.normal) && tellsOfAttack())) {
            report(`Passive voice: "${phrase}". Say who did it if you know ("an attacker …"), and what you did about it.`, { severity: 'info' });
            continue;
          }
          // The active form of a future passive is a promise ("this post will be updated" -> "we
          // will update this post"), and whether it says enough is for the promise rules to judge:
          // no mechanical rewrite there, nor for a sentence that already holds a promise.
          const auxiliaries = nlp.terms.slice(match.groupIndex, match.auxIndex);
          const future = auxiliaries.some((t) => ['will', 'shall', "won't", "shan't"].includes(t.normal));
          // "Mailboxes cannot be opened": who cannot act now is as often the reader as us, so
          // "we cannot open mailboxes" could change the meaning; no mechanical rewrite.
          const inability = auxiliaries.some((t) => ['cannot', "can't"].includes(t.normal)) || (auxiliaries.some((t) => t.normal === 'can') && auxiliaries.some((t) => t.tags.has('Negative')));
          const suggestion = future || inability || !rewritable(sentence) ? undefined : activeRewrite(sentence.text, nlp, match);
          // "We retuned the filter and the issue has since been resolved": the sentence says who
          // acted, so the passive hides nobody; a style note at most.
          if (saidByUs(nlp, match, context.facts(sentence).clauses)) {
            report(`Passive voice: "${phrase}". The sentence already says you acted; the active voice would say it more plainly.`, { severity: 'info', suggestion });
            continue;
          }
          // "were switched off unintentionally": a mistake someone made, whatever the verb;
          // "a bad update caused traffic to be routed incorrectly": the sentence names what did it.
          const owns = !match.caused && (ownership.test(match.verb.normal) || match.mistake);
          if (owns) report(`"${phrase}" hides who acted. Say who did it${suggestion ? `: "${suggestion.text}"` : ': "we [did what]"'}.`, { suggestion });
          else report(`Passive voice: "${phrase}". Name who acted unless the actor truly does not matter.`, { severity: 'info', suggestion });
        }
      }
    }
  },
});

import { defineRule, type Sentence, type SentenceFacts, type Statement } from '../src/rule.js';
import { isNotice, settledFact, UNSETTLED } from '../src/nlp/understanding.js';
import { analyseTitle, IMPACT_PHRASES, namesAffected, namesAffectedWithoutTagging, namesSymptomOrScope, type AffectedLists } from '../src/nlp/impact.js';

interface Options extends AffectedLists {
  symptoms: string[];
  scope: string[];
  vagueNouns: string[];
  /** Whether a title that names what is affected ("Incident with Codespaces") counts for the statements under it. */
  titleCounts: boolean;
}

/** Words that put a sentence about the incident: what they name is what is affected. */
const INCIDENT_TALK = /\b(?:investigat\w*|looking into|seeing|experienc\w*|affect\w*|impact\w*|disrupt\w*|degrad\w*|queue\w*|wait(?:ing)? times?|backlog|delay\w*|recover\w*|mitigat\w*|restor\w*|unavailab\w*|outage|incident)\b|\b(?:not|n't)\b[^.;]{0,40}\b(?:as expected|correctly|properly)\b/i;

/**
 * Does some sentence of the statement name what is affected, as statementNamesAffected reads it,
 * in words or in tags it already has? False when only tagging could tell (or none does).
 */
function statementNamesAffectedUntagged(statement: Statement, lists: AffectedLists, planned: boolean): boolean {
  return statement.sentences.some(
    (s) =>
      namesAffectedWithoutTagging(s.text, () => s.nlp, lists, () => {
        if (planned || INCIDENT_TALK.test(s.text)) return true;
        // harm || possibleHarm || resolution, each as settled in words (UNSETTLED: unknown).
        let unknown = false;
        for (const name of ['harm', 'possibleHarm', 'resolution'] as const) {
          const fact = settledFact(s, name);
          if (fact === UNSETTLED) unknown = true;
          else if (fact) return true;
        }
        return unknown ? undefined : false;
      }) === true,
  );
}

/** A noun names what is affected only in a sentence about the service: harm done or possible, a recovery, or planned work. */
function statementNamesAffected(statement: Statement, lists: AffectedLists, facts: (s: Sentence) => SentenceFacts, planned: boolean): boolean {
  // Any sentence will do: those whose words name a symptom or scope are asked first, so that
  // an earlier sentence is not tagged for what a later one says outright.
  if (statement.sentences.some((s) => namesSymptomOrScope(s.text, lists))) return true;
  return statement.sentences.some((s) =>
    namesAffected(s.text, () => s.nlp, lists, () => {
      if (planned || INCIDENT_TALK.test(s.text)) return true;
      const f = facts(s);
      return !!(f.harm || f.possibleHarm || f.resolution);
    }),
  );
}

export default defineRule<Options>({
  meta: {
    id: 'missing-impact',
    principle: 'P4',
    scope: 'statement',
    severity: 'warning',
    description: 'The statement does not say what is affected or how (no service, feature, region, customer group or symptom).',
    maintenance: true,
    docs: {
      why:
        'Skype\'s 2007 blog post said its network "suffered critical disruption" without saying that people could not sign in or make calls, or for how long. "We are experiencing some issues" tells nobody whether to wait, retry or switch to something else. Naming the service, the symptom and who is hit lets readers decide for themselves.',
      fix: 'Say what is affected and how: the service or feature, the symptom, and who or where ("sign-in to the dashboard fails with an error for customers in Europe since 09:10 UTC"). Planned maintenance too: say what will be unavailable.',
      fail: [
        { text: '---\nstatus: investigating\n---\nWe are experiencing some issues. We are looking into it.' },
        // A noun is not an affected service: "trust" is not what broke.
        { text: '---\nstatus: investigating\n---\nYour trust matters to us. We are experiencing some issues.' },
        {
          text: '# Disruption with some services\n\n## Investigating (2024-03-01T10:00:00Z)\n\nWe are currently investigating this issue.\n\n## Update (2024-03-01T10:30:00Z)\n\nWe are still investigating.',
        },
        { text: '---\nstatus: scheduled\n---\nWe will perform maintenance on Saturday from 02:00 to 03:00 UTC.' },
      ],
      pass: [
        { text: '---\nstatus: investigating\n---\nSign-in to the dashboard fails for customers in Europe. We are looking into it.' },
        // Soft harm names what is affected too.
        { text: '---\nstatus: investigating\n---\nMembers are running into trouble booking classes in the app.' },
        {
          text: '# Incident with Codespaces\n\n## Investigating (2024-03-01T10:00:00Z)\n\nWe are currently investigating this issue.\n\n## Update (2024-03-01T10:30:00Z)\n\nWe are still investigating.',
        },
        {
          text: '# Upload errors\n\n## Investigating (2024-03-01T10:00:00Z)\n\nAbout one in five uploads fails.\n\n## Update (2024-03-01T10:30:00Z)\n\nWe are still investigating and will post again by 11:00 UTC.',
        },
      ],
    },
    options: {
      symptoms: IMPACT_PHRASES.symptoms,
      scope: IMPACT_PHRASES.scope,
      vagueNouns: IMPACT_PHRASES.vagueNouns,
      titleCounts: true,
    },
  },
  check(context) {
    const { incident, options } = context;
    // A security advisory that reports no harm ("not affected by …") has no impact to describe.
    if (!incident.isMaintenance && isNotice(incident)) return context.notApplicable();
    // What readers already know: a title or component list naming what is affected, or an
    // earlier update that did. A follow-up need not repeat it.
    if ((incident.meta.affected?.length ?? 0) > 0) return;
    // The title is read only when a statement is to be judged: an incident told in resolutions
    // alone never needs it tagged.
    let titleRead = false;
    let known = false;
    for (const statement of incident.statements) {
      if (known) return;
      // A resolution's content is judged by hollow-resolution, which asks for who and what too.
      if (statement.phase === 'resolved' || statement.phase === 'postmortem') continue;
      if (!titleRead) {
        titleRead = true;
        // The title is tagged only when the statement does not already name what is affected in
        // its words or tags (either answer ends the rule's search).
        if (statementNamesAffectedUntagged(statement, options, incident.isMaintenance)) {
          known = true;
          continue;
        }
        if (options.titleCounts && !!incident.meta.title && namesAffected(incident.meta.title, () => analyseTitle(incident.meta.title!), options)) return;
      }
      if (statementNamesAffected(statement, options, context.facts, incident.isMaintenance)) {
        known = true;
        continue;
      }
      context.report({
        statement,
        sentence: statement.sentences[0],
        message:
          'Say what is affected and how: the service or feature, the symptom, and who or where, e.g. "sign-in to the dashboard fails for customers in Europe since 09:10 UTC".',
      });
    }
  },
});

import { defineRule } from '../src/rule.js';
import { CAUSE_PHRASES, findCause } from '../src/nlp/matchers.js';
import { closesIncident, closingStatement, someSentenceHas } from '../src/nlp/understanding.js';

interface Options {
  /** Phrases that give a cause or a working theory. */
  markers: string[];
  /** Phrases that mention a cause without giving one ("working to identify the cause"). */
  notCause: string[];
}

export default defineRule<Options>({
  meta: {
    id: 'missing-cause',
    principle: 'P3',
    scope: 'statement-or-timeline',
    severity: 'warning',
    description: 'No cause and no working theory: rumours fill the gap.',
    maintenance: false,
    docs: {
      why:
        'Skype took days to offer any cause for its 2007 outage, and rumours of a cyber attack filled the silence. A cause, or an honest working theory, tells readers you understand what happened.',
      fix: 'Say what caused it ("caused by a certificate that expired at 07:50"), or what you suspect ("we believe a configuration change is involved"). While investigating, say what you are checking.',
      fail: [
        // A judgement of the outage names no cause.
        { text: '---\nstatus: postmortem\n---\nOur network outage last week was unacceptable. Thousands of homes had no internet for a whole day.' },
        { text: '---\nstatus: resolved\n---\nSign-in failed for all users between 09:00 and 11:00 UTC. Everything is working again.' },
        // An effect, a promised review and a bare mention are not causes.
        { text: '---\nstatus: resolved\n---\nThe ticket office was closed all morning and the failure caused real hardship. A full review of what happened is under way.' },
        {
          text: '# Outage\n\n## Investigating (2024-03-01T10:00:00Z)\n\nUploads are failing for all users.\n\n## Resolved (2024-03-01T11:00:00Z)\n\nUploads work again for all users.',
        },
        // The response to the incident is not its cause.
        { text: '---\nstatus: resolved\n---\nWhile restoring the archive, we kept the shop open for new orders. Orders work normally again.' },
      ],
      pass: [
        // A working theory, hedged.
        { text: '---\nstatus: resolved\n---\nSome members got warning texts last night. The texts were probably set off by mistake, and we have retuned the warning system.' },
        { text: '---\nstatus: resolved\n---\nSign-in failed between 09:00 and 11:00 UTC because a certificate expired.' },
        {
          text: '# Outage\n\n## Investigating (2024-03-01T10:00:00Z)\n\nUploads are failing for all users.\n\n## Identified (2024-03-01T10:20:00Z)\n\nThe failures were caused by a full disk on one storage node.\n\n## Resolved (2024-03-01T11:00:00Z)\n\nUploads work again for all users.',
        },
        { text: '---\nstatus: investigating\n---\nWe suspect a faulty network switch in our Frankfurt data centre is dropping requests to the API.' },
        // An advisory saying we are not affected is a notice: the harm it tells is the vulnerability's, not ours.
        { text: 'Security advisory: a flaw in a popular image-processing library was disclosed on Monday, and criminals around the world are using it to take over web servers. None of our apps include that library, so they are not affected.' },
        // A provider's failure told first, its effect on us after "As a result".
        { text: '# Uploads\n\n## Investigating (2024-03-01T10:00:00Z)\n\nOur storage provider is returning errors for some requests. As a result, uploads fail for some customers in Europe. Next update by 10:30 UTC.\n\n## Resolved (2024-03-01T10:25:00Z)\n\nThe provider fixed its storage nodes and uploads work again for all customers.' },
        // A cause as the subject of an effect verb, with no connective.
        { text: '---\nstatus: resolved\n---\nFloodwater in our main data centre knocked out the payments platform for six hours on Tuesday. Payments work again.' },
        // What the message recommends counts as a working theory.
        { text: '---\nstatus: investigating\n---\nUploads fail for all users. We are checking last night\'s database change.' },
        // A task of ours told around the failure gives its cause.
        { text: '---\nstatus: resolved\n---\nWhile running a cleanup job, we deleted a handful of customer mailboxes by mistake. Every mailbox has been restored.' },
        { text: '---\nstatus: resolved\n---\nThe clinic booking site was the victim of a denial-of-service attack on Monday and was slow for two hours. It works normally again.' },
      ],
    },
    options: { markers: CAUSE_PHRASES.markers, notCause: CAUSE_PHRASES.notCause },
  },
  check(context) {
    const { incident, options } = context;
    // Over a timeline, a cause given in any statement (or a linked post-mortem) explains it.
    if (incident.meta.postmortem && incident.isTimeline) return;
    // The shared cause detector reads each sentence's clauses; phrases a user adds still count.
    const extended = options.markers.length > CAUSE_PHRASES.markers.length;
    // A cause in any sentence will do: the words first, and a sentence is tagged for one only
    // when no other sentence settles it (someSentenceHas).
    const sentences = incident.statements.flatMap((statement) => statement.sentences);
    if (extended && sentences.some((sentence) => findCause(sentence.text, options.markers.slice(CAUSE_PHRASES.markers.length), options.notCause))) return;
    if (someSentenceHas(sentences, 'cause')) return;
    const target = closingStatement(incident);
    const investigating = !closesIncident(target) && (target.phase === 'investigating' || target.phase === 'identified');
    context.report({
      statement: target,
      sentence: target.sentences[0],
      severity: investigating ? 'info' : undefined,
      message: investigating
        ? 'No cause or working theory yet. Say what you are checking ("we are checking last night\'s database change").'
        : 'No cause or working theory. Say what caused it ("caused by …") or what you believe happened ("we believe …").',
    });
  },
});

import { defineRule } from '../src/rule.js';
import { findInfoPromise, findUpdatePromise, hasConcreteTime, PROMISE_PHRASES, type InfoPromiseKind } from '../src/nlp/promises.js';
import { phraseRegex } from '../src/nlp/phrases.js';

interface Options {
  /** Promises of more information or another update (regular-expression fragments). */
  promises: string[];
  /** Places that make a promise concrete ("on our blog", "here", "by email"). */
  channels: string[];
  /** Day-level times that make a promise concrete ("tomorrow", "by Friday"). */
  concreteTimes: string[];
  /** Cues that make a sentence about the next update (a timed one covers the whole statement). */
  updateCues: string[];
}

const MESSAGES: Record<InfoPromiseKind, string> = {
  update:
    'Promises an update without saying when. Give a time or cadence readers can count on: "Next update by 14:30 UTC" or "We will post here every 30 minutes".',
  details:
    'Promises more information without saying when or where. Say both: "We will post what we find here by 16:00 UTC" or "on our blog by Friday".',
  cause:
    'Promises a cause without saying when or where. Say both: "We will publish the root cause on our blog by Friday 20 March".',
  postmortem:
    'Promises a report without saying when or where. Say both: "We will publish a post-mortem on our blog within five working days".',
};

/** A time that opens the sentence before the promise: "By the end of next week, our lead will post …". */
function frontedTime(text: string, promiseStart: number, concreteTimes: readonly string[]): boolean {
  const opener = /^\s*((?:by|before|on|at|within|no later than|early|later|next|this|tomorrow|tonight)\b[^,;.]{0,50}),/i.exec(text.slice(0, promiseStart));
  return !!opener && hasConcreteTime(opener[1], concreteTimes);
}

export default defineRule<Options>({
  meta: {
    id: 'vague-promise',
    principle: 'P5',
    scope: 'sentence',
    severity: 'warning',
    description: 'A promise of more information or another update with no time or place.',
    maintenance: true,
    docs: {
      why:
        'Skype\'s 2007 "More details will follow soon" left millions waiting, and the explanation came five days later. "Soon" and "as it becomes available" give readers nothing to hold you to, so they keep refreshing, guess, and fill the silence with rumour. A time or a place turns the promise into one they can plan around and you can keep.',
      fix: 'Say when and where: "Next update by 14:30 UTC", "We will post updates here every 30 minutes", "We will publish a full report on our blog by Friday 20 March". If you cannot commit to a time for the details, commit to a time for the next update.',
      fail: [
        { text: '---\nstatus: investigating\n---\nOur mobile network is down in the north. We promise to keep communicating further updates as these become available.' },
        { text: '---\nstatus: investigating\n---\nSign-in is failing for all users. We are looking into it. Updates to follow.' },
        { text: '---\nstatus: identified\n---\nUploads fail for one in five users because a storage node is full. We will share more information as it becomes available.' },
        { text: '---\nstatus: resolved\n---\nPayments work again for everyone after a failed database upgrade. More details soon.' },
        { text: '---\nstatus: resolved\n---\nThe booking site works again. Our engineers will follow up with a breakdown of the incident.' },
      ],
      pass: [
        { text: '---\nstatus: investigating\n---\nSign-in is failing for all users. We will share what we find here; next update by 14:30 UTC.' },
        { text: '---\nstatus: resolved\n---\nPayments work again for everyone after a failed database upgrade. We will publish a full report on our blog on Friday 20 March.' },
        { text: '---\nstatus: identified\n---\nUploads fail for one in five users because a storage node is full. We will share more as we learn it. Next update in 30 minutes.' },
        { text: '---\nstatus: resolved\n---\nThe booking site works again. By the end of next week, our engineering lead will post a full write-up.' },
        { text: '---\nstatus: investigating\n---\nThe booking site is down for all customers. We will keep you informed through the Help Centre.' },
      ],
    },
    options: {
      promises: PROMISE_PHRASES.infoPromises,
      channels: PROMISE_PHRASES.channels,
      concreteTimes: PROMISE_PHRASES.concreteTimes,
      updateCues: PROMISE_PHRASES.updateCues,
    },
  },
  check(context) {
    const { incident, options } = context;
    const channels = phraseRegex(options.channels);
    for (const statement of incident.statements) {
      // A timed next update anywhere in the statement covers "we will share more as we learn it".
      let timedUpdate: boolean | undefined;
      for (const sentence of statement.sentences) {
        const text = sentence.text;
        // The promise lists are compiled regular expressions (no tagging), cheap enough for every sentence.
        const promise = findInfoPromise(text, options.promises);
        if (!promise) continue;
        // Someone else's schedule is theirs to keep ("our provider will share details").
        const fact = context.facts(sentence).promise;
        if (!fact && findInfoPromise(text)) continue;
        // The time must come with the promise ("we will publish it by Friday") or open its clause
        // ("By the end of next week, our lead will post …"); a time elsewhere earlier in the
        // sentence is usually when the trouble began. A channel counts anywhere in it.
        if (hasConcreteTime(text.slice(promise.start), options.concreteTimes) || channels.test(text)) continue;
        if (frontedTime(text, promise.start, options.concreteTimes)) continue;
        timedUpdate ??= statement.sentences.some((s) => !!findUpdatePromise(s.text, statement.time, options.updateCues));
        if (timedUpdate) break;
        context.report({ statement, sentence, start: promise.start, end: promise.end, message: MESSAGES[promise.kind] });
      }
    }
  },
});

import { defineRule, type Statement } from '../src/rule.js';
import { findDetailsPromise, findUpdatePromise, PROMISE_PHRASES } from '../src/nlp/promises.js';
import { someSentenceHas } from '../src/nlp/understanding.js';
import { CLOSED_PHASES } from '../src/engine/model.js';
import { formatTime, minutesBetween } from '../src/engine/timeline.js';
import data from './data/unfulfilled-promise.json' with { type: 'json' };

interface Options {
  /** Grace on a next-update time: this share of the promised interval... */
  graceShare: number;
  /** ...or this many minutes, whichever is larger. */
  graceMinutes: number;
  /** Days a promise of details in the newest statement stays pending. */
  detailsDays: number;
  /** New content words a later statement must add to count as delivering "more details". */
  newFactWords: number;
  updateCues: string[];
  stopwords: string[];
}

const WORD = /[\p{L}][\p{L}\p{N}'-]{3,}|\d+(?:[.:]\d+)?%?/gu;

function contentWords(statement: Statement, stop: ReadonlySet<string>): Set<string> {
  const words = new Set<string>();
  for (const m of statement.text.toLowerCase().matchAll(WORD)) if (!stop.has(m[0])) words.add(m[0]);
  return words;
}

const POSTMORTEM_LINK = /post-?mortem|incident-?report|retro|rca|root-?cause|write-?up|blog/i;

export default defineRule<Options>({
  meta: {
    id: 'unfulfilled-promise',
    principle: 'P5',
    scope: 'timeline',
    severity: 'error',
    description: 'A next-update time or a promise of more details that the timeline does not keep.',
    maintenance: true,
    docs: {
      why:
        'Skype promised an explanation of its 2007 outage and delivered it five days later; GoDaddy posted hourly in 2012 even with nothing new, because a missed update reads as abandonment. Every "next update in 30 minutes" and "more details soon" is a promise readers hold you to.',
      fix: 'Post the next update by the time you gave, even if it only says "no news yet, next update by …". Deliver promised details, a cause or a post-mortem in a later update, or do not promise them.',
      fail: [
        {
          text: '# Upload errors\n\n## Investigating (2024-02-10T10:07:00Z)\n\nUploads fail for one in five users. Next update in 30 minutes.\n\n## Update (2024-02-10T11:45:00Z)\n\nWe are still investigating the upload failures.\n\n## Resolved (2024-02-10T12:40:00Z)\n\nUploads work again; a full disk on one storage node caused the failures.',
        },
        {
          text: '# Upload errors\n\n## Identified (2024-02-10T12:10:00Z)\n\nUploads fail for one in five users. We will share more details once this is fixed.\n\n## Resolved (2024-02-10T12:40:00Z)\n\nThis incident has been resolved.',
        },
      ],
      pass: [
        {
          text: '# Upload errors\n\n## Investigating (2024-02-10T10:07:00Z)\n\nUploads fail for one in five users. Next update in 30 minutes.\n\n## Update (2024-02-10T10:35:00Z)\n\nA full disk on one storage node caused the failures; we are moving uploads away from it.\n\n## Resolved (2024-02-10T11:00:00Z)\n\nUploads work again for everyone.',
        },
        {
          now: '2024-02-10T12:20:00Z',
          text: '# Upload errors\n\n## Investigating (2024-02-10T12:00:00Z)\n\nUploads fail for one in five users. Next update by 12:30 UTC.',
        },
      ],
    },
    options: {
      graceShare: 0.1,
      graceMinutes: 5,
      detailsDays: 7,
      newFactWords: 8,
      updateCues: PROMISE_PHRASES.updateCues,
      stopwords: data.stopwords,
    },
  },
  check(context) {
    const { incident, options, now } = context;
    const statements = incident.statements;
    // A single statement with no timeline never breaks a promise.
    if (!incident.isTimeline || statements.length === 0) return context.notApplicable();
    const stop = new Set(options.stopwords);
    const newest = statements[statements.length - 1];
    const closed = CLOSED_PHASES.has(newest.phase);

    statements.forEach((statement, i) => {
      const next = statements[i + 1];
      for (const sentence of statement.sentences) {
        // (a) A next-update time.
        // Only our own promises: someone else's schedule ("our provider expects to report back by noon") binds them.
        const ours = !!context.facts(sentence).promise;
        const update = ours && statement.time ? findUpdatePromise(sentence.text, statement.time, options.updateCues) : undefined;
        if (update?.due && statement.time) {
          const interval = update.minutes ?? minutesBetween(statement.time, update.due);
          const grace = Math.max(options.graceShare * interval, options.graceMinutes);
          const deadline = update.due.getTime() + grace * 60_000;
          const promised = `the next update ${/^\d/.test(update.said) ? 'by' : ''} ${update.said}`.replace(/\s+/g, ' ');
          if (next?.time && next.time.getTime() > deadline) {
            const late = Math.round(minutesBetween(update.due, next.time));
            context.report({
              statement,
              sentence,
              start: update.start,
              end: update.end,
              message: `Promised ${promised} (due ${formatTime(update.due)}), but the next update came at ${formatTime(next.time, update.due)}, ${late} minutes late. Post by the time you give, even to say "no news yet".`,
            });
          } else if (!next && !closed && now.getTime() > deadline) {
            context.report({
              statement,
              sentence,
              start: update.start,
              end: update.end,
              message: `Promised ${promised} (due ${formatTime(update.due)}), and no update has followed. Post one now, even to say "no news yet".`,
            });
          }
        }
        // (b) More details, a cause or a post-mortem.
        const details = ours ? findDetailsPromise(sentence.text) : undefined;
        if (!details) continue;
        if (delivered(i)) continue;
        if (!next) {
          const pendingUntil = (statement.time?.getTime() ?? now.getTime()) + options.detailsDays * 86_400_000;
          if (now.getTime() <= pendingUntil) continue;
        }
        const what = details.kind === 'postmortem' ? 'a post-mortem' : details.kind === 'cause' ? 'a root cause' : 'more details';
        context.report({
          statement,
          sentence,
          start: details.start,
          end: details.end,
          message: `Promised ${what}, but no later update delivers ${details.kind === 'details' ? 'them' : 'it'}. Publish ${what} in a follow-up (or link it), or do not promise it.`,
        });
      }
    });

    // A later statement delivers when it states a cause, links a post-mortem, or adds
    // substantially new facts (RULES.md), whatever kind of details were promised.
    function delivered(index: number): boolean {
      if (incident.meta.postmortem) return true;
      const seen = new Set<string>();
      for (let j = 0; j <= index; j++) for (const w of contentWords(statements[j], stop)) seen.add(w);
      for (let j = index + 1; j < statements.length; j++) {
        const later = statements[j];
        if (later.links.some((l) => POSTMORTEM_LINK.test(l))) return true;
        if (someSentenceHas(later.sentences, 'cause')) return true;
        let fresh = 0;
        for (const w of contentWords(later, stop)) if (!seen.has(w)) fresh++;
        if (fresh >= options.newFactWords) return true;
      }
      return false;
    }
  },
});

// What a report page needs besides findings (LintSettings.detail, for --format html and the
// playground): where each statement's prose runs in the file, its promised next-update time and
// whether it apologises. The facts come from the same shared detectors the rules use
// (findUpdatePromise, isApology), with the options of the rules that use them, so the timeline
// a page draws agrees with what unfulfilled-promise and late-apology judged.

import { APOLOGY_PHRASES, isApology } from '../nlp/apology.js';
import { findUpdatePromise, PROMISE_PHRASES } from '../nlp/promises.js';
import type { Statement } from './model.js';
import type { ActiveRule } from './ruleset.js';
import type { StatementDetail } from './results.js';

type Locate = (statement: Statement, from: number, to: number) => { line: number; column: number; endLine: number; endColumn: number };

export interface FactVocabulary {
  updateCues: readonly string[];
  apology: readonly string[];
}

/** Phrase lists as the active rules configure them (user additions included), else the defaults. */
export function factVocabulary(rules: ActiveRule[]): FactVocabulary {
  const option = (id: string, key: string): readonly string[] | undefined => {
    const value = rules.find((r) => r.rule.meta.id === id)?.options[key];
    return Array.isArray(value) ? (value as string[]) : undefined;
  };
  return {
    updateCues: option('unfulfilled-promise', 'updateCues') ?? PROMISE_PHRASES.updateCues,
    apology: option('late-apology', 'apology') ?? option('missing-apology', 'apology') ?? APOLOGY_PHRASES.apology,
  };
}

export function statementDetail(statement: Statement, locate: Locate, vocabulary: FactVocabulary): StatementDetail {
  const span = locate(statement, 0, Math.max(1, statement.text.length));
  const detail: StatementDetail = { column: span.column, endLine: span.endLine, endColumn: span.endColumn };
  for (const sentence of statement.sentences) {
    if (!detail.nextUpdate && statement.time) {
      const promise = findUpdatePromise(sentence.text, statement.time, vocabulary.updateCues);
      if (promise?.due) {
        const at = locate(statement, sentence.start + promise.start, sentence.start + promise.end);
        detail.nextUpdate = { due: promise.due.toISOString(), said: promise.said, line: at.line, column: at.column };
      }
    }
    if (!detail.apology) {
      if (isApology(sentence.text, { ...APOLOGY_PHRASES, apology: vocabulary.apology })) detail.apology = true;
    }
  }
  return detail;
}

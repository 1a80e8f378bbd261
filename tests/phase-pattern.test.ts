// The "resolved" phase pattern gained a lookahead that only skips places where it cannot match;
// it must give what the pattern gave before on real statements and on made-up ones.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CORPUS as SHARED_CORPUS } from './helpers.js';
import { describe, expect, it } from 'vitest';
import { readsAsResolved } from '../src/engine/phase.js';

const ROOT = resolve(import.meta.dirname, '..');
// The pattern as it was written before.
const RESOLVED =
  /(?<!\b(?:until|once|when|after|before|if|unless|as soon as)\b(?:\s+\w+){0,4}\s+)(?:\b(?:has|have|had) been (?:fully |now |completely )?(?:resolved|fixed|mitigated|restored)\b|\b(?:is|are|was|were) (?:now |fully )?resolved\b|\bwe (?:have )?(?:fully )?resolved\b|\bback to normal\b|\boperating normally\b|\bfully (?:restored|recovered|operational)\b|\bno longer (?:experiencing|seeing|impacted|affected)\b|\bincident is (?:now )?(?:closed|over)\b)/i;
const COMPLETED = /\bmaintenance (?:has been|is|was) (?:now )?(?:completed?|finished|done)\b|\bcompleted (?:the|our) (?:scheduled |planned )?maintenance\b/i;

function texts(): string[] {
  const out = [
    'This incident has been resolved.',
    'We will update once this has been resolved.',
    'Until the fix has been fully restored we are monitoring.',
    'If it is resolved, great; the issue WAS RESOLVED at 10:00.',
    'As soon as service is back to normal we will post. Service is back to normal.',
    'Actions is operating normally. No longer experiencing delays. Incident is now closed.',
    'We have fully resolved the issue; users are no longer affected; systems fully operational.',
    'When we have been fixed ... after several long hours it has been mitigated.',
    'Sahas been resolved (no word edge). Ishas was resolved. Weresolved.',
    // One alternative each.
    'It had been restored.',
    'Both are now resolved.',
    'We resolved it.',
    'Things are back to normal.',
    'Search is operating normally.',
    'Fully recovered.',
    'We are no longer seeing errors.',
    'The incident is over.',
    'Unless the incident is over, we keep watching.',
  ];
  const corpus = join(SHARED_CORPUS, 'github-md');
  const files = [...readdirSync(join(ROOT, 'fixtures')).filter((f) => /\.(md|txt)$/.test(f)).map((f) => join(ROOT, 'fixtures', f))];
  if (existsSync(corpus)) files.push(...readdirSync(corpus).filter((f) => f.endsWith('.md')).map((f) => join(corpus, f)));
  for (const file of files) out.push(...readFileSync(file, 'utf8').split(/\n\s*\n/));
  return out;
}

describe('resolved phase pattern', () => {
  it('reads as resolved exactly where the old pattern did', () => {
    for (const text of texts()) {
      expect(readsAsResolved(text), text).toBe(COMPLETED.test(text) || RESOLVED.test(text));
    }
  });
});

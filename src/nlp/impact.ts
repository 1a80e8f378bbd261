// Does a text describe harm to customers? Shared by rules that need to know whether there is
// something to apologise for, remedy or describe.

import { phraseRegex } from './phrases.js';
import impactPhrases from './phrases/impact.json' with { type: 'json' };

export const IMPACT_PHRASES = impactPhrases;

export function describesHarm(text: string, harm: readonly string[] = impactPhrases.harm): boolean {
  return phraseRegex(harm).test(text);
}

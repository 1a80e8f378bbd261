// Denied findings: "we have found no evidence that any data was taken", "nor have we found any
// indication that passwords were copied", "we do not believe any records were accessed". What
// such a lead governs did not happen (as far as the writer knows): it is neither harm done nor a
// passive that hides an actor. Shared by the harm detector (understanding.ts) and passive.ts so
// that they agree. The leads are vocabulary (phrases/understanding.json, harm.deniedLead).

import { globalPhraseRegex } from './phrases.js';
import understandingPhrases from './phrases/understanding.json' with { type: 'json' };

/** Words without which no lead can deny: a cheap gate before the lead list runs. */
const NEGATIVE_WORD = /\b(?:no|not|never|nor|nothing|none)\b|n['’]t\b/i;
/** What ends a lead's reach: a contrast ("but", "however"), a stop, or a new clause after a comma. */
// "was not detected by monitoring and was identified by a customer": a second verb of the same
// subject is not governed by the first one's negation.
const REACH_ENDS = /\b(?:but|however|although|though|yet|whereas)\b|[;:]|,\s*(?:and|so|while|then|as)\b|\band\s+(?:was|were|is|are|has|have|had|then)\b/i;
/** A trailing "and": it joins a new clause only after a whole one ("no sign that data was read and"), not two nouns ("names and"). */
const TRAILING_AND = /\band\s*$/i;
/** A finite verb in the words a lead governs: what comes before a trailing "and" is a whole clause. */
const FINITE = /\b(?:was|were|is|are|has|have|had|been|did|does)\b/i;

/**
 * Does a denying lead govern the end of `before` (the words before a harm word or a passive)?
 * `maxWords` bounds the words between the lead and that end (a passive's subject), when given;
 * `verbFollows` says a verb group comes next (a passive's), not a noun (a harm word).
 */
export function deniedByLead(before: string, leads: readonly string[] = understandingPhrases.harm.deniedLead, maxWords = Infinity, verbFollows = false): boolean {
  if (!NEGATIVE_WORD.test(before)) return false;
  const lead = globalPhraseRegex(leads);
  let last = -1;
  for (let m = lead.exec(before); m; m = lead.exec(before)) last = m.index + m[0].length;
  if (last < 0) return false;
  const reach = before.slice(last);
  if (REACH_ENDS.test(reach) || (reach.match(/[\p{L}\p{N}'’-]+/gu)?.length ?? 0) > maxWords) return false;
  // Under a denial "or" stays inside it ("no sign that passwords were taken by malware or
  // phishing", "were opened or were copied"). A trailing "and" before a verb starts a second
  // predicate the lead does not deny ("was not detected by our alerts and was identified by a
  // nurse"); before a noun it starts a new clause only after a whole one.
  return !(TRAILING_AND.test(reach) && (verbFollows || FINITE.test(reach)));
}

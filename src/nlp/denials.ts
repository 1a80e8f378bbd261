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
/**
 * "no data was lost and | errors rose": an "and"/"or" right after a verb starts a new clause,
 * which the lead does not govern. After a noun it joins a list the lead does govern: "harvested
 * by malware, fake add-ons or | phishing".
 */
const CLAUSE_JOIN_AT_END = /\b(?:\w+[^\We]ed|is|are|was|were|been|lost|taken|seen|stolen|broken|written|given|hidden|frozen|hit|down|out|read|sent|done|gone|left|over|up|\w+ly)\s+(?:and|or)\s*$/i;

/**
 * Does a denying lead govern the end of `before` (the words before a harm word or a passive)?
 * `maxWords` bounds the words between the lead and that end (a passive's subject), when given;
 * `verbFollows` says that what follows `before` is a verb (a passive), not a noun (a harm word).
 */
export function deniedByLead(before: string, leads: readonly string[] = understandingPhrases.harm.deniedLead, maxWords = Infinity, verbFollows = false): boolean {
  if (!NEGATIVE_WORD.test(before)) return false;
  const lead = globalPhraseRegex(leads);
  let last = -1;
  for (let m = lead.exec(before); m; m = lead.exec(before)) last = m.index + m[0].length;
  if (last < 0) return false;
  const reach = before.slice(last);
  // A verb right after "and"/"or" is a second predicate, which the lead does not govern.
  const joinEnds = verbFollows ? /\b(?:and|or)\s*$/i : CLAUSE_JOIN_AT_END;
  return !REACH_ENDS.test(reach) && !joinEnds.test(reach) && (reach.match(/[\p{L}\p{N}'’-]+/gu)?.length ?? 0) <= maxWords;
}

// Names written in capitals: a company called "NTL", a product called "ZPX". Readers know the
// name of the company that writes to them; an acronym the statement itself uses as a name is not
// jargon to spell out. compromise tags any capitalised token as an Organization ("The RCA will be
// shared"), so the tag cannot tell; the statement's own usage can: the name apologises or speaks
// ("NTL apologises", "NTL would like to"), takes a possessive ("NTL's engineers"), is where "we"
// are ("At NTL, we …"), carries a company word ("NTL Bank") or signs the statement ("The NTL Team").
// Vocabulary in src/nlp/phrases/names.json.

import namePhrases from './phrases/names.json' with { type: 'json' };
import { PropertyTwinRegExp } from './property-twin.js';

export const NAME_PHRASES = namePhrases;

export interface NameLists {
  speakerVerbs: readonly string[];
  nameFrames: readonly string[];
  signOffs: readonly string[];
}

// Property escapes run as their Latin-1 twins on nearly every text (src/nlp/property-twin.ts).
const CAPS = new PropertyTwinRegExp(String.raw`(?<![\p{L}\p{N}])[A-Z][A-Z0-9&]*[A-Z0-9](?![\p{L}\p{N}])`, 'gu');
const NAME = '[A-Z][A-Z0-9&]*[A-Z0-9]';
// A possessive with no determiner before it: "NTL's engineers", not "the RCA's findings".
const POSSESSIVE = new PropertyTwinRegExp(`(?<!\\b(?:the|a|an|this|that|our|your|their|its) )(?<![\\p{L}\\p{N}])(${NAME})['’]s\\b`, 'giu');

interface Compiled {
  /** Clause start, the name, then a speaker verb: "NTL apologises", "When it began, ZPX took action". */
  speaker: RegExp;
  frames: RegExp;
  signOff: RegExp;
}

const compiled = new WeakMap<NameLists, Compiled>();

/** The fragment with NAME as a capturing group. Under the 'i' flag it also matches lower case: captures are checked after. */
function withName(fragment: string): string {
  return fragment.replace(/NAME/g, `(${NAME})`);
}

function prepare(lists: NameLists): Compiled {
  let found = compiled.get(lists);
  if (!found) {
    const alt = (xs: readonly string[]) => xs.map((x) => `(?:${withName(x)})`).join('|');
    found = {
      speaker: new PropertyTwinRegExp(`(?:^|[.!?;:,]\\s+)(?:(?:today|now|yesterday|this morning|this evening|tonight),?\\s+)?(${NAME})\\s+(?:${lists.speakerVerbs.join('|')})(?![\\p{L}\\p{N}])`, 'gimu'),
      frames: new PropertyTwinRegExp(`(?<![\\p{L}\\p{N}])(?:${alt(lists.nameFrames)})(?![\\p{L}\\p{N}])`, 'gimu'),
      signOff: new RegExp(`^\\s*(?:${alt(lists.signOffs)})\\s*$`, 'gimu'),
    };
    compiled.set(lists, found);
  }
  return found;
}

const ALL_CAPS = new RegExp(`^${NAME}$`);

/** The name a match captured, when it is written in capitals (the lists match case-insensitively). */
function captured(match: RegExpMatchArray): string | undefined {
  const name = match.slice(1).find((g) => g !== undefined);
  return name !== undefined && ALL_CAPS.test(name) ? name : undefined;
}

/**
 * The all-capitals words a text uses as names (upper-cased, without a plural "s"). Read from the
 * whole text of an incident, so a name used as a name anywhere is a name everywhere in it,
 * including where it is first mentioned.
 */
export function capitalisedNames(text: string, lists: NameLists = NAME_PHRASES): Set<string> {
  const names = new Set<string>();
  if (!CAPS.test(text)) return names;
  CAPS.lastIndex = 0;
  const { speaker, frames, signOff } = prepare(lists);
  for (const re of [speaker, frames, signOff, POSSESSIVE]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const name = captured(m);
      if (name) names.add(name);
      // A lower-case word taken for NAME ("still bank") must not hide a real match inside it
      // ("bank with QVB"): look again from the next character.
      else re.lastIndex = m.index + 1;
    }
  }
  return names;
}

// A faster drop-in for compromise's bulkMatch, the step of its post-tagger that picks which of its
// hundreds of context patterns to try on a sentence. compromise walks every key of its pattern
// index for every sentence and copies arrays as it goes: about a quarter of all tagging time on
// status-page text. This indexes each pattern once, under its rarest need (or its wants), looks up
// only the sentence's own words and tags, and then sorts the patterns into the place compromise
// would first meet them (the order of its index's keys, then each key's list), so the same
// patterns run in the same order and every tag comes out the same. tests/fast-sweep.test.ts compares tags
// with and without it on every corpus, labelled and fixture sentence.
//
// It replaces `world.methods.one.bulkMatch` through compromise's own plugin mechanism; the rest of
// the function (trimming by needs, wants and length, then running the matches) is compromise's
// code, restated.

interface Pattern {
  match: string;
  needs: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  ifNo?: string[];
  unTag?: unknown;
}
interface Net {
  hooks: Record<string, Pattern[]>;
  always: Pattern[];
}
interface MatchMethods {
  one: {
    cacheDoc(document: unknown[][]): Set<string>[];
    match(docs: unknown[][], pattern: Pattern): { ptrs: number[][] };
  };
}

interface Entry {
  pattern: Pattern;
  /** The pattern's hook keys (needs and wants), each with its rank and the pattern's place in it. */
  keys: { key: string; rank: number; place: number }[];
  /** Set while a sentence's candidates are collected, so each pattern is tested once. */
  mark: number;
}

interface NetIndex {
  /** Patterns by one key each: their rarest need (all needs must be present), else every want. */
  byTrigger: Map<string, Entry[]>;
}
const indexes = new WeakMap<Net, NetIndex>();
let epoch = 0;

function indexOf(net: Net): NetIndex {
  let index = indexes.get(net);
  if (index) return index;
  const entries = new Map<Pattern, Entry>();
  // compromise visits the keys in Object.keys order and each key's list in order; a pattern's
  // place in a sentence's list is where it is first met that way.
  Object.keys(net.hooks).forEach((key, rank) => {
    net.hooks[key].forEach((pattern, place) => {
      let entry = entries.get(pattern);
      if (!entry) entries.set(pattern, (entry = { pattern, keys: [], mark: 0 }));
      entry.keys.push({ key, rank, place });
    });
  });
  const byTrigger = new Map<string, Entry[]>();
  const add = (key: string, entry: Entry) => {
    const list = byTrigger.get(key);
    if (list) list.push(entry);
    else byTrigger.set(key, [entry]);
  };
  for (const entry of entries.values()) {
    const { needs, wants } = entry.pattern;
    if (needs.length > 0) {
      let rarest = needs[0];
      for (const need of needs) if ((net.hooks[need]?.length ?? 0) < (net.hooks[rarest]?.length ?? 0)) rarest = need;
      add(rarest, entry);
    } else {
      for (const want of new Set(wants)) add(want, entry);
    }
  }
  index = { byTrigger };
  indexes.set(net, index);
  return index;
}

/** Where compromise would first meet the entry for a sentence that has these items. */
function firstMeeting(entry: Entry, have: Set<string>): [number, number] {
  let best: [number, number] = [Infinity, Infinity];
  for (const { key, rank, place } of entry.keys) if (have.has(key) && (rank < best[0] || (rank === best[0] && place < best[1]))) best = [rank, place];
  return best;
}

/** The patterns worth trying on one sentence, in compromise's order. */
function candidates(have: Set<string>, net: Net, index: NetIndex, words: number): Pattern[] {
  const mark = ++epoch;
  const kept: { entry: Entry; at: [number, number] }[] = [];
  for (const item of have) {
    const triggered = index.byTrigger.get(item);
    if (!triggered) continue;
    for (const entry of triggered) {
      if (entry.mark === mark) continue;
      entry.mark = mark;
      if (fits(entry.pattern, have, words)) kept.push({ entry, at: firstMeeting(entry, have) });
    }
  }
  kept.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
  const list = kept.map((k) => k.entry.pattern);
  // compromise adds the patterns that need nothing after the others, checked for length only.
  for (const pattern of net.always) if (pattern.minWords <= words) list.push(pattern);
  return list;
}

/** compromise's trimDown and tooSmall tests, in the same order. */
function fits(pattern: Pattern, have: Set<string>, words: number): boolean {
  for (const need of pattern.needs) if (!have.has(need)) return false;
  if (pattern.ifNo !== undefined) for (const no of pattern.ifNo) if (have.has(no)) return false;
  if (pattern.wants.length > 0) {
    let found = 0;
    for (const want of pattern.wants) if (have.has(want)) found++;
    if (found < pattern.minWant) return false;
  }
  return words >= pattern.minWords;
}

export function fastBulkMatch(document: unknown[][], net: Net, methods: MatchMethods, opts: { matchOne?: boolean } = {}) {
  const docCache = methods.one.cacheDoc(document);
  const index = indexOf(net);
  const results: (Pattern & { pointer: number[] })[] = [];
  for (let n = 0; n < document.length; n++) {
    for (const pattern of candidates(docCache[n], net, index, document[n].length)) {
      const found = methods.one.match([document[n]], pattern);
      if (found.ptrs.length === 0) continue;
      for (const ptr of found.ptrs) {
        ptr[0] = n;
        const todo = Object.assign({}, pattern, { pointer: ptr });
        if (pattern.unTag !== undefined) todo.unTag = pattern.unTag;
        results.push(todo);
      }
      if (opts.matchOne === true) return [results[0]];
    }
  }
  return results;
}

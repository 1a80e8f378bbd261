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
  /** The pattern's hook keys (needs and wants), as ids, each with its place: rank * 2^16 + place in that key's list. */
  keyIds: Int32Array;
  keyPlaces: Float64Array;
  /** Needs, ifNo and wants as ids (see NetIndex.ids). */
  needs: Int32Array;
  ifNo: Int32Array;
  wants: Int32Array;
  /** Set while a sentence's candidates are collected, so each pattern is tested once. */
  mark: number;
}

interface NetIndex {
  /** Every word or tag a pattern refers to, numbered: a sentence's items become marks in `present`. */
  ids: Map<string, number>;
  /** Patterns by one key id each: their rarest need (all needs must be present), else every want. */
  byTrigger: Entry[][];
  /** present[id] === stamp while a sentence that has item id is looked at. */
  present: Int32Array;
}
const indexes = new WeakMap<Net, NetIndex>();
let epoch = 0;
let stamp = 0;

function indexOf(net: Net): NetIndex {
  let index = indexes.get(net);
  if (index) return index;
  // Plain loops and no callbacks: this runs once per process over some two thousand hooks, and
  // closures called that often were optimised by V8 at every start, for nothing after.
  const ids = new Map<string, number>();
  const idsOf = (items: readonly string[]) => {
    const out = new Int32Array(items.length);
    for (let k = 0; k < items.length; k++) {
      let id = ids.get(items[k]);
      if (id === undefined) ids.set(items[k], (id = ids.size));
      out[k] = id;
    }
    return out;
  };
  const keys = new Map<Pattern, { keys: string[]; places: number[] }>();
  // compromise visits the keys in Object.keys order and each key's list in order; a pattern's
  // place in a sentence's list is where it is first met that way.
  const hookKeys = Object.keys(net.hooks);
  for (let rank = 0; rank < hookKeys.length; rank++) {
    const key = hookKeys[rank];
    const patterns = net.hooks[key];
    for (let place = 0; place < patterns.length; place++) {
      let met = keys.get(patterns[place]);
      if (!met) keys.set(patterns[place], (met = { keys: [], places: [] }));
      met.keys.push(key);
      met.places.push(rank * 65536 + place);
    }
  }
  const byTrigger: Entry[][] = [];
  const add = (key: string, entry: Entry) => (byTrigger[idsOf([key])[0]] ??= []).push(entry);
  for (const [pattern, met] of keys) {
    const entry: Entry = {
      pattern,
      keyIds: idsOf(met.keys),
      keyPlaces: Float64Array.from(met.places),
      needs: idsOf(pattern.needs),
      ifNo: idsOf(pattern.ifNo ?? []),
      wants: idsOf(pattern.wants),
      mark: 0,
    };
    const { needs, wants } = pattern;
    if (needs.length > 0) {
      let rarest = needs[0];
      for (const need of needs) if ((net.hooks[need]?.length ?? 0) < (net.hooks[rarest]?.length ?? 0)) rarest = need;
      add(rarest, entry);
    } else {
      for (const want of new Set(wants)) add(want, entry);
    }
  }
  index = { ids, byTrigger, present: new Int32Array(ids.size) };
  indexes.set(net, index);
  return index;
}

/** Where compromise would first meet the entry for the sentence being looked at (rank * 2^16 + place). */
function firstMeeting(entry: Entry, present: Int32Array): number {
  let best = Infinity;
  for (let k = 0; k < entry.keyIds.length; k++) if (present[entry.keyIds[k]] === stamp && entry.keyPlaces[k] < best) best = entry.keyPlaces[k];
  return best;
}

/** The patterns worth trying on one sentence, in compromise's order. */
function candidates(have: Set<string>, net: Net, index: NetIndex, words: number): Pattern[] {
  const mark = ++epoch;
  const present = index.present;
  // A long-running server could wrap the counter: start the marks afresh first.
  if (stamp === 0x7fffffff) {
    present.fill(0);
    stamp = 0;
  }
  stamp++;
  const triggers: number[] = [];
  for (const item of have) {
    const id = index.ids.get(item);
    if (id === undefined) continue;
    present[id] = stamp;
    if (index.byTrigger[id] !== undefined) triggers.push(id);
  }
  const kept: { pattern: Pattern; at: number }[] = [];
  for (const id of triggers) {
    for (const entry of index.byTrigger[id]) {
      if (entry.mark === mark) continue;
      entry.mark = mark;
      if (fits(entry, present, words)) kept.push({ pattern: entry.pattern, at: firstMeeting(entry, present) });
    }
  }
  kept.sort((a, b) => a.at - b.at);
  const list = kept.map((k) => k.pattern);
  // compromise adds the patterns that need nothing after the others, checked for length only.
  for (const pattern of net.always) if (pattern.minWords <= words) list.push(pattern);
  return list;
}

/** compromise's trimDown and tooSmall tests, in the same order. */
function fits(entry: Entry, present: Int32Array, words: number): boolean {
  const { needs, ifNo, wants } = entry;
  for (let k = 0; k < needs.length; k++) if (present[needs[k]] !== stamp) return false;
  for (let k = 0; k < ifNo.length; k++) if (present[ifNo[k]] === stamp) return false;
  if (wants.length > 0) {
    let found = 0;
    for (let k = 0; k < wants.length; k++) if (present[wants[k]] === stamp) found++;
    if (found < entry.pattern.minWant) return false;
  }
  return words >= entry.pattern.minWords;
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

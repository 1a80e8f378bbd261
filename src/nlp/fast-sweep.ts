// A faster drop-in for compromise's bulkMatch, the step of its post-tagger that picks which of its
// hundreds of context patterns to try on a sentence. compromise walks every key of its pattern
// index for every sentence and copies arrays as it goes: about a quarter of all tagging time on
// status-page text. This walks the sentence's own words and tags instead, then keeps compromise's
// order (the order of the index's keys, first occurrence of each pattern), so the same patterns
// run in the same order and every tag comes out the same. tests/fast-sweep.test.ts compares tags
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

interface NetIndex {
  /** Each hook key's position in Object.keys(net.hooks), the order compromise visits them in. */
  rank: Map<string, number>;
  keys: string[];
}
const indexes = new WeakMap<Net, NetIndex>();

function indexOf(net: Net): NetIndex {
  let index = indexes.get(net);
  if (!index) {
    const keys = Object.keys(net.hooks);
    index = { keys, rank: new Map(keys.map((key, i) => [key, i])) };
    indexes.set(net, index);
  }
  return index;
}

/** The patterns worth trying on one sentence, in compromise's order. */
function candidates(have: Set<string>, net: Net, index: NetIndex, words: number): Pattern[] {
  const ranks: number[] = [];
  for (const item of have) {
    const rank = index.rank.get(item);
    if (rank !== undefined) ranks.push(rank);
  }
  ranks.sort((a, b) => a - b);
  const seen = new Set<string>();
  const list: Pattern[] = [];
  for (const rank of ranks) {
    for (const pattern of net.hooks[index.keys[rank]]) {
      if (seen.has(pattern.match)) continue;
      seen.add(pattern.match);
      list.push(pattern);
    }
  }
  // compromise's trimDown and tooSmall, in one pass with the same tests in the same order.
  const kept: Pattern[] = [];
  for (const pattern of list) if (fits(pattern, have, words)) kept.push(pattern);
  for (const pattern of net.always) if (pattern.minWords <= words) kept.push(pattern);
  return kept;
}

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

// "did you mean …?" hints for mistyped rule ids, config keys and severities.

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** ` (did you mean "x"?)` for the nearest candidates, or nothing. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const lower = word.toLowerCase();
  const near = [...candidates].filter((c) => {
    const limit = Math.max(1, Math.min(3, Math.floor(c.length / 3)));
    return editDistance(c.toLowerCase(), lower) <= limit || (lower.length >= 4 && (c.startsWith(lower) || lower.startsWith(c)));
  });
  return near.length ? ` (did you mean ${near.slice(0, 3).map((n) => `"${n}"`).join(' or ')}?)` : '';
}

/**
 * The known name nearest to `name`, for "did you mean" in messages: the one fewest edits away
 * (insert, delete, replace, swap two neighbours; case differences cost nothing), if it is within
 * a third of the longer name's length. Undefined when nothing is that close.
 *
 * @example
 * ```ts
 * nearest('urlkey', ['urlKey', 'valueMap']); // 'urlKey'
 * nearest('persits', ['persist', 'history']); // 'persist'
 * ```
 */
export function nearest(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = edits(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance && distance <= Math.max(1, Math.floor(Math.max(name.length, candidate.length) / 3))) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean "x"?)`, or nothing when no known name is near. */
export const didYouMean = (name: string, known: Iterable<string>): string => {
  const near = nearest(name, known);
  return near === undefined ? '' : ` (did you mean "${near}"?)`;
};

/** The names of `given` that are not `known`, in their order. */
export const unknownNames = (given: object, known: readonly string[]): string[] =>
  Object.keys(given).filter((name) => !known.includes(name));

/** Optimal string alignment distance: Levenshtein plus the swap of two neighbours. */
function edits(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows[i] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]![j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

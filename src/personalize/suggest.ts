/**
 * Edit distance with adjacent transpositions (optimal string alignment): `buidl` is one slip
 * from `build`, as a typist sees it, not two. Inputs are short ids, so the O(n·m) table is fine.
 */
export function distance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Infinity;
  for (const [i, row] of rows.entries()) {
    if (i === 0) continue;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, at(i - 2, j - 2) + 1);
      row[j] = d;
    }
  }
  return at(a.length, b.length);
}

const CODE = /^(\D*)(\d+)$/;

/**
 * For codes like `L1`…`L5`, the nearest by number: `L7` means "above the top", so `L5`, where
 * the edit distance would rank every code the same and pick `L1`.
 */
function nearestNumbered(input: string, valid: readonly string[]): string | undefined {
  const m = CODE.exec(input.trim());
  if (!m) return undefined;
  const prefix = (m[1] ?? '').toLowerCase();
  const wanted = Number(m[2]);
  let best: string | undefined;
  let bestGap = Infinity;
  for (const v of valid) {
    const c = CODE.exec(v);
    if (!c || (c[1] ?? '').toLowerCase() !== prefix) continue;
    const gap = Math.abs(Number(c[2]) - wanted);
    if (gap < bestGap) {
      best = v;
      bestGap = gap;
    }
  }
  return best;
}

/** The valid id nearest to `input`, if it is near enough to be a plausible typo. */
export function nearest(input: string, valid: readonly string[]): string | undefined {
  const numbered = nearestNumbered(input, valid);
  if (numbered !== undefined) return numbered;
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDist = Infinity;
  for (const v of valid) {
    const d = v.toLowerCase().startsWith(needle) && needle.length > 0 ? 0.5 : distance(needle, v.toLowerCase());
    if (d < bestDist) {
      best = v;
      bestDist = d;
    }
  }
  return bestDist <= Math.max(2, Math.floor((best?.length ?? 0) / 2)) ? best : undefined;
}

/** `(did you mean "llmops"?)`, or nothing when no valid id is near. */
export function didYouMean(input: string, valid: readonly string[], prefix = ''): string {
  const hint = nearest(input, valid);
  return hint === undefined ? '' : ` (did you mean "${prefix}${hint}"?)`;
}

/** `unknown track "llmopz"; valid: llmops, platform (did you mean "llmops"?)`. */
export function unknownIdMessage(what: string, input: string, valid: readonly string[]): string {
  return `unknown ${what} "${input}"; valid ${what}s: ${valid.join(', ')}${didYouMean(input, valid)}`;
}

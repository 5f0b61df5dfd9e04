/** Levenshtein distance; inputs are short ids, so the O(n·m) table is fine. */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The valid id nearest to `input`, if it is near enough to be a plausible typo. */
export function nearest(input: string, valid: readonly string[]): string | undefined {
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

/** `unknown track "llmopz"; valid: llmops, platform (did you mean "llmops"?)`. */
export function unknownIdMessage(what: string, flag: string, input: string, valid: readonly string[]): string {
  const hint = nearest(input, valid);
  return `${flag}: unknown ${what} "${input}"; valid ${what}s: ${valid.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`;
}

/**
 * `list[i]` for an index the caller's own bounds already guarantee. Under
 * noUncheckedIndexedAccess the read is `T | undefined`; this makes the guarantee a check
 * instead of an assertion, so a broken invariant fails here, as a bug, rather than as an
 * `undefined` surfacing far away. (A hole in a sparse array counts as out of range.)
 */
export function itemAt<T>(list: ArrayLike<T>, i: number): T {
  const item = list[i];
  if (item === undefined) throw new RangeError(`internal: index ${i} outside a list of ${list.length}`);
  return item;
}

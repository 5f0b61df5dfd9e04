import type { z } from 'zod';

/**
 * A refinement option that runs a list's cross-field rule even when some of its elements are
 * invalid (zod skips refinements once a child has failed), as long as the value is a list.
 */
export const onAnyList = { when: (payload: z.core.ParsePayload): boolean => Array.isArray(payload.value) };

/**
 * Each element of `list` read through `part` (a loose schema of the few fields one rule
 * needs): the parsed part, or undefined where those fields are invalid. Indexes stay the
 * list's own, so a rule's issue paths point at the right element.
 */
export function partsOf<T>(list: unknown, part: z.ZodType<T>): (T | undefined)[] {
  if (!Array.isArray(list)) return [];
  return list.map((item: unknown) => {
    const r = part.safeParse(item);
    return r.success ? r.data : undefined;
  });
}

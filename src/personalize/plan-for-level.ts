import type { PlanEntry } from '../schema/roadmap.js';

/** The plan a learner follows: the entries for their level, and the level they were written for. */
export interface LevelPlan {
  entries: PlanEntry[];
  /** The level code whose plan this is; null when the plan is one for every level. */
  planLevel: string | null;
  /** True when the learner's level has no plan of its own and this is the nearest level's. */
  isNearest: boolean;
}

/**
 * A roadmap may write a plan per starting level (entries naming `levels`). A learner gets the plan
 * of their own level; a level without one gets the nearest level's plan by position in the ladder,
 * and on a tie the lower level's, since starting on the easier plan loses less than skipping ahead.
 * Entries without `levels` belong to every level's plan.
 */
export function planForLevel(entries: readonly PlanEntry[], levelCodes: readonly string[], current: number): LevelPlan {
  const named = new Set(entries.flatMap((e) => e.levels ?? []));
  if (named.size === 0) return { entries: [...entries], planLevel: null, isNearest: false };
  let best: { code: string; distance: number } | null = null;
  for (const [i, code] of levelCodes.entries()) {
    if (!named.has(code)) continue;
    const distance = Math.abs(i - current);
    if (best === null || distance < best.distance) best = { code, distance };
  }
  // The schema checks that every named level exists, so a named code is always found.
  if (best === null) throw new Error(`no plan entry names one of the levels ${levelCodes.join(', ')}`);
  const code = best.code;
  return { entries: entries.filter((e) => e.levels === undefined || e.levels.includes(code)), planLevel: code, isNearest: best.distance > 0 };
}

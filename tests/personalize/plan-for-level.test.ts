import { describe, expect, it } from 'vitest';
import { planForLevel } from '../../src/personalize/plan-for-level.js';
import type { PlanEntry } from '../../src/schema/roadmap.js';

const entry = (from: number, to: number, levels?: string[]): PlanEntry => ({
  months: { from, to },
  topics: [`${from}-${to}${levels ? ` ${levels.join('+')}` : ''}`],
  tasks: ['t'],
  capstone: false,
  ...(levels ? { levels } : {}),
});
const topics = (entries: PlanEntry[]) => entries.map((e) => e.topics[0]);
const codes = ['A', 'B', 'C', 'D', 'E'];

describe('planForLevel', () => {
  it('gives every learner the whole plan when no entry names a level', () => {
    const entries = [entry(1, 2), entry(3, 4)];
    expect(planForLevel(entries, codes, 3)).toEqual({ entries, planLevel: null, isNearest: false });
  });

  it("gives a learner their own level's entries, with the entries meant for every level", () => {
    const entries = [entry(1, 2, ['A']), entry(3, 3, ['A']), entry(1, 1, ['C']), entry(4, 4), entry(2, 3, ['C'])];
    const a = planForLevel(entries, codes, 0);
    expect([topics(a.entries), a.planLevel, a.isNearest]).toEqual([['1-2 A', '3-3 A', '4-4'], 'A', false]);
    const c = planForLevel(entries, codes, 2);
    expect([topics(c.entries), c.planLevel, c.isNearest]).toEqual([['1-1 C', '4-4', '2-3 C'], 'C', false]);
  });

  it("gives a level without a plan the nearest level's, the lower one on a tie", () => {
    const entries = [entry(1, 1, ['A']), entry(1, 1, ['C']), entry(1, 1, ['D'])];
    expect(planForLevel(entries, codes, 1)).toMatchObject({ planLevel: 'A', isNearest: true });
    expect(planForLevel(entries, codes, 4)).toMatchObject({ planLevel: 'D', isNearest: true });
    expect(planForLevel([entry(1, 1, ['B']), entry(1, 1, ['D'])], codes, 2)).toMatchObject({ planLevel: 'B', isNearest: true });
  });
});

import { RoadmapError } from '../../src/errors.js';

/** The RoadmapError `fn` throws; fails the test if it throws nothing or something else. */
export function roadmapErrorOf(fn: () => unknown): RoadmapError {
  try {
    fn();
  } catch (e) {
    if (e instanceof RoadmapError) return e;
    throw e;
  }
  throw new Error('expected a RoadmapError');
}

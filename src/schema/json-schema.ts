import { z } from 'zod';
import { RoadmapSchema } from './roadmap.js';

/** The data file's JSON Schema, from zod's own conversion (input side: defaults optional). */
export function roadmapJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(RoadmapSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'roadmap-press roadmap data',
  };
}

import { describe, expect, it } from 'vitest';
import { BatchRowSchema, PARAM_KEYS, PARAM_META, ParamsSchema, type ParamMeta } from '../../src/schema/params.js';

describe('the learner parameters', () => {
  it('have metadata for every key, and defaults that the schema applies', () => {
    expect(Object.keys(PARAM_META)).toEqual([...PARAM_KEYS]);
    const defaults = ParamsSchema.parse({});
    for (const key of PARAM_KEYS) {
      const meta: ParamMeta = PARAM_META[key];
      expect(defaults[key], key).toBe(meta.default);
    }
  });

  it('read a batch row by its column names, as text', () => {
    expect(BatchRowSchema.parse({ id: 7, name: 'Ada', level: 2, track: null })).toEqual({ id: '7', name: 'Ada', level: '2', track: undefined });
    expect(BatchRowSchema.safeParse({ colour: 'red' }).success).toBe(false);
  });
});

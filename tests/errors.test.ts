import { describe, expect, it } from 'vitest';
import { RoadmapError } from '../src/errors.js';
import { resolveParams } from '../src/load/validate-document.js';
import { roadmapErrorOf } from './helpers/errors.js';

describe('RoadmapError', () => {
  it("has its problems in its message, one per line under the summary, for a library user's log", () => {
    const e = roadmapErrorOf(() => resolveParams({ locale: 'bn_BD!', paper: 'A3' }));
    expect(e.summary).toBe('invalid parameters:');
    expect(e.message.split('\n')).toEqual(['invalid parameters:', expect.stringMatching(/^ {2}locale: .*"bn_BD!"/), '  paper: expected one of "A4", "Letter", got "A3"']);
    expect(String(e)).toContain('paper: expected one of "A4", "Letter", got "A3"');
  });

  it('keeps a message without problems as it is, and locates problems in it', () => {
    expect(new RoadmapError('io', 'cannot read x.yaml').message).toBe('cannot read x.yaml');
    const e = new RoadmapError('data', 'the roadmap data has 1 problem', [{ file: 'd.yaml', line: 3, column: 5, path: 'levels[0].code', message: 'expected text' }]);
    expect(e.message).toBe('the roadmap data has 1 problem\n  d.yaml:3:5 levels[0].code: expected text');
    expect(e.report()).toBe(e.message);
  });
});

import { describe, expect, it } from 'vitest';
import { formatProblem, RoadmapError } from '../../src/errors.js';
import { readBatchList } from '../../src/batch/read-list.js';
import { inShard, parseShard } from '../../src/batch/shard.js';

function problems(file: string, text: string): string[] {
  try {
    readBatchList({ file, text });
  } catch (e) {
    if (e instanceof RoadmapError) return e.problems.map(formatProblem);
    throw e;
  }
  throw new Error('expected the list to be rejected');
}

describe('readBatchList', () => {
  it('reads a YAML list of learners with the location of each field', () => {
    const entries = readBatchList({ file: 'l.yaml', text: '- name: A\n  track: llmops\n- name: B\n  start: 2027-01\n  id: b-1\n' });
    expect(entries.map((e) => [e.index, e.id, e.params])).toEqual([
      [0, undefined, { name: 'A', track: 'llmops' }],
      [1, 'b-1', { name: 'B', start: '2027-01' }],
    ]);
    expect(entries[1]!.locate('start')).toEqual({ line: 4, column: 10 });
  });

  it('reads `learners:` in JSON', () => {
    const entries = readBatchList({ file: 'l.json', text: '{"learners": [{"name": "A", "locale": "en"}]}' });
    expect(entries[0]!.params).toEqual({ name: 'A', locale: 'en' });
  });

  it('expands a matrix into its cartesian product in written order', () => {
    const text = 'defaults:\n  start: 2027-01\nmatrix:\n  track: [llmops, platform, edge-ml, ml-infra, responsible-ai]\n  locale: [bn, en]\n  paper: [A4, Letter]\n';
    const entries = readBatchList({ file: 'm.yaml', text });
    expect(entries).toHaveLength(20);
    expect(entries[0]!.params).toEqual({ start: '2027-01', track: 'llmops', locale: 'bn', paper: 'A4' });
    expect(entries[1]!.params).toEqual({ start: '2027-01', track: 'llmops', locale: 'bn', paper: 'Letter' });
    expect(entries[19]!.params).toEqual({ start: '2027-01', track: 'responsible-ai', locale: 'en', paper: 'Letter' });
    expect(new Set(entries.map((e) => e.id)).size).toBe(20);
  });

  it('reads CSV with a header row, locating fields by line and column', () => {
    const entries = readBatchList({ file: 'l.csv', text: 'id,name,track\nr1,"Doe, Jane",platform\nr2,Rahim,\n' });
    expect(entries.map((e) => e.params)).toEqual([{ name: 'Doe, Jane', track: 'platform' }, { name: 'Rahim' }]);
    expect(entries[0]!.locate('track')).toEqual({ line: 2, column: 3 });
    expect(entries[1]!.where).toBe('l.csv:3');
  });

  it('rejects the whole list for structural problems, listing every one', () => {
    expect(problems('l.yaml', '- name: A\n  colour: red\n- 42\n- name: [x]\n')).toEqual([
      'l.yaml:2:11 [0].colour: unknown key "colour"; expected one of id, name, start, roadmap, track, level, locale, paper, reminders',
      'l.yaml:3:3 [1]: expected a mapping of parameters (name, start, track, …)',
      'l.yaml:4:9 [2].name: expected text, got a list',
    ]);
    expect(problems('l.csv', 'name,colour\nA,red\n')).toEqual(['l.csv:1:2 colour: unknown column "colour"; columns: id, name, start, roadmap, track, level, locale, paper, reminders']);
    expect(problems('l.yaml', 'learner: 1\n')).toEqual(['l.yaml:1:1: expected a list of learners, a mapping with `learners:`, or a `matrix:` block']);
  });
});

describe('shards', () => {
  it('cover the list exactly once', () => {
    const positions = Array.from({ length: 23 }, (_, i) => i);
    const slices = [1, 2, 3].map((i) => positions.filter((p) => inShard(p, parseShard(`${i}/3`))));
    expect(slices.flat().sort((a, b) => a - b)).toEqual(positions);
    expect(slices.map((s) => s.length)).toEqual([8, 8, 7]);
  });

  it.each(['0/2', '3/2', '1', 'a/b'])('rejects %s', (text) => {
    expect(() => parseShard(text)).toThrow(/is not a shard/);
  });
});

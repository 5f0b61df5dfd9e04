import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { formatProblem, RoadmapError } from '../../src/errors.js';
import { loadRoadmap } from '../../src/load/load-roadmap.js';
import { shippedSources } from '../helpers/project.js';

async function problemsOf(file: string, text?: string): Promise<string[]> {
  const { labels } = await shippedSources();
  try {
    loadRoadmap({ data: { file, text: text ?? (await readFile(file, 'utf8')) }, labels });
  } catch (e) {
    if (e instanceof RoadmapError) return e.problems.map(formatProblem);
    throw e;
  }
  throw new Error(`${file} was accepted`);
}

describe('cross-field rules next to type errors', () => {
  it('reports a duplicate level code and a plan gap beside type errors in the same lists', async () => {
    const file = 'tests/fixtures/broken/21-type-error-and-duplicate-level.yaml';
    expect(await problemsOf(file)).toEqual([
      `${file}:53:13 levels[0].years.from: expected a number, got "zero"`,
      `${file}:79:11 levels[2].code: duplicate level code "L3" (first used at levels[1])`,
      `${file}:142:20 plan.entries[0].deliverable: expected a text, got 42`,
      `${file}:145:15 plan.entries[1].months.from: gap in the plan: month 3 is not covered (expected 3, got 4)`,
    ]);
  });

  it('still checks the years order of the levels whose years parse', async () => {
    const { data } = await shippedSources();
    // levels[1]'s title is broken, levels[2]'s years start before levels[1]'s.
    const text = data.text.replace('    title: MLOps Engineer\n', '    title: [MLOps Engineer]\n').replace(/(code: L3\n(?:.*\n){2}\s+from:) \d+/, '$1 1');
    const lines = await problemsOf('d.yaml', text);
    expect(lines).toContainEqual(expect.stringMatching(/^d\.yaml:66:\d+ levels\[1\]\.title: expected a text/));
    expect(lines).toContainEqual(expect.stringMatching(/^d\.yaml:\d+:\d+ levels\[2\]\.years\.from: expected at least the previous level's years\.from \(2\), got 1$/));
  });

  it('does not invent a gap after a plan entry whose months do not parse', async () => {
    const { data } = await shippedSources();
    const text = data.text.replace(/(- months:\n\s+from: 3\n\s+to:) 4/, '$1 four');
    const lines = await problemsOf('d.yaml', text);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^d\.yaml:\d+:\d+ plan\.entries\[1\]\.months\.to: expected a number, got "four"$/);
  });

  it('finds a duplicate track id beside a broken track', async () => {
    const { data } = await shippedSources();
    const text = data.text.replace('id: platform', 'id: llmops').replace(/(id: llmops\n\s+name:) .*/, '$1 [x]');
    const lines = await problemsOf('d.yaml', text);
    expect(lines).toContainEqual(expect.stringMatching(/specializations\[0\]\.name: expected a text/));
    expect(lines).toContainEqual(expect.stringMatching(/specializations\[1\]\.id: duplicate id "llmops" \(first used at specializations\[0\]\)$/));
  });
});

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, RoadmapError } from '../../src/errors.js';
import { loadRoadmap } from '../../src/load/load-roadmap.js';
import { shippedSources } from '../helpers/project.js';

const dir = 'tests/fixtures/broken';

/** Each broken copy of the shipped data and every problem it must report, located. */
const catalogue: [string, string[]][] = [
  ['01-salary-as-text.yaml', [':84:12 levels[2].salary.max: expected a number, got "220k"']],
  ['02-missing-title.yaml', [':63:5 levels[1].title: missing required text']],
  ['03-empty-portfolio-item.yaml', [':345:5 portfolio[0]: expected non-empty text']],
  ['04-duplicate-level-code.yaml', [':90:11 levels[3].code: duplicate level code "L3" (first used at levels[2])']],
  ['05-level-codes-out-of-order.yaml', [':63:11 levels[1].code: expected "L2": level codes run L1, L2, … in order']],
  ['06-years-reversed.yaml', [':81:11 levels[2].years.to: expected more than years.from (4), got 3']],
  ['07-salary-range-reversed.yaml', [':70:12 levels[1].salary.max: expected at least salary.min (160000), got 150000']],
  ['08-plan-gap.yaml', [':140:15 plan.entries[1].months.from: gap in the plan: month 3 is not covered (expected 3, got 4)']],
  ['09-plan-overlap.yaml', [':155:15 plan.entries[2].months.from: overlap in the plan: month 4 is already covered (expected 5, got 4)']],
  ['10-month-13.yaml', [':215:13 plan.entries[6].months.to: expected at most 12, got 13']],
  ['11-duplicate-track-id.yaml', [':252:9 specializations[1].id: duplicate id "llmops" (first used at specializations[0])']],
  ['12-id-not-kebab-case.yaml', [':275:9 specializations[2].id: expected a kebab-case id such as "edge-ml", got "Edge_ML"']],
  ['13-unknown-key.yaml', [':12:3 meta.colour: unknown key "colour"']],
  ['14-skills-not-a-list.yaml', [':71:13 levels[1].skills: expected a list, got "Kubernetes"']],
  ['15-malformed-yaml.yaml', [':85:5: syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]']],
  ['16-duplicate-key.yaml', [':13:3: Map keys must be unique']],
  ['17-too-many-focus-topics.yaml', [':232:7 specializations[0].focus: expected at most 6 items, got a list of 8']],
  [
    '18-three-problems.yaml',
    [
      ':84:12 levels[2].salary.max: expected a number, got "220k"',
      ':140:15 plan.entries[1].months.from: gap in the plan: month 3 is not covered (expected 3, got 4)',
      ':252:9 specializations[1].id: duplicate id "llmops" (first used at specializations[0])',
    ],
  ],
  ['19-malformed.json', [':79:23: syntax error: Unexpected , in flow map']],
  ['20-wrong-type.json', [':93:17 levels[2].years.from: expected a number, got "four"']],
];

describe('broken data files', () => {
  it.each(catalogue)('%s fails with every problem located', async (name, expected) => {
    const file = join(dir, name);
    const { labels } = await shippedSources();
    let error: unknown;
    try {
      loadRoadmap({ data: { file, text: await readFile(file, 'utf8') }, labels });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RoadmapError);
    const e = error as RoadmapError;
    expect(e.exitCode).toBe(1);
    expect(e.problems.map(formatProblem)).toEqual(expected.map((line) => `${file}${line}`));
  });

  it('accepts the shipped data', async () => {
    const sources = await shippedSources();
    const { roadmap } = loadRoadmap(sources);
    expect(roadmap.levels.map((l) => l.code)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5']);
    expect(roadmap.plan.entries).toHaveLength(7);
    expect(roadmap.specializations.map((s) => s.id)).toEqual(['llmops', 'platform', 'edge-ml', 'ml-infra', 'responsible-ai']);
  });

  it('reports a broken label file with its path', async () => {
    const sources = await shippedSources();
    const labels = { ...sources.labels, en: { file: 'data/labels/en.yaml', text: sources.labels.en.text.replace(/^tasks: .*$/m, 'taskz: Tasks') } };
    expect(() => loadRoadmap({ data: sources.data, labels })).toThrow(RoadmapError);
    try {
      loadRoadmap({ data: sources.data, labels });
    } catch (e) {
      const lines = (e as RoadmapError).problems.map(formatProblem);
      expect(lines).toContainEqual(expect.stringMatching(/^data\/labels\/en\.yaml:\d+:1 tasks: missing required text$/));
      expect(lines).toContainEqual(expect.stringMatching(/^data\/labels\/en\.yaml:\d+:1 taskz: unknown key "taskz"$/));
    }
  });
});

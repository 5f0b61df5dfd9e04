import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, RoadmapError } from '../../src/errors.js';
import { loadRoadmap } from '../../src/load/load-roadmap.js';
import { shippedSources } from '../helpers/project.js';

const dir = 'tests/fixtures/broken';

/** Each broken copy of the shipped data and every problem it must report, located. */
const catalogue: [string, string[]][] = [
  ['01-salary-as-text.yaml', [':86:12 levels[2].salary.max: expected a number, got "220k"']],
  ['02-missing-title.yaml', [':65:5 levels[1].title: missing required text']],
  ['03-empty-portfolio-item.yaml', [':350:5 portfolio[0]: expected non-empty text']],
  ['04-duplicate-level-code.yaml', [':92:11 levels[3].code: duplicate level code "L3" (first used at levels[2])']],
  ['05-plan-names-unknown-level.yaml', [':131:20 plan.entries[0].levels[1]: no level has the code "L9" (levels: L1, L2, L3, L4, L5)']],
  ['06-years-reversed.yaml', [':83:11 levels[2].years.to: expected more than years.from (4), got 3']],
  ['07-salary-range-reversed.yaml', [':72:12 levels[1].salary.max: expected at least salary.min (160000), got 150000']],
  ['08-plan-gap.yaml', [':145:15 plan.entries[1].months.from: gap in the plan: month 3 is not covered (expected 3, got 4)']],
  ['09-plan-overlap.yaml', [':160:15 plan.entries[2].months.from: overlap in the plan: month 4 is already covered (expected 5, got 4)']],
  ['10-month-61.yaml', [':220:13 plan.entries[6].months.to: expected at most 60, got 61']],
  ['11-duplicate-track-id.yaml', [':257:9 specializations[1].id: duplicate id "llmops" (first used at specializations[0])']],
  ['12-id-not-kebab-case.yaml', [':280:9 specializations[2].id: expected a kebab-case id such as "edge-ml", got "Edge_ML"']],
  ['13-unknown-key.yaml', [':13:3 meta.colour: unknown key "colour"']],
  ['14-skills-not-a-list.yaml', [':73:13 levels[1].skills: expected a list, got "Kubernetes"']],
  ['15-malformed-yaml.yaml', [':87:5: syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]']],
  ['16-duplicate-key.yaml', [':14:3: Map keys must be unique']],
  ['17-empty-focus.yaml', [':236:12 specializations[0].focus: expected at least 1 item, got a list of 0']],
  [
    '18-three-problems.yaml',
    [
      ':86:12 levels[2].salary.max: expected a number, got "220k"',
      ':145:15 plan.entries[1].months.from: gap in the plan: month 3 is not covered (expected 3, got 4)',
      ':257:9 specializations[1].id: duplicate id "llmops" (first used at specializations[0])',
    ],
  ],
  ['19-malformed.json', [':79:23: syntax error: Unexpected , in flow map']],
  ['20-wrong-type.json', [':96:17 levels[2].years.from: expected a number, got "four"']],
  ['22-salary-without-currency.yaml', [":56:7 levels[0].salary: a salary needs the roadmap's currency and period: add `salary: { currency: USD, period: year }` at the top level"]],
  ['23-heading-without-section.yaml', [':40:5 sections.portfolio: a heading for a section the data does not have: add portfolio, or remove sections.portfolio']],
  ['24-block-of-two-kinds.yaml', [':379:9 extraSections[0].blocks[0]: expected one of { paragraph: text }, { bullets: [...] } or { checklist: [...] }']],
  [
    '25-level-plan-gap.yaml',
    [
      ":146:15 plan.entries[1].months.from: gap in L2's plan: month 1-2 is not covered (expected 1, got 3)",
      ":162:15 plan.entries[2].months.from: gap in L1's plan: month 3-4 is not covered (expected 3, got 5)",
    ],
  ],
  ['26-unknown-currency.yaml', [':119:13 salary.currency: expected an ISO 4217 currency code that exists, such as "USD" or "EUR"']],
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
    const labels = { ...sources.labels, en: { file: 'labels/en.yaml', text: (sources.labels.en?.text ?? '').replace(/^tasks: .*$/m, 'taskz: Tasks') } };
    expect(() => loadRoadmap({ data: sources.data, labels })).toThrow(RoadmapError);
    try {
      loadRoadmap({ data: sources.data, labels });
    } catch (e) {
      const lines = (e as RoadmapError).problems.map(formatProblem);
      expect(lines).toContainEqual(expect.stringMatching(/^labels\/en\.yaml:\d+:1 tasks: missing required text$/));
      expect(lines).toContainEqual(expect.stringMatching(/^labels\/en\.yaml:\d+:1 taskz: unknown key "taskz"$/));
    }
  });
});

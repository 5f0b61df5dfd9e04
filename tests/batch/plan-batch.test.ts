import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import { planBatch, singleRoadmap } from '../../src/batch/plan-batch.js';
import { readBatchList } from '../../src/batch/read-list.js';
import { NOW, shippedProject } from '../helpers/project.js';

describe('planBatch', () => {
  it('gives colliding learners distinct folders, by list order', async () => {
    const entries = readBatchList({ file: 'l.yaml', text: '- {name: Rahim, track: llmops}\n- {name: rahim, track: llmops}\n- {name: RAHIM!, track: llmops}\n- {name: Other, id: rahim-llmops}\n' });
    const plan = planBatch(singleRoadmap(await shippedProject()), entries, NOW);
    expect(plan.builds.map((b) => b.folder)).toEqual(['rahim-llmops', 'rahim-llmops-2', 'rahim-llmops-3', 'rahim-llmops-4']);
  });

  it('uses an id, made safe, as the folder', async () => {
    const entries = readBatchList({ file: 'l.yaml', text: '- {name: A, id: "../Student 07"}\n' });
    const plan = planBatch(singleRoadmap(await shippedProject()), entries, NOW);
    expect(plan.builds[0]!.folder).toBe('student-07');
  });

  it('locates every invalid row at the field at fault and keeps the valid ones', async () => {
    const text = '- name: Good\n- name: Bad track\n  track: llmopz\n- name: Bad date\n  start: 2027-13\n- name: Bad locale\n  locale: fr\n';
    const plan = planBatch(singleRoadmap(await shippedProject()), readBatchList({ file: 'l.yaml', text }), NOW);
    expect(plan.builds.map((b) => b.params.name)).toEqual(['Good']);
    expect(plan.invalid.flatMap((i) => i.problems.map(formatProblem))).toEqual([
      'l.yaml:3:10 track: unknown track "llmopz"; valid tracks: general, llmops, platform, edge-ml, ml-infra, responsible-ai (did you mean "llmops"?)',
      'l.yaml:5:10 start: "2027-13" is not a real date: month 13 does not exist (01-12)',
      'l.yaml:7:11 locale: unknown locale "fr"; the project has labels for bn, en (add labels/fr.yaml for another)',
    ]);
  });
});

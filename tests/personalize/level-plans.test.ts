import { describe, expect, it } from 'vitest';
import { readProjectSources } from '../../src/node/read-sources.js';
import { buildLearner } from '../../src/pipeline/build-learner.js';
import { prepareProject } from '../../src/pipeline/prepare-project.js';
import { renderWorkbookMarkdown } from '../../src/render/render-workbook-markdown.js';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';
import { NOW, tempDir } from '../helpers/project.js';

// The Data Engineer roadmap writes a 6-month plan for IC1 and a 4-month plan for IC2, none for IC3 and IC4.
const project = readProjectSources({ data: fromRoot('roadmaps', 'data-engineer', 'roadmap.yaml') }).then((s) => prepareProject(s));

async function build(level: string, locale: string) {
  const p = await project;
  const b = await buildLearner(p, { name: 'Ada', level, locale, start: '2027-01' }, NOW);
  const readme = new TextDecoder().decode(b.artifacts.find((a) => a.name === 'README.md')?.bytes);
  return { view: b.view, readme, workbook: renderWorkbookMarkdown(p.templates.render, b.view) };
}

describe('a plan per starting level', () => {
  it('gives each level with a plan its own entries and months, without a notice', async () => {
    const ic1 = await build('IC1', 'en');
    expect(ic1.view.plan.map((p) => p.id)).toEqual(['month-1-2', 'month-3-4', 'month-5-6']);
    expect(ic1.readme).toContain('## Your 6-month plan');
    expect(ic1.view.nearestPlan).toBeNull();
    const ic2 = await build('IC2', 'en');
    expect(ic2.view.plan.map((p) => p.id)).toEqual(['month-1-2', 'month-3-4']);
    expect(ic2.readme).toContain('## Your 4-month plan');
    expect(ic2.readme).not.toContain('SQL deep');
    expect(ic2.readme).not.toContain('no plan for');
    expect(ic2.workbook).not.toContain('no plan for');
  });

  it("gives a level without a plan the nearest level's, and says so in the README and on the how-to-use page", async () => {
    for (const level of ['IC3', 'IC4']) {
      const { view, readme, workbook } = await build(level, 'en');
      expect(view.nearestPlan).toEqual({ level, plan: 'IC2' });
      const notice = `> This roadmap has no plan for ${level}; you follow the plan for IC2, the nearest level.`;
      expect(readme).toContain(notice);
      const howToUse = workbook.slice(workbook.indexOf('{# how-to-use }'), workbook.indexOf('{# ladder }'));
      expect(howToUse).toContain(notice);
      expect(view.plan).toHaveLength(2);
    }
    const bn = await build('IC4', 'bn');
    expect(bn.readme).toContain('> এই roadmap-এ IC4-এর জন্য আলাদা plan নেই; তুমি সবচেয়ে কাছের level IC2-এর plan ধরে চলবে।');
  });

  it('prints the notice when the CLI builds for a level without a plan, and only then', async () => {
    const out = await tempDir();
    const args = ['build', '--roadmap', 'data-engineer', '--name', 'Ada', '--start', '2027-01', '--out', out, '--project', fromRoot()];
    const far = await runCli(...args, '--level', 'IC4');
    expect(far.code).toBe(0);
    expect(far.out).toContain('note: the roadmap has no plan for IC4; the files follow the plan for IC2, the nearest level');
    const own = await runCli(...args, '--level', 'IC2');
    expect(own.code).toBe(0);
    expect(own.out).not.toContain('note:');
  });
});

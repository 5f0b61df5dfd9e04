import { describe, expect, it } from 'vitest';
import { personalizeFor } from '../../src/pipeline/build-learner.js';
import { resolveParams } from '../../src/load/validate-document.js';
import type { ParamsInput } from '../../src/schema/params.js';
import { NOW, shippedProject } from '../helpers/project.js';
import { roadmapErrorOf } from '../helpers/errors.js';

async function view(input: ParamsInput) {
  const project = await shippedProject();
  const params = resolveParams(input);
  return personalizeFor({ ...project, version: '9.9.9' }, params, NOW);
}


describe('personalize', () => {
  it('maps each plan entry to calendar months from the start, crossing the year', async () => {
    const v = await view({ start: '2027-11', locale: 'en' });
    expect(v.plan.map((p) => [p.label, p.from.iso, p.to.iso])).toEqual([
      ['Month 1-2', '2027-11-01', '2027-12-31'],
      ['Month 3-4', '2028-01-01', '2028-02-29'],
      ['Month 5-6', '2028-03-01', '2028-04-30'],
      ['Month 7-8', '2028-05-01', '2028-06-30'],
      ['Month 9-10', '2028-07-01', '2028-08-31'],
      ['Month 11', '2028-09-01', '2028-09-30'],
      ['Month 12', '2028-10-01', '2028-10-31'],
    ]);
    expect(v.plan[0]!.range).toBe('November 2027 – December 2027');
  });

  it('writes plan labels and ranges with Bengali digits and month names in bn', async () => {
    const v = await view({ start: '2027-11' });
    expect(v.plan[4]!.label).toBe('মাস ৯-১০');
    expect(v.plan[0]!.range).toBe('নভেম্বর ২০২৭ – ডিসেম্বর ২০২৭');
    expect(v.plan[0]!.doneBy.text).toBe('৩১ ডিসেম্বর, ২০২৭');
  });

  it("maps Month 9-10 to the chosen track's capstone", async () => {
    const project = await shippedProject();
    const edge = project.roadmap.specializations.find((s) => s.id === 'edge-ml')!;
    const v = await view({ track: 'edge-ml' });
    const months910 = v.plan.find((p) => p.monthFrom === 9)!;
    expect(months910.isCapstone).toBe(true);
    expect(months910.topics).toEqual([edge.capstone?.title]);
    expect(v.capstone).toEqual(edge.capstone);
    expect(v.track?.id).toBe('edge-ml');
  });

  it("keeps the seed's RAG SaaS or recsys project on the general path", async () => {
    const v = await view({});
    expect(v.track).toBeNull();
    expect(v.plan.find((p) => p.isCapstone)!.topics).toEqual(['Real project — RAG SaaS or recsys, deploy']);
    expect(v.capstone?.title).toBe('RAG SaaS or recsys');
  });

  it("sets the next level's skills as the learner's targets", async () => {
    const v = await view({ level: 'L2' });
    expect(v.currentLevel.code).toBe('L2');
    expect(v.targetLevel?.code).toBe('L3');
    expect(v.targetLevel?.skills).toContain('System design');
    expect(v.levels.filter((l) => l.isCurrent).map((l) => l.code)).toEqual(['L2']);
    expect(v.levels.filter((l) => l.isTarget).map((l) => l.code)).toEqual(['L3']);
  });

  it('has no target above the top level', async () => {
    const v = await view({ level: 'l5' });
    expect(v.currentLevel.code).toBe('L5');
    expect(v.targetLevel).toBeNull();
    expect(v.levels.some((l) => l.isTarget)).toBe(false);
  });

  it('puts growth check-ins at +18 and +24 months', async () => {
    const v = await view({ start: '2027-11-15', locale: 'en' });
    expect(v.checkIns.map((c) => [c.months, c.date.iso])).toEqual([
      [18, '2029-05-15'],
      [24, '2029-11-15'],
    ]);
  });

  it('defaults the start to the first day of next month', async () => {
    const v = await view({});
    expect(v.start.iso).toBe('2026-12-01');
  });

  it('rejects an unknown track, listing valid ids and the nearest one', async () => {
    const project = await shippedProject();
    const params = resolveParams({ track: 'llmop' });
    const e = roadmapErrorOf(() => personalizeFor(project, params, NOW));
    expect(e.exitCode).toBe(1);
    expect(e.message).toContain('unknown track "llmop"');
    expect(e.message).toContain('general, llmops, platform, edge-ml, ml-infra, responsible-ai');
    expect(e.message).toContain('did you mean "llmops"?');
  });

  it('rejects an unknown level, suggesting the nearest', async () => {
    const project = await shippedProject();
    const params = resolveParams({ level: 'L7' });
    const e = roadmapErrorOf(() => personalizeFor(project, params, NOW));
    expect(e.message).toMatch(/unknown level "L7"; valid levels: L1, L2, L3, L4, L5 \(did you mean "L\d"\?\)/);
  });

  it('rejects a paper outside the choices, and a locale tag that is not BCP 47', () => {
    const e = roadmapErrorOf(() => resolveParams({ locale: 'bn_BD!', paper: 'A3' }));
    expect(e.problems.map((p) => p.path)).toEqual(['locale', 'paper']);
    expect(e.problems[1]!.message).toBe('expected one of "A4", "Letter", got "A3"');
  });

  it('rejects a well-formed locale the project has no labels for, naming the ones it has and the file to add', async () => {
    const project = await shippedProject();
    const e = roadmapErrorOf(() => personalizeFor(project, resolveParams({ locale: 'fr' }), NOW));
    expect(e.message).toBe('locale: unknown locale "fr"; the project has labels for bn, en (add labels/fr.yaml for another)');
  });
});

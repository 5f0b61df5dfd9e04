import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/run-batch.js';
import { createProgress } from '../../src/batch/progress.js';
import { loadChosenProject } from '../../src/node/build-to-disk.js';
import { chooseRoadmap, listRoadmaps } from '../../src/node/project.js';
import { personalizeFor } from '../../src/pipeline/build-learner.js';
import { withSiblingLinks } from '../../src/personalize/sibling-links.js';
import { resolveParams } from '../../src/load/validate-document.js';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';
import { NOW, tempDir } from '../helpers/project.js';

const SEED = fromRoot('roadmaps', 'mlops-engineer', 'roadmap.yaml');

/** A project of two roadmaps: the seed, and a copy of it as `devops-engineer` (shorter title). */
async function twoRoadmaps(): Promise<string> {
  const dir = await tempDir();
  const seed = await readFile(SEED, 'utf8');
  await mkdir(join(dir, 'roadmaps', 'mlops-engineer'), { recursive: true });
  await mkdir(join(dir, 'roadmaps', 'devops-engineer'), { recursive: true });
  await writeFile(join(dir, 'roadmaps', 'mlops-engineer', 'roadmap.yaml'), seed);
  await writeFile(join(dir, 'roadmaps', 'devops-engineer', 'roadmap.yaml'), seed.replace('id: mlops-engineer', 'id: devops-engineer').replace('title: MLOps Engineer Roadmap', 'title: DevOps Engineer Roadmap'));
  await writeFile(join(dir, 'roadmaps', 'devops-engineer', 'roadmap.en.yaml'), '# English overlay\n');
  await cp(fromRoot('labels'), join(dir, 'labels'), { recursive: true });
  return dir;
}

const uids = (ics: string) => [...ics.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]);

describe('a project of several roadmaps', () => {
  it('lists roadmaps/<id>/roadmap.yaml by id, with their overlays, and builds the preferred one by default', async () => {
    const dir = await twoRoadmaps();
    const list = await listRoadmaps(dir);
    expect(list.map((r) => [r.id, r.overlays])).toEqual([['devops-engineer', ['en']], ['mlops-engineer', []]]);
    expect(chooseRoadmap(list, undefined).id).toBe('mlops-engineer');
    expect(chooseRoadmap(list.slice(0, 1), undefined).id).toBe('devops-engineer');
    expect(chooseRoadmap([...list.slice(0, 1), { ...list[0]!, id: 'zz' }], undefined).id).toBe('devops-engineer');
    expect(chooseRoadmap(list, 'DevOps-Engineer').id).toBe('devops-engineer');
  });

  it('builds two roadmaps for one learner into two folders with disjoint calendar UIDs', async () => {
    const dir = await twoRoadmaps();
    const out = join(dir, 'out');
    for (const roadmap of ['mlops-engineer', 'devops-engineer']) {
      const r = await runCli('build', '--project', dir, '--roadmap', roadmap, '--name', 'Rahim', '--locale', 'en', '--out', out);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
    }
    expect((await readdir(out)).sort()).toEqual(['devops-engineer', 'mlops-engineer']);
    const [a, b] = await Promise.all(['mlops-engineer', 'devops-engineer'].map((r) => readFile(join(out, r, 'rahim-general', 'plan.ics'), 'utf8')));
    expect(uids(a!)).toContain('month-1-2.rahim-general.mlops-engineer@roadmap-press');
    expect(uids(b!)).toContain('month-1-2.rahim-general.devops-engineer@roadmap-press');
    expect(uids(a!).filter((u) => uids(b!).includes(u))).toEqual([]);
    expect(await readFile(join(out, 'devops-engineer', 'rahim-general', 'README.md'), 'utf8')).toContain('# DevOps Engineer Roadmap — Rahim');
  });

  it('refuses an unknown --roadmap with exit 1, the valid ids and a suggestion', async () => {
    const dir = await twoRoadmaps();
    const r = await runCli('build', '--project', dir, '--roadmap', 'devops-enginer', '--out', join(dir, 'out'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('--roadmap: unknown roadmap "devops-enginer"; valid roadmaps: devops-engineer, mlops-engineer (did you mean "devops-engineer"?)');
    await expect(readdir(join(dir, 'out'))).rejects.toThrow();
  });

  it('prints the roadmaps: id, title, levels, plan months, languages', async () => {
    const dir = await twoRoadmaps();
    const r = await runCli('roadmaps', '--project', dir);
    expect(r.code).toBe(0);
    expect(r.out.trimEnd().split('\n')).toEqual([
      'devops-engineer  DevOps Engineer Roadmap  5 levels  12 months  bn, en',
      'mlops-engineer   MLOps Engineer Roadmap   5 levels  12 months  bn',
    ]);
    const tracks = await runCli('levels', '--project', dir, '--roadmap', 'devops-engineer');
    expect(tracks.out.split('\n')[0]).toMatch(/^L1\s/);
  });

  it('refuses a roadmap whose meta.id is not its folder name, located at meta.id', async () => {
    const dir = await twoRoadmaps();
    const file = join(dir, 'roadmaps', 'devops-engineer', 'roadmap.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('id: devops-engineer', 'id: dev-ops'));
    const r = await runCli('build', '--project', dir, '--roadmap', 'devops-engineer', '--out', join(dir, 'out'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/roadmaps\/devops-engineer\/roadmap\.yaml:11:7 meta\.id: the id "dev-ops" must equal the roadmap's folder name "devops-engineer"/);
    expect((await runCli('roadmaps', '--project', dir)).code).toBe(1);
  });

  it('builds a batch whose rows name roadmaps: folders per roadmap, the roadmap in the manifest, bad ids located', async () => {
    const dir = await twoRoadmaps();
    const list = join(dir, 'learners.csv');
    await writeFile(list, 'name,roadmap,locale\nRahim,,en\nRahim,devops-engineer,en\nRahim,devops-engineer,en\nAda,devops-enginer,en\n');
    const out = join(dir, 'out');
    const warnings: string[] = [];
    const result = await runBatch({ list, out, paths: { project: dir }, now: NOW, jobs: 1, progress: createProgress({ quiet: true, live: false, write: () => {} }), warn: (t) => warnings.push(t) });
    expect(result.manifest.learners.map((l) => [l.roadmap, l.folder, l.status])).toEqual([
      ['mlops-engineer', 'rahim-general', 'ok'],
      ['devops-engineer', 'rahim-general', 'ok'],
      ['devops-engineer', 'rahim-general-2', 'ok'],
      [null, null, 'invalid'],
    ]);
    expect(warnings.join('\n')).toMatch(/learners\.csv:5:2 roadmap: unknown roadmap "devops-enginer"; valid roadmaps: devops-engineer, mlops-engineer \(did you mean "devops-engineer"\?\)/);
    expect((await readdir(join(out, 'devops-engineer'))).sort()).toEqual(['rahim-general', 'rahim-general-2']);
    const again = await runBatch({ list, out, paths: { project: dir }, now: NOW, jobs: 1, skipUnchanged: true, progress: createProgress({ quiet: true, live: false, write: () => {} }), warn: () => {} });
    expect(again.manifest.summary).toMatchObject({ skipped: 3, invalid: 1 });
  });

  it('links the chapter navigation to sibling roadmaps: README to README, the workbook names the next chapter', async () => {
    const dir = await twoRoadmaps();
    const mlops = join(dir, 'roadmaps', 'mlops-engineer', 'roadmap.yaml');
    await writeFile(mlops, (await readFile(mlops, 'utf8')).replace('      title: System Design Interviews for AI\n', '      title: DevOps Engineer Roadmap\n      roadmap: devops-engineer\n'));
    const devops = join(dir, 'roadmaps', 'devops-engineer', 'roadmap.yaml');
    await writeFile(devops, (await readFile(devops, 'utf8')).replace('    prev:\n      title: Roadmap\n', '    prev:\n      title: MLOps Engineer Roadmap\n      roadmap: mlops-engineer\n'));
    const out = join(dir, 'out');
    for (const roadmap of ['mlops-engineer', 'devops-engineer']) expect((await runCli('build', '--project', dir, '--roadmap', roadmap, '--name', 'Rahim', '--out', out)).code).toBe(0);
    const readme = await readFile(join(out, 'mlops-engineer', 'rahim-general', 'README.md'), 'utf8');
    expect(readme).toContain('[12.02 · DevOps Engineer Roadmap](../../devops-engineer/rahim-general/README.md) →');
    const back = await readFile(join(out, 'devops-engineer', 'rahim-general', 'README.md'), 'utf8');
    const href = /← \[MLOps Engineer Roadmap\]\(([^)]+)\)/.exec(back)?.[1];
    expect(href).toBe('../../mlops-engineer/rahim-general/README.md');
    // The link resolves from the README's folder to the sibling's README.
    expect(await readFile(join(out, 'devops-engineer', 'rahim-general', href ?? ''), 'utf8')).toBe(readme);
    const project = await loadChosenProject({ project: dir }, 'mlops-engineer');
    const view = withSiblingLinks(personalizeFor(project, resolveParams({ name: 'Rahim' }), NOW), project.roadmapIds, 'rahim-general');
    const workbook = project.templates.render('workbook', view);
    expect(workbook).toContain('→ 12.02 · DevOps Engineer Roadmap\n');
    expect(workbook).not.toContain('devops-engineer/');
  });

  it('refuses a nav roadmap that names no roadmap of the project, located at it', async () => {
    const dir = await twoRoadmaps();
    const mlops = join(dir, 'roadmaps', 'mlops-engineer', 'roadmap.yaml');
    await writeFile(mlops, (await readFile(mlops, 'utf8')).replace('      chapter: "12.02"\n', '      roadmap: devops-enginer\n      chapter: "12.02"\n'));
    const r = await runCli('build', '--project', dir, '--out', join(dir, 'out'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/roadmap\.yaml:\d+:\d+ meta\.nav\.next\.roadmap: unknown roadmap "devops-enginer"; valid roadmaps: devops-engineer, mlops-engineer \(did you mean "devops-engineer"\?\)/);
  });
});

import { mkdtempSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readProjectSources } from '../../src/node/read-sources.js';
import { buildLearner } from '../../src/pipeline/build-learner.js';
import { prepareProject, type Project } from '../../src/pipeline/prepare-project.js';
import type { ProjectSources } from '../../src/pipeline/sources.js';
import type { ParamsInput } from '../../src/schema/params.js';
import { ROOT as root } from './paths.js';

/** A fixed "now" (2026-11-29): tests never depend on the clock. */
export const NOW = new Date(Date.UTC(2026, 10, 29, 12, 0, 0));

let sources: Promise<ProjectSources> | undefined;
let project: Promise<Project> | undefined;

/** The shipped data, labels and templates, read once per test file. */
export function shippedSources(): Promise<ProjectSources> {
  sources ??= readProjectSources();
  return sources;
}

export function shippedProject(): Promise<Project> {
  project ??= shippedSources().then((s) => prepareProject(s));
  return project;
}

const roadmapProjects = new Map<string, Promise<Project>>();

/** A shipped roadmap's project by its folder id (`roadmaps/<id>/`), read once per test file. */
export function roadmapProject(id: string): Promise<Project> {
  if (id === 'mlops-engineer') return shippedProject();
  let p = roadmapProjects.get(id);
  if (!p) {
    p = readProjectSources({ data: join(root, 'roadmaps', id, 'roadmap.yaml') }).then((s) => prepareProject(s));
    roadmapProjects.set(id, p);
  }
  return p;
}

export async function buildText(params: ParamsInput, name: 'README.md' | 'plan.ics' = 'README.md'): Promise<string> {
  const build = await buildLearner(await shippedProject(), params, NOW);
  const artifact = build.artifacts.find((a) => a.name === name);
  if (!artifact) throw new Error(`no ${name} built`);
  return new TextDecoder().decode(artifact.bytes);
}

export function tempDir(prefix = 'roadmap-press-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export function tempDirSync(prefix = 'roadmap-press-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

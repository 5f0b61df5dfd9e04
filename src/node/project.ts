import { readdir } from 'node:fs/promises';
import { pathExists } from './path-exists.js';
import { join, resolve } from 'node:path';
import { paramError, RoadmapError } from '../errors.js';
import { parseDocumentText } from '../load/parse-document.js';
import { unknownIdMessage } from '../personalize/suggest.js';
import type { Project } from '../pipeline/prepare-project.js';
import { matchChoice } from '../schema/choices.js';
import { displayName, type SourcePaths } from './read-sources.js';
import { packageRoot } from './version.js';

/**
 * The roadmap a project of several builds when nothing names one: the shipped project's first
 * chapter, so that `roadmap-press build` keeps building the seed once other roadmaps ship
 * beside it. A project without it falls back to its first roadmap by id.
 */
export const PREFERRED_DEFAULT_ROADMAP = 'mlops-engineer';

/** One roadmap of a project: `roadmaps/<id>/roadmap.yaml`. */
export interface ProjectRoadmap {
  id: string;
  /** The roadmap.yaml, absolute. */
  file: string;
  /** The locales of its translation overlays (`roadmap.<locale>.yaml` beside it). */
  overlays: string[];
}


/** The project folder: `paths.project`, else the working directory if it has `roadmaps/`, else the shipped project. */
export async function projectFolderOf(paths: Pick<SourcePaths, 'project'>, cwd = process.cwd()): Promise<string> {
  if (paths.project !== undefined) return resolve(cwd, paths.project);
  return (await pathExists(join(cwd, 'roadmaps'))) ? resolve(cwd) : packageRoot;
}

/** Every `roadmaps/<id>/roadmap.yaml` of a project folder, by id. */
export async function listRoadmaps(projectDir: string): Promise<ProjectRoadmap[]> {
  const root = join(projectDir, 'roadmaps');
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch {
    throw new RoadmapError('io', `${displayName(projectDir)} is not a roadmap project: it has no roadmaps/ folder`);
  }
  const found: ProjectRoadmap[] = [];
  for (const e of entries.filter((d) => d.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const dir = join(root, e.name);
    const names = await readdir(dir);
    if (!names.includes('roadmap.yaml')) continue;
    const overlays = names.flatMap((n) => /^roadmap\.([A-Za-z0-9-]+)\.yaml$/.exec(n)?.[1] ?? []).sort();
    found.push({ id: e.name, file: join(dir, 'roadmap.yaml'), overlays });
  }
  if (found.length === 0) throw new RoadmapError('io', `${displayName(root)} holds no roadmap: expected roadmaps/<id>/roadmap.yaml`);
  return found;
}

/**
 * The roadmap to build: `wanted` (the `roadmap` parameter, case-insensitive), else the only one,
 * else PREFERRED_DEFAULT_ROADMAP when the project has it, else the first by id.
 */
export function chooseRoadmap(roadmaps: readonly ProjectRoadmap[], wanted: string | undefined): ProjectRoadmap {
  const ids = roadmaps.map((r) => r.id);
  if (wanted !== undefined) {
    const matched = matchChoice(wanted, ids);
    const found = roadmaps.find((r) => r.id === matched);
    if (!found) throw paramError('roadmap', unknownIdMessage('roadmap', wanted, ids));
    return found;
  }
  const chosen = roadmaps.length === 1 ? roadmaps[0] : (roadmaps.find((r) => r.id === PREFERRED_DEFAULT_ROADMAP) ?? roadmaps[0]);
  // listRoadmaps never returns an empty list.
  if (!chosen) throw new Error('a project without roadmaps');
  return chosen;
}

/** Where a run's roadmap comes from: the data file to read, and the folder id its meta.id must equal (none for `--data`). */
export interface RoadmapChoice {
  sources: SourcePaths;
  /** The folder name under roadmaps/, or null for a lone `--data` file. */
  folderId: string | null;
  /** Every roadmap id of the project; empty for a lone `--data` file. */
  roadmapIds: string[];
}

/** Picks the roadmap of a run: `--data` is the only roadmap; else the project's roadmap by `wanted`. */
export async function resolveRoadmap(paths: SourcePaths, wanted: string | undefined): Promise<RoadmapChoice> {
  if (paths.data !== undefined) return { sources: paths, folderId: null, roadmapIds: [] };
  const listed = await listRoadmaps(await projectFolderOf(paths));
  const chosen = chooseRoadmap(listed, wanted);
  return { sources: { ...paths, data: chosen.file }, folderId: chosen.id, roadmapIds: listed.map((r) => r.id) };
}

/**
 * A roadmap's meta.id must be its folder's name (outputs and calendar UIDs are named by it): a
 * located data error otherwise. The file is parsed again only to locate the error.
 */
export function checkRoadmapId(project: Pick<Project, 'roadmap'>, folderId: string | null, data: { file: string; text: string }, roadmapIds: readonly string[] = []): void {
  if (folderId === null) return;
  const problems: { path: string[]; message: string }[] = [];
  const { meta } = project.roadmap;
  if (meta.id !== folderId) problems.push({ path: ['meta', 'id'], message: `the id "${meta.id}" must equal the roadmap's folder name "${folderId}" (roadmaps/${folderId}/roadmap.yaml)` });
  // A chapter link to a roadmap the project lacks would be a README link to nothing.
  for (const side of ['prev', 'next'] as const) {
    const named = meta.nav?.[side]?.roadmap;
    if (named !== undefined && roadmapIds.length > 0 && !roadmapIds.includes(named)) {
      problems.push({ path: ['meta', 'nav', side, 'roadmap'], message: unknownIdMessage('roadmap', named, roadmapIds) });
    }
  }
  if (problems.length === 0) return;
  const doc = parseDocumentText(data.text, data.file);
  const n = problems.length;
  throw new RoadmapError(
    'data',
    `the roadmap data has ${n} problem${n === 1 ? '' : 's'}:`,
    problems.map((p) => ({ file: data.file, ...doc.locate(p.path), path: p.path.join('.'), message: p.message })),
  );
}

/** The roadmap's id when `wanted` (the `roadmap` parameter) names it; a parameter error otherwise (a lone `--data` file). */
export function checkWantedRoadmap(id: string, wanted: string | undefined): void {
  if (wanted !== undefined && matchChoice(wanted, [id]) !== id) throw paramError('roadmap', unknownIdMessage('roadmap', wanted, [id]));
}

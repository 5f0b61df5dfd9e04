import { readdir } from 'node:fs/promises';
import { pathExists } from './path-exists.js';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { RoadmapError } from '../errors.js';
import { prepareProject, type Project } from '../pipeline/prepare-project.js';
import type { ProjectSources, SourceFile } from '../pipeline/sources.js';
import type { TemplateSet, TemplateSource } from '../render/template-set.js';
import { MAX_DATA_FILE_BYTES, MAX_TEMPLATE_FILE_BYTES } from '../schema/limits.js';
import type { Locale } from '../schema/params.js';
import { loadFontConfig, loadFontFiles } from './load-fonts.js';

import { readTextFile } from './read-text-file.js';
import { packageRoot, readVersion } from './version.js';

export interface SourcePaths {
  /** The project folder (where `roadmaps/` is); node/project.ts picks the data file in it when `data` is absent. */
  project?: string | undefined;
  /** The roadmap data file; label files are read from `labels/` beside it. */
  data?: string;
  /** A folder holding readme.md.hbs, workbook.md.hbs and partials/. */
  templates?: string;
  readmeTemplate?: string;
  workbookTemplate?: string;
  /** Folder with stacks.json and the font files [default: the shipped fonts/]. */
  fonts?: string;
}

/** Paths relative to the working directory read best in messages (`roadmaps/mlops-engineer/roadmap.yaml:41:7`). */
export function displayName(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  // The working directory itself is `.`, not an empty name.
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

/** `maxBytes`: a size limit checked before reading (data and label files, see limits.ts). */
async function readSource(path: string, what: string, maxBytes?: number): Promise<SourceFile> {
  const file = displayName(path);
  const limit = maxBytes === undefined ? undefined : { bytes: maxBytes, what };
  return { file, text: await readTextFile(path, file, `cannot read ${what}`, limit === undefined ? {} : { limit }) };
}


/**
 * The project folder of a data file at `<project>/roadmaps/<id>/roadmap.yaml`, or null for a
 * data file anywhere else (a lone `--data` file).
 */
export function projectOfDataFile(dataPath: string): string | null {
  const roadmaps = dirname(dirname(resolve(dataPath)));
  return basename(roadmaps) === 'roadmaps' ? dirname(roadmaps) : null;
}

/**
 * The templates folder a build reads: `paths.templates`, else the project's own `templates/`
 * when it has one (what `roadmap-press init --templates` writes), else the shipped one.
 */
export async function templatesFolderOf(paths: SourcePaths): Promise<string> {
  if (paths.templates !== undefined) return resolve(paths.templates);
  const project = projectOfDataFile(dataFileOf(paths));
  if (project !== null && (await pathExists(join(project, 'templates')))) return join(project, 'templates');
  return join(packageRoot, 'templates');
}

/** Where partials come from, in override order: the shipped ones, then the user's templates folder's. */
export function partialsFoldersOf(templatesDir: string): string[] {
  return [...new Set([join(packageRoot, 'templates', 'partials'), join(templatesDir, 'partials')])];
}

export async function readTemplates(paths: SourcePaths): Promise<TemplateSet> {
  const dir = await templatesFolderOf(paths);
  const toSource = async (path: string) => {
    const s = await readSource(path, 'template', MAX_TEMPLATE_FILE_BYTES);
    return { file: s.file, source: s.text } satisfies TemplateSource;
  };
  // Partials: the shipped ones, overridden by same-named ones in a user's templates folder.
  const partials: Record<string, TemplateSource> = {};
  for (const partialDir of partialsFoldersOf(dir)) {
    let names: string[];
    try {
      names = (await readdir(partialDir)).filter((n) => n.endsWith('.hbs')).sort();
    } catch {
      continue; // a user's templates folder need not have partials
    }
    for (const name of names) partials[basename(name, '.hbs')] = await toSource(join(partialDir, name));
  }
  return {
    readme: await toSource(resolve(paths.readmeTemplate ?? join(dir, 'readme.md.hbs'))),
    workbook: await toSource(resolve(paths.workbookTemplate ?? join(dir, 'workbook.md.hbs'))),
    partials,
  };
}

/** The data file a build reads: `paths.data`, else the shipped one. */
export function dataFileOf(paths: SourcePaths): string {
  return resolve(paths.data ?? join(packageRoot, 'roadmaps', 'mlops-engineer', 'roadmap.yaml'));
}

/**
 * The labels of a data file's project: `labels/` beside the file, else the project's own
 * (`roadmaps/<id>/roadmap.yaml` → `labels/`), else the shipped ones.
 */
export async function labelsFolderOf(dataPath: string): Promise<string> {
  for (const dir of [join(dirname(dataPath), 'labels'), join(dirname(dataPath), '..', '..', 'labels')]) {
    if (await pathExists(dir)) return dir;
  }
  return join(packageRoot, 'labels');
}

/** A locale's file in `dir` by its name: `bn.yaml`, `roadmap.en.yaml` (with `prefix` "roadmap."). */
const LOCALE_FILE = /^([a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?)\.yaml$/;

/** Every `<prefix><locale>.yaml` in `dir`, by locale, in name order; none when `dir` does not exist. */
export async function readLocaleFiles(dir: string, prefix: string, what: string): Promise<Record<Locale, SourceFile>> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    return {};
  }
  const out: Record<Locale, SourceFile> = {};
  for (const name of names) {
    const locale = name.startsWith(prefix) ? LOCALE_FILE.exec(name.slice(prefix.length))?.[1] : undefined;
    if (locale !== undefined) out[locale] = await readSource(join(dir, name), what, MAX_DATA_FILE_BYTES);
  }
  return out;
}

/** The shipped label files: complete, one per locale roadmap-press ships. */
export const shippedLabelsFolder = (): string => join(packageRoot, 'labels');

export async function readProjectSources(paths: SourcePaths = {}): Promise<ProjectSources> {
  const dataPath = dataFileOf(paths);
  const labelsDir = await labelsFolderOf(dataPath);
  const shipped = shippedLabelsFolder();
  return {
    data: await readSource(dataPath, 'data file', MAX_DATA_FILE_BYTES),
    translations: await readLocaleFiles(dirname(dataPath), 'roadmap.', 'translation'),
    labels: await readLocaleFiles(shipped, '', 'label file'),
    // A project's own labels may be partial: each key falls back to the shipped label.
    projectLabels: resolve(labelsDir) === resolve(shipped) ? {} : await readLocaleFiles(labelsDir, '', 'label file'),
    templates: await readTemplates(paths),
    fonts: await readFonts(paths.fonts ?? join(packageRoot, 'fonts')),
    version: readVersion(),
  };
}

/** Reads and prepares a project from disk: the one place Node code turns paths into a Project. */
export async function loadProject(paths: SourcePaths = {}): Promise<Project> {
  return prepareProject(await readProjectSources(paths));
}

/** Font configuration and bytes for the workbook, read once at the edge; every failure is bad input. */
export async function readFonts(dir: string): Promise<NonNullable<ProjectSources['fonts']>> {
  try {
    const config = await loadFontConfig(dir);
    return { config, files: await loadFontFiles(config, dir) };
  } catch (e) {
    if (e instanceof RoadmapError) throw e;
    throw new RoadmapError('io', `cannot read the fonts in ${displayName(dir)}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

import { access, readdir } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { RoadmapError } from '../errors.js';
import type { ProjectSources, SourceFile } from '../pipeline/sources.js';
import type { TemplateSet, TemplateSource } from '../render/template-set.js';
import { Locales, type Locale } from '../schema/params.js';
import { loadFontConfig, loadFontFiles } from '../text/load-fonts-node.js';

import { readTextFile } from './read-text-file.js';
import { packageRoot, readVersion } from './version.js';

export interface SourcePaths {
  /** The roadmap data file; label files are read from `labels/` beside it. */
  data?: string;
  /** A folder holding readme.md.hbs, workbook.md.hbs and partials/. */
  templates?: string;
  readmeTemplate?: string;
  workbookTemplate?: string;
  /** Folder with stacks.json and the font files [default: the shipped fonts/]. */
  fonts?: string;
}

/** Paths relative to the working directory read best in messages (`data/roadmap.yaml:41:7`). */
export function displayName(path: string): string {
  const rel = relative(process.cwd(), path);
  // The working directory itself is `.`, not an empty name.
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

async function readSource(path: string, what: string): Promise<SourceFile> {
  const file = displayName(path);
  return { file, text: await readTextFile(path, file, `cannot read ${what}`) };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export async function readTemplates(paths: SourcePaths): Promise<TemplateSet> {
  const dir = resolve(paths.templates ?? join(packageRoot, 'templates'));
  const toSource = async (path: string) => {
    const s = await readSource(path, 'template');
    return { file: s.file, source: s.text } satisfies TemplateSource;
  };
  // Partials: the shipped ones, overridden by same-named ones in a user's templates folder.
  const partials: Record<string, TemplateSource> = {};
  for (const partialDir of [...new Set([join(packageRoot, 'templates', 'partials'), join(dir, 'partials')])]) {
    let names: string[] = [];
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

export async function readProjectSources(paths: SourcePaths = {}): Promise<ProjectSources> {
  const dataPath = resolve(paths.data ?? join(packageRoot, 'data', 'roadmap.yaml'));
  // Labels live beside the data (`data/labels/`); a lone data file uses the shipped ones.
  const besideData = join(dirname(dataPath), 'labels');
  const labelsDir = (await exists(besideData)) ? besideData : join(packageRoot, 'data', 'labels');
  const labels = {} as Record<Locale, SourceFile>;
  for (const locale of Locales) labels[locale] = await readSource(join(labelsDir, `${locale}.yaml`), 'label file');
  return {
    data: await readSource(dataPath, 'data file'),
    labels,
    templates: await readTemplates(paths),
    fonts: await readFonts(paths.fonts ?? join(packageRoot, 'fonts')),
    version: readVersion(),
  };
}

/** Font configuration and bytes for the workbook, read once at the edge. */
async function readFonts(dir: string): Promise<NonNullable<ProjectSources['fonts']>> {
  try {
    const config = await loadFontConfig(dir);
    return { config, files: await loadFontFiles(config, dir) };
  } catch (e) {
    if (e instanceof RoadmapError) throw e;
    throw new RoadmapError('io', `cannot read the fonts in ${displayName(dir)}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

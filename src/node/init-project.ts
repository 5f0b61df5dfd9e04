import { lstatSync, mkdirSync, rmdirSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { RoadmapError } from '../errors.js';
import { roadmapJsonSchema } from '../schema/json-schema.js';
import { fsErrorCode } from './fs-errors.js';
import { displayName, shippedLabelsFolder } from './read-sources.js';
import { STARTER_LANGUAGE, STARTER_ROADMAP_ID, starterConfig, starterLabels, starterRoadmap } from './starter-project.js';
import { packageRoot } from './version.js';
import { createFileSet } from './write-files.js';

export interface InitOptions {
  /** Also copy the shipped templates/ (README, workbook, partials) into the project to customize. */
  templates?: boolean;
}

/** One file of a new project: its path inside the project, `/`-separated, and its bytes. */
export interface InitFile {
  name: string;
  bytes: Uint8Array;
}

export interface InitResult {
  /** The project folder, absolute. */
  dir: string;
  /** What was written, inside `dir`, in writing order. */
  files: string[];
  /** The roadmap written, `roadmaps/<id>/roadmap.yaml`. */
  roadmapId: string;
}

const SCHEMA_FILE = 'roadmaps/roadmap.schema.json';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Every file of `dir`, below it, `/`-separated, by name. */
async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** What `init` writes: the starter roadmap and its schema, a partial label file, the config, and with `templates` a copy of the shipped templates. */
export async function starterFiles(options: InitOptions = {}): Promise<InitFile[]> {
  const shippedLabels = await readFile(join(shippedLabelsFolder(), `${STARTER_LANGUAGE}.yaml`), 'utf8');
  const files: InitFile[] = [
    // The schema is one folder up from roadmaps/<id>/, as in the shipped project.
    { name: `roadmaps/${STARTER_ROADMAP_ID}/roadmap.yaml`, bytes: utf8(starterRoadmap('../roadmap.schema.json')) },
    // As `roadmap-press schema` prints it, so the two never differ.
    { name: SCHEMA_FILE, bytes: utf8(`${JSON.stringify(roadmapJsonSchema(), null, 2)}\n`) },
    { name: `labels/${STARTER_LANGUAGE}.yaml`, bytes: utf8(starterLabels(shippedLabels, STARTER_LANGUAGE)) },
    { name: 'roadmap-press.config.yaml', bytes: utf8(starterConfig()) },
  ];
  if (options.templates) {
    const shipped = join(packageRoot, 'templates');
    for (const name of await filesBelow(shipped)) files.push({ name: `templates/${name}`, bytes: await readFile(join(shipped, name)) });
  }
  return files;
}

/** What is in the way of writing `names` into `dir`: a file already there, or a file where a folder must go. */
function conflictsOf(dir: string, names: readonly string[]): string[] {
  const found = new Set<string>();
  const isFolder = (path: string) => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return null; // not there
    }
  };
  if (isFolder(dir) === false) found.add(dir);
  for (const name of names) {
    const path = join(dir, name);
    for (let p = dirname(path); p !== dir && p.startsWith(dir); p = dirname(p)) if (isFolder(p) === false) found.add(p);
    try {
      lstatSync(path); // anything at all, a dangling symlink too
      found.add(path);
    } catch {
      // free
    }
  }
  return [...found];
}

/** Creates the folders `paths` need below `dir` (and `dir`), returning those it created, deepest last. */
function createFolders(dir: string, paths: readonly string[]): string[] {
  const created: string[] = [];
  const wanted = [...new Set(paths.map((p) => dirname(p)))];
  try {
    for (const folder of wanted) {
      const missing: string[] = [];
      for (let p = folder; statOrNull(p) === null && p !== dirname(p); p = dirname(p)) missing.unshift(p);
      for (const p of missing) {
        mkdirSync(p);
        created.push(p);
      }
    }
  } catch (e) {
    removeFolders(created);
    throw new RoadmapError('io', `cannot create a folder in ${displayName(dir)}: ${fsErrorCode(e) || String(e)}`);
  }
  return created;
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Removes folders `createFolders` made, deepest first, where they are still empty. */
function removeFolders(created: readonly string[]): void {
  for (const p of [...created].reverse()) {
    try {
      rmdirSync(p);
    } catch {
      // not empty (someone else wrote there): leave it
    }
  }
}

/**
 * Writes a new roadmap project into `dir` (created if missing) that `validate` accepts and
 * `build` turns into a workbook as it is. Never overwrites: if any file it would write is
 * already there, it refuses before writing anything, naming each. The files are written as a
 * set (see createFileSet): a failure leaves none of them, and no folder it created.
 */
export async function initProject(dir: string, options: InitOptions = {}): Promise<InitResult> {
  const root = resolve(dir);
  const files = await starterFiles(options);
  const conflicts = conflictsOf(root, files.map((f) => f.name));
  if (conflicts.length > 0) {
    const n = conflicts.length;
    throw new RoadmapError(
      'io',
      `refusing to overwrite: ${displayName(root)} already has ${n === 1 ? 'a file' : `${n} files`} that init writes (nothing was written; move ${n === 1 ? 'it' : 'them'} away or init another folder):`,
      conflicts.map((p) => ({ file: displayName(p), message: statOrNull(p)?.isDirectory() === false && files.some((f) => join(root, f.name).startsWith(`${p}${sep}`)) ? 'a file where init needs a folder' : 'already exists' })),
    );
  }
  const targets = files.map((f) => ({ path: join(root, f.name), bytes: f.bytes }));
  const created = createFolders(root, targets.map((t) => t.path));
  try {
    createFileSet(targets);
  } catch (e) {
    removeFolders(created);
    throw e;
  }
  return { dir: root, files: files.map((f) => f.name), roadmapId: STARTER_ROADMAP_ID };
}

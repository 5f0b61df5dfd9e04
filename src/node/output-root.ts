import { accessSync, constants, existsSync, lstatSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { RoadmapError } from '../errors.js';
import { describeFsError, fsErrorCode } from './fs-errors.js';

const ROOT_REFUSED = 'refusing to write into the root of the file system; give a folder such as out';

function createError(out: string, e: unknown): RoadmapError {
  if (e instanceof RoadmapError) return e;
  const c = fsErrorCode(e);
  // Creating a folder level by level, ENOENT means the parent refuses children (/proc), and
  // EEXIST that something not a folder is in the way.
  const why = c === 'ENOENT' ? 'the file system refuses new folders there' : c === 'EEXIST' ? 'a part of the path is a file' : describeFsError(e);
  return new RoadmapError('io', `--out ${out}: cannot create the folder: ${why}${c ? ` (${c})` : ''}`);
}

/**
 * Checks the output folder (`--out`) and returns its real path, which every later check
 * compares against; with `create`, makes it. The folder itself may be a symlink: the user
 * named it, and its real location is then used throughout. A folder not there yet gets the
 * real path of its nearest existing parent plus the rest, so a batch that fails its checks
 * creates nothing.
 */
export function openOutputRoot(out: string, options: { create?: boolean } = {}): string {
  const path = resolve(out);
  if (path === dirname(path)) throw new RoadmapError('io', `--out ${out}: ${ROOT_REFUSED}`);
  let existing = path;
  const rest: string[] = [];
  for (;;) {
    let stat;
    try {
      stat = statSync(existing);
    } catch {
      stat = null;
    }
    if (stat) {
      if (!stat.isDirectory()) throw new RoadmapError('io', rest.length === 0 ? `--out ${out}: it is a file, not a folder` : `--out ${out}: ${existing} is a file, not a folder`);
      break;
    }
    rest.unshift(basename(existing));
    existing = dirname(existing);
  }
  const real = join(realpathSync(existing), ...rest);
  if (real === dirname(real)) throw new RoadmapError('io', `--out ${out}: ${ROOT_REFUSED}`);
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch (e) {
    throw new RoadmapError('io', `--out ${out}: ${rest.length === 0 ? 'the folder' : existing} is not writable (${fsErrorCode(e)})`);
  }
  if (options.create ?? true) makeFolders(real, out);
  return real;
}

/**
 * Creates the missing levels of the root one at a time. Not `mkdir -p`: Node's recursive
 * mkdir retries forever where a parent exists but refuses children with ENOENT (/proc).
 */
export function makeFolders(real: string, out: string): void {
  const missing: string[] = [];
  for (let p = real; !existsSync(p) && p !== dirname(p); p = dirname(p)) missing.unshift(p);
  for (const p of missing) {
    try {
      mkdirSync(p);
    } catch (e) {
      if (fsErrorCode(e) !== 'EEXIST') throw createError(out, e);
    }
  }
}

/** Whether `path` is strictly below `root`, by the path's text. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/**
 * The folder `parts` inside the real output root, created one level at a time and checked at
 * each: a level that is a symlink or a file is refused (exit 1), and its real path must stay
 * inside the root. `mkdir -p` would follow a planted link and write wherever it points.
 */
export function folderInside(realRoot: string, ...parts: string[]): string {
  makeFolders(realRoot, realRoot);
  // The root's real path was taken when it was opened; a parent swapped for a symlink since
  // would move it, and a file written straight into the root has no part to check.
  if (realpathSync(realRoot) !== realRoot) {
    throw new RoadmapError('io', `refusing to write into ${realRoot}: its real location changed to ${realpathOrNothing(realRoot)} during the build`);
  }
  let current = realRoot;
  for (const part of parts) {
    if (part === '' || part === '.' || part === '..' || part.includes('/') || part.includes('\\')) {
      throw new RoadmapError('io', `refusing to write outside the output folder: ${join(...parts)}`);
    }
    current = join(current, part);
    try {
      mkdirSync(current);
    } catch (e) {
      if (fsErrorCode(e) !== 'EEXIST') throw new RoadmapError('io', `cannot create ${current}: ${describeFsError(e)}`);
    }
    const stat = lstatSync(current);
    if (stat.isSymbolicLink()) {
      throw new RoadmapError('io', `refusing to write into ${current}: it is a symbolic link (to ${realpathOrNothing(current)}), and output stays inside ${realRoot}`);
    }
    if (!stat.isDirectory()) throw new RoadmapError('io', `cannot write into ${current}: it is a file where a folder should be`);
    // Defends against a swap between the lstat and here, and against odd mounts.
    if (!isInside(realRoot, realpathSync(current))) {
      throw new RoadmapError('io', `refusing to write into ${current}: its real location is outside ${realRoot}`);
    }
  }
  return current;
}

function realpathOrNothing(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return 'nothing';
  }
}

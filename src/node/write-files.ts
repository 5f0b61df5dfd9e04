import { randomBytes } from 'node:crypto';
import { closeSync, constants, copyFileSync, linkSync, lstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { RoadmapError } from '../errors.js';
import { describeFsError, fsErrorCode } from './fs-errors.js';
import type { Artifact } from '../pipeline/build-learner.js';
import { folderInside, isInside, makeFolders } from './output-root.js';

/**
 * Resolves `parts` under `root` and refuses anything that would land outside it, by the path's
 * text. It cannot see symlinks: writes go through `folderInside` (src/node/output-root.ts),
 * which checks real paths.
 */
export function insideRoot(root: string, ...parts: string[]): string {
  const base = resolve(root);
  const target = resolve(base, ...parts);
  if (!isInside(base, target)) {
    throw new RoadmapError('io', `refusing to write outside the output folder: ${join(...parts)}`);
  }
  return target;
}

/** A temporary name beside `path`: hidden, and tagged with our pid so a later run can tell an
 * orphan (SIGKILL) from a file another live process is still writing. */
function tempNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

function writeError(path: string, e: unknown): RoadmapError {
  if (e instanceof RoadmapError) return e;
  const code = fsErrorCode(e);
  return new RoadmapError('io', `cannot write ${path}: ${describeFsError(e)}${code ? ` (${code})` : ''}`);
}

/**
 * Creates `path` for writing, only if nothing (not even a dangling symlink) is there: a
 * temporary file never writes through a link someone planted under its name.
 */
export function createExclusive(path: string): number {
  // O_NOFOLLOW is not defined on Windows, where O_EXCL already refuses an existing link.
  const noFollow = constants.O_NOFOLLOW ?? 0;
  return openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | noFollow, 0o666);
}

/** Refuses a target that is a symlink (renaming over it would be fine, but it says someone
 * expects us to write elsewhere) or a folder. */
function checkTarget(path: string): void {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return; // not there yet
  }
  if (stat.isSymbolicLink()) throw new RoadmapError('io', `refusing to write ${path}: it is a symbolic link`);
  if (stat.isDirectory()) throw new RoadmapError('io', `cannot write ${path}: it is a folder, not a file`);
}

function writeTemp(path: string, bytes: Uint8Array): string {
  checkTarget(path);
  const tmp = tempNameFor(path);
  const fd = createExclusive(tmp);
  try {
    for (let done = 0; done < bytes.byteLength; ) done += writeSync(fd, bytes, done);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  return tmp;
}

/**
 * Replaces the files of one folder as a set: every file is written to a temporary name first
 * and renamed over its target only once all are complete, so a failure (disk full) leaves the
 * old set whole instead of a new README beside an old PDF. `dir` must already exist and be
 * checked (see `folderInside`).
 */
export function writeFileSet(dir: string, files: { name: string; bytes: Uint8Array }[]): void {
  const temps: { tmp: string; path: string }[] = [];
  let current = dir;
  try {
    for (const f of files) {
      current = join(dir, f.name);
      temps.push({ tmp: writeTemp(current, f.bytes), path: current });
    }
    for (const t of temps) {
      current = t.path;
      renameSync(t.tmp, t.path);
    }
  } catch (e) {
    for (const t of temps) rmSync(t.tmp, { force: true });
    throw writeError(current, e);
  }
}

/**
 * Writes one file atomically (temporary name, then renamed over the target), creating its
 * folder. For paths the user named (`proof --out`, `merge-manifests --out`) and our caches;
 * files inside an output root go through `writeFileSet` after `folderInside`.
 */
export function writeFileAtomicSync(path: string, bytes: Uint8Array): void {
  makeFolders(resolve(dirname(path)), dirname(path));
  writeFileSet(dirname(path), [{ name: basename(path), bytes }]);
}

/** Why a hard link failed where the file system has none (FAT, some network and FUSE mounts), not because the name is taken. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS', 'EMLINK']);

/**
 * Creates new files as a set and never replaces one: each is written under a temporary name
 * beside its target first, then hard-linked to its name, which fails if anything (even a
 * dangling symlink) took the name meanwhile. On any failure the files already placed are
 * removed again, so the set is written whole or not at all. Their folders must exist. Where
 * the file system has no hard links, an exclusive copy stands in (still never replacing).
 */
export function createFileSet(files: readonly { path: string; bytes: Uint8Array }[]): void {
  const temps: { tmp: string; path: string }[] = [];
  const placed: string[] = [];
  let current = '';
  try {
    for (const f of files) {
      current = f.path;
      temps.push({ tmp: writeTemp(f.path, f.bytes), path: f.path });
    }
    for (const t of temps) {
      current = t.path;
      try {
        linkSync(t.tmp, t.path);
      } catch (e) {
        if (!NO_HARD_LINKS.has(fsErrorCode(e))) throw e;
        copyFileSync(t.tmp, t.path, constants.COPYFILE_EXCL);
      }
      placed.push(t.path);
    }
  } catch (e) {
    for (const p of placed) rmSync(p, { force: true });
    for (const t of temps) rmSync(t.tmp, { force: true });
    if (fsErrorCode(e) === 'EEXIST') throw new RoadmapError('io', `refusing to overwrite ${current}: it appeared while writing (nothing was written)`);
    throw writeError(current, e);
  }
  for (const t of temps) rmSync(t.tmp, { force: true });
}

const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes temporary files left by a killed process (SIGKILL gives no chance to clean up).
 * Files of processes that are still alive are left alone: they may be mid-write.
 */
export async function removeOrphanedTempFiles(root: string): Promise<number> {
  let removed = 0;
  let entries;
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch {
    return 0; // no output folder yet
  }
  for (const e of entries) {
    const m = e.isFile() ? TEMP_NAME.exec(e.name) : null;
    if (!m || isAlive(Number(m[1]))) continue;
    await rm(join(e.parentPath, e.name), { force: true });
    removed++;
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return fsErrorCode(e) === 'EPERM';
  }
}

/**
 * Replaces a learner's files in its folder inside the real output root, as a set; returns the
 * folder. What `build` and every batch job write through, so both keep the same checks.
 */
export function writeLearner(realRoot: string, folder: string | readonly string[], artifacts: readonly Artifact[]): string {
  const dir = folderInside(realRoot, ...(typeof folder === 'string' ? [folder] : folder));
  writeFileSet(dir, [...artifacts]);
  return dir;
}

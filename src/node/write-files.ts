import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { RoadmapError } from '../errors.js';

/**
 * Resolves `parts` under `root` and refuses anything that would land outside it. Slugs are
 * already safe; this is the second lock on the door, for every path written.
 */
export function insideRoot(root: string, ...parts: string[]): string {
  const base = resolve(root);
  const target = resolve(base, ...parts);
  const rel = relative(base, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
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
  return new RoadmapError('io', `cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
}

/**
 * Writes a file atomically: to a temporary name in the same folder, then renamed over the
 * target, so readers (and a killed process) only ever see the old file or the whole new one.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tempNameFor(path);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw writeError(path, e);
  }
}

/**
 * `writeFileAtomic` without the thread pool, for batch workers: a worker has nothing else to do
 * meanwhile, and on a busy machine each async step waits for a thread-pool thread to be
 * scheduled, which left the worker idle (measured in docs/benchmarks.md).
 */
export function writeFileAtomicSync(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tempNameFor(path);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw writeError(path, e);
  }
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
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

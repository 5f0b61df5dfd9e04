import { randomBytes } from 'node:crypto';
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

/**
 * Writes a file atomically: to a temporary name in the same folder, then renamed over the
 * target, so readers (and a killed process) only ever see the old file or the whole new one.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // Hidden, and tagged with our pid so a later run can tell an orphan (SIGKILL) from a
  // file another live process is still writing.
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new RoadmapError('io', `cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
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

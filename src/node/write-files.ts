import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
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
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new RoadmapError('io', `cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

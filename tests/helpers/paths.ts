import { join } from 'node:path';

/**
 * The project's root, found from this file: tests never resolve through the working directory
 * they happen to run in.
 */
export const ROOT = join(import.meta.dirname, '..', '..');

/** A path inside the project. */
export function fromRoot(...parts: string[]): string {
  return join(ROOT, ...parts);
}

/** The built CLI (`npm test` builds it first), run as `node <CLI_MAIN> …`. */
export const CLI_MAIN = fromRoot('dist', 'cli', 'main.js');

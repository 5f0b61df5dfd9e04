import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's own root (where data/, templates/ and fonts/ ship). */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** roadmap-press's version from its package.json; light enough for `--version`. */
export function readVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseDocumentText } from '../load/parse-document.js';
import { displayName } from './read-sources.js';
import { readTextFile } from './read-text-file.js';
import { MAX_CONFIG_FILE_BYTES } from '../schema/limits.js';
import { ConfigSchema, type Config } from '../schema/params.js';
import { validateDocument } from '../validate/validate-document.js';

export const CONFIG_NAMES = ['roadmap-press.config.yaml', 'roadmap-press.config.yml', 'roadmap-press.config.json'];

/**
 * The config file: `--config PATH` (must exist), else the first of CONFIG_NAMES in the working
 * directory, else none. Relative paths inside it are taken relative to the file.
 */
export async function loadConfig(explicit: string | undefined, cwd = process.cwd()): Promise<{ config: Config; file: string | null }> {
  let path: string | null = null;
  if (explicit !== undefined) {
    path = resolve(cwd, explicit);
  } else {
    for (const name of CONFIG_NAMES) {
      try {
        await access(join(cwd, name));
        path = join(cwd, name);
        break;
      } catch {
        // not there; try the next name
      }
    }
  }
  if (path === null) return { config: {}, file: null };
  const display = displayName(path, cwd);
  const text = await readTextFile(path, display, 'cannot read config file', { limit: { bytes: MAX_CONFIG_FILE_BYTES, what: 'config file' } });
  const config = validateDocument(parseDocumentText(text, display), ConfigSchema, 'the config file');
  const dir = resolve(path, '..');
  const rebase = (p: string | undefined) => (p === undefined ? undefined : resolve(dir, p));
  return { config: { ...config, out: rebase(config.out), data: rebase(config.data), templates: rebase(config.templates), fonts: rebase(config.fonts) }, file: path };
}

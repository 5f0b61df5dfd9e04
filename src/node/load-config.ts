import { access, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { RoadmapError } from '../errors.js';
import { parseDocumentText } from '../load/parse-document.js';
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
  const display = relative(cwd, path) || path;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    // A missing or unreadable file is bad input (exit 1), like a missing data file; the README says so.
    const code = e instanceof Error && 'code' in e ? String(e.code) : String(e);
    throw new RoadmapError('io', `--config: cannot read ${display}${code === 'ENOENT' ? ': no such file' : `: ${code}`}`);
  }
  const config = validateDocument(parseDocumentText(text, display), ConfigSchema, 'the config file');
  const dir = resolve(path, '..');
  const rebase = (p: string | undefined) => (p === undefined ? undefined : resolve(dir, p));
  return { config: { ...config, out: rebase(config.out), data: rebase(config.data), templates: rebase(config.templates), fonts: rebase(config.fonts) }, file: path };
}

import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { readTextFile } from './read-text-file.js';
import { packageRoot } from './version.js';
import { MAX_CONFIG_FILE_BYTES } from '../schema/limits.js';
import { fontFilesOf, parseFontConfig, type FontConfig } from '../text/config.js';
import type { TextEngineOptions } from '../text/engine.js';
import type { TextEngine } from '../text/types.js';

/**
 * The only file of the text engine that touches the disk, so the rest runs in a browser.
 * Default directory: the package's `fonts/`.
 */
export function defaultFontDir(): string {
  return join(packageRoot, 'fonts');
}

export async function loadFontConfig(dir = defaultFontDir()): Promise<FontConfig> {
  const path = join(dir, 'stacks.json');
  const text = await readTextFile(path, path, 'cannot read font stacks', { limit: { bytes: MAX_CONFIG_FILE_BYTES, what: 'font stacks file' } });
  return parseFontConfig(JSON.parse(text));
}

export async function loadFontFiles(config: FontConfig, dir = defaultFontDir()): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  for (const f of fontFilesOf(config)) out[f] = await readShared(join(dir, f));
  return out;
}

/**
 * A file's bytes in shared memory: a batch hands the fonts (3 MB) to every worker thread, and
 * shared memory is passed by reference where other bytes are copied into each thread.
 */
async function readShared(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const bytes = new Uint8Array(new SharedArrayBuffer(size));
    let done = 0;
    while (done < size) {
      const { bytesRead } = await file.read(bytes, done, size - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done === size ? bytes : bytes.slice(0, done);
  } finally {
    await file.close();
  }
}

/** createTextEngine with the configuration and fonts read from `dir`. */
export async function createNodeTextEngine(
  dir = defaultFontDir(),
  extra: Omit<TextEngineOptions, 'config' | 'fonts'> = {},
): Promise<TextEngine> {
  const config = await loadFontConfig(dir);
  // Imported here, not at the top, so that reading fonts does not load HarfBuzz and PDFKit.
  const { createTextEngine } = await import('../text/engine.js');
  return createTextEngine({ ...extra, config, fonts: await loadFontFiles(config, dir) });
}

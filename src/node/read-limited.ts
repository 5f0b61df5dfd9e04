import { open } from 'node:fs/promises';
import { RoadmapError } from '../errors.js';
import { formatByteLimit } from '../schema/limits.js';

/**
 * Reads a UTF-8 text file no larger than `maxBytes`, checked from its size before anything is
 * read, so an oversized input fails at once instead of being parsed for minutes or exhausting
 * memory. Errors opening or reading the file are passed on as they are, for the caller to word.
 */
export async function readTextWithin(path: string, maxBytes: number, what: string, file: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) {
      throw new RoadmapError('data', `${what} ${file} is too large`, [
        { file, message: `${size.toLocaleString('en')} bytes, over the limit of ${formatByteLimit(maxBytes)} for a ${what} (see "Limits" in the README)` },
      ]);
    }
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

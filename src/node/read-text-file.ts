import { open, type FileHandle } from 'node:fs/promises';
import { RoadmapError, type ErrorKind } from '../errors.js';
import { decodeUtf8 } from '../load/decode-utf8.js';
import { describeFsError } from './fs-errors.js';
import { formatByteLimit } from '../schema/limits.js';

export interface ReadTextOptions {
  /** Sets the exit code of a read failure. */
  kind?: ErrorKind;
  /**
   * A size limit (see limits.ts), checked from the file's size before anything is read, so an
   * oversized input fails at once instead of being parsed for minutes or exhausting memory.
   */
  limit?: { bytes: number; what: string };
}

/**
 * Reads a UTF-8 text file the user named. Every way it can fail is a user error that names
 * the file: missing, a folder, unreadable, too large, or not UTF-8 (located to line and column).
 * `what` starts the message of a read failure ("cannot read template").
 */
export async function readTextFile(path: string, display: string, what: string, options: ReadTextOptions = {}): Promise<string> {
  let bytes: Uint8Array;
  try {
    const handle = await open(path, 'r');
    try {
      const stat = await handle.stat();
      const limit = options.limit;
      if (limit === undefined) {
        bytes = await handle.readFile();
      } else {
        if (stat.size > limit.bytes) throw tooLarge(display, limit, stat.size.toLocaleString('en'));
        // The size can lie (a pipe, /dev/zero, a file still growing): read one byte past the
        // limit at most, so the limit holds whatever the file is.
        bytes = await readAtMost(handle, limit.bytes + 1);
        if (bytes.byteLength > limit.bytes) throw tooLarge(display, limit, `more than ${limit.bytes.toLocaleString('en')}`);
      }
    } finally {
      await handle.close();
    }
  } catch (e) {
    if (e instanceof RoadmapError) throw e;
    throw new RoadmapError(options.kind ?? 'io', `${what} ${display}: ${describeFsError(e)}`);
  }
  return decodeUtf8(bytes, display);
}

function tooLarge(display: string, limit: { bytes: number; what: string }, size: string): RoadmapError {
  return new RoadmapError('data', `${limit.what} ${display} is too large`, [
    { file: display, message: `${size} bytes, over the limit of ${formatByteLimit(limit.bytes)} for a ${limit.what} (see "Limits" in the README)` },
  ]);
}

async function readAtMost(handle: FileHandle, max: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(max);
  let length = 0;
  while (length < max) {
    const { bytesRead } = await handle.read(buffer, length, max - length, null);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return buffer.subarray(0, length);
}

import { readFile } from 'node:fs/promises';
import { RoadmapError, type ErrorKind } from '../errors.js';
import { decodeUtf8 } from '../load/decode-utf8.js';

/**
 * Reads a UTF-8 text file the user named. Every way it can fail is a user error that names
 * the file: missing, a folder, unreadable, or not UTF-8 (located to line and column).
 * `what` reads in the message ("template", "--config"); `kind` sets the exit code.
 */
export async function readTextFile(path: string, display: string, what: string, kind: ErrorKind = 'io'): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new RoadmapError(kind, `${what} ${display}: ${readFailure(e)}`);
  }
  return decodeUtf8(bytes, display);
}

function readFailure(e: unknown): string {
  // Only Node's fs errors carry a code; anything else is shown as it is.
  const code = e instanceof Error && 'code' in e ? String(e.code) : undefined;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return code ?? (e instanceof Error ? e.message : String(e));
  }
}

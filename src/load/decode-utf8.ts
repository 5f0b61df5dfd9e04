import { RoadmapError } from '../errors.js';

// ignoreBOM keeps a leading BOM in the text, as reading with 'utf8' did: callers that care strip it.
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a text file's bytes as UTF-8, strictly: a lenient decoder turns a bad byte into
 * U+FFFD and the file would validate with a character nobody wrote. The error locates the
 * first bad byte (`file:line:col`).
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return strict.decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    const { line, column } = position(bytes, at);
    const byte = bytes[at];
    const shown = byte === undefined ? 'a sequence the decoder rejects' : `byte 0x${byte.toString(16).padStart(2, '0')}`;
    throw new RoadmapError('data', `${file} is not valid UTF-8`, [
      { file, line, column, message: `invalid UTF-8 (${shown}); save the file as UTF-8` },
    ]);
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const len = sequenceLength(bytes, i);
    if (len === 0) return i;
    i += len;
  }
  return bytes.length;
}

// The well-formed sequences of Unicode's table 3-7: no overlongs, surrogates or values past U+10FFFF.
function sequenceLength(b: Uint8Array, i: number): number {
  const b0 = b[i] ?? 0;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const v = b[i + k];
    return v !== undefined && v >= lo && v <= hi;
  };
  if (b0 <= 0x7f) return 1;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 >= 0xe1 && b0 <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** 1-based line and column (in characters, as editors count them) of byte `offset`. */
function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Everything before the bad byte is well formed, so it decodes and counts as characters.
  const before = strict.decode(bytes.subarray(lineStart, offset));
  return { line, column: [...before].length + 1 };
}

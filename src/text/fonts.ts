import * as fontkit from 'fontkit';
import type { Font as HbFont } from 'harfbuzzjs';
import { loadHarfBuzz, type HarfBuzz } from './harfbuzz.js';

/**
 * A font parsed once per process: HarfBuzz face/font for shaping and glyph outlines, fontkit for
 * metrics and subsetting. Keyed by the SHA-256 of the bytes so two documents (or two engines)
 * that load the same file share one HarfBuzz object and one shaping cache namespace.
 */
export interface LoadedFont {
  /** SHA-256 of the font bytes, hex. */
  readonly hash: string;
  /** Small process-wide number per distinct font (per hash): cheap cache keys. */
  readonly id: number;
  /** File name from the configuration, e.g. `NotoSansBengali-Regular.ttf`. */
  readonly file: string;
  readonly postscriptName: string;
  readonly bytes: Uint8Array;
  readonly upem: number;
  /** Typographic ascent/descent in font units (descent negative). */
  readonly ascent: number;
  readonly descent: number;
  /** The HarfBuzz module the font was made with, for shaping it. */
  readonly hb: HarfBuzz;
  readonly hbFont: HbFont;
  readonly fk: fontkit.FontkitFont;
  has(this: void, codePoint: number): boolean;
}

const byHash = new Map<string, LoadedFont>();

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // Web Crypto exists in Node 20 and browsers, so the core stays free of node:crypto.
  // Web Crypto takes no shared memory (the batch shares font bytes between threads): copy those.
  const shared = typeof SharedArrayBuffer !== 'undefined' && bytes.buffer instanceof SharedArrayBuffer;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', shared ? bytes.slice() : bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function loadFont(file: string, bytes: Uint8Array): Promise<LoadedFont> {
  const hash = await sha256Hex(bytes);
  const cached = byHash.get(hash);
  if (cached) return cached.file === file ? cached : { ...cached, file };
  const hb = await loadHarfBuzz();
  const face = new hb.Face(new hb.Blob(bytes));
  const hbFont = new hb.Font(face);
  const coverage = new Set<number>(face.collectUnicodes());
  const fk = fontkit.create(bytes);
  const font: LoadedFont = {
    hash,
    id: byHash.size + 1,
    file,
    postscriptName: fk.postscriptName,
    bytes,
    upem: face.upem,
    ascent: fk.ascent,
    descent: fk.descent,
    hb,
    hbFont,
    fk,
    has: (cp) => coverage.has(cp),
  };
  byHash.set(hash, font);
  return font;
}

/** How many distinct fonts this process has parsed (tests check reuse across engines). */
export function loadedFontCount(): number {
  return byHash.size;
}

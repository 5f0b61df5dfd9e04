import type { Buffer as HbBuffer } from 'harfbuzzjs';
import type { LoadedFont } from './fonts.js';
import { Lru } from './lru.js';

/** One HarfBuzz output glyph, in font units; `cluster` is a UTF-16 index into the shaped text. */
export interface ShapedGlyph {
  gid: number;
  cluster: number;
  ax: number;
  ay: number;
  dx: number;
  dy: number;
}

export interface ShapeResult {
  glyphs: readonly ShapedGlyph[];
  /** Sum of x advances, font units. */
  advance: number;
}

export interface ShapingStats {
  hits: number;
  misses: number;
  size: number;
  capacity: number;
  /**
   * UTF-16 code units handed to HarfBuzz since the last reset (cache misses only): the work
   * shaping did, which tests use to check that breaking a long word stays linear in its length.
   */
  shapedUnits: number;
}

/**
 * The shipped roadmap shapes ~1 600 distinct pieces across every track, locale and paper; a
 * batch adds a few per learner (names). 20 000 leaves room for much larger roadmaps while
 * bounding what a long batch can hold (~1.3 KB per entry with its draw clusters).
 */
export const DEFAULT_SHAPING_CACHE_SIZE = 20_000;

/**
 * Process-wide LRU of shaping results. A batch renders thousands of documents with mostly the
 * same words, so this is where the time goes; the bound keeps a long batch from growing without
 * limit (the PDFKit per-word cache problem, pdfkit #1527).
 */
const cache = new Lru<string, ShapeResult>(DEFAULT_SHAPING_CACHE_SIZE);
let sharedBuffer: HbBuffer | undefined;
let shapedUnits = 0;

export function setShapingCacheCapacity(n: number): void {
  cache.resize(n);
}

export function shapingStats(): ShapingStats {
  return { ...cache.stats(), shapedUnits };
}

export function resetShapingStats(): void {
  cache.resetStats();
  shapedUnits = 0;
}

export function clearShapingCache(): void {
  cache.clear();
}

/**
 * Shape `text` with `font`. `script` is an ISO 15924 tag (`Beng`, `Latn`) or undefined to let
 * HarfBuzz guess, which is what `hb-shape` does; features use HarfBuzz's string syntax.
 */
export function shapeText(font: LoadedFont, text: string, script?: string, features: readonly string[] = []): ShapeResult {
  const key = `${font.id}\u0000${script ?? ''}\u0000${features.length ? features.join(',') : ''}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  // One buffer for the process, reset to its freshly-created state before each use: creating
  // one per call left the freeing to a FinalizationRegistry.
  shapedUnits += text.length;
  const hb = font.hb;
  const buf = (sharedBuffer ??= new hb.Buffer());
  buf.reset();
  buf.addText(text);
  if (script) buf.setScript(script);
  buf.setDirection(hb.Direction.LTR);
  buf.guessSegmentProperties();
  const feats = features.map((f) => {
    const parsed = hb.Feature.fromString(f);
    if (!parsed) throw new Error(`bad OpenType feature string: ${f}`);
    return parsed;
  });
  hb.shape(font.hbFont, buf, feats);
  // getGlyphInfos/getGlyphPositions: getGlyphInfosAndPositions also defines four hidden
  // properties per glyph, which made it the slowest part of a first shape.
  const infos = buf.getGlyphInfos();
  const positions = buf.getGlyphPositions();
  let advance = 0;
  const glyphs: ShapedGlyph[] = new Array<ShapedGlyph>(infos.length);
  for (const [i, info] of infos.entries()) {
    const pos = positions[i];
    const ax = pos?.xAdvance ?? 0;
    advance += ax;
    glyphs[i] = { gid: info.codepoint, cluster: info.cluster, ax, ay: pos?.yAdvance ?? 0, dx: pos?.xOffset ?? 0, dy: pos?.yOffset ?? 0 };
  }
  const result: ShapeResult = { glyphs, advance };
  cache.set(key, result);
  return result;
}

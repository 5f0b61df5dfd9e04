/**
 * Append composite glyphs to a TrueType (glyf) font. Used on the subset fontkit writes: a
 * HarfBuzz cluster of several glyphs (কো = ে-sign + ক + া-sign) becomes one composite glyph
 * whose components are exactly HarfBuzz's glyphs at HarfBuzz's offsets. One glyph per cluster
 * is what lets every extractor read the cluster's text in logical order with no gaps: mupdf
 * measures glyphs by the font's own advances and poppler splits words at zero-width glyphs.
 */
import { compoundComponents, tableDirectory } from './sfnt.js';

export interface CompositePart {
  /** Glyph id inside the font being extended. */
  gid: number;
  dx: number;
  dy: number;
}

export interface CompositeGlyph {
  parts: readonly CompositePart[];
  /** Advance width, font units. */
  advance: number;
}

interface Table {
  tag: string;
  data: Uint8Array;
}

/** Every table as an own copy (head, hhea and maxp are changed in place). */
function readTables(font: Uint8Array): Table[] {
  return tableDirectory(font).map((t) => ({ tag: t.tag, data: font.slice(t.offset, t.offset + t.length) }));
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  const padded = new Uint8Array((data.length + 3) & ~3);
  padded.set(data);
  const v = new DataView(padded.buffer);
  for (let i = 0; i < padded.length; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  return sum;
}

function writeFont(tables: Table[]): Uint8Array {
  tables.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const n = tables.length;
  let entrySelector = 0;
  while (1 << (entrySelector + 1) <= n) entrySelector++;
  const searchRange = (1 << entrySelector) * 16;
  let size = 12 + n * 16;
  for (const t of tables) size += (t.data.length + 3) & ~3;
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x00010000);
  v.setUint16(4, n);
  v.setUint16(6, searchRange);
  v.setUint16(8, entrySelector);
  v.setUint16(10, n * 16 - searchRange);
  let off = 12 + n * 16;
  let headOffset = -1;
  tables.forEach((t, i) => {
    const rec = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[rec + k] = t.tag.charCodeAt(k);
    v.setUint32(rec + 4, checksum(t.data));
    v.setUint32(rec + 8, off);
    v.setUint32(rec + 12, t.data.length);
    out.set(t.data, off);
    if (t.tag === 'head') headOffset = off;
    off += (t.data.length + 3) & ~3;
  });
  if (headOffset >= 0) v.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/** Returns the new font and the glyph id of the first added composite. */
export function addCompositeGlyphs(font: Uint8Array, composites: readonly CompositeGlyph[]): { font: Uint8Array; firstGid: number } {
  const tables = readTables(font);
  const get = (tag: string): Table => {
    const t = tables.find((x) => x.tag === tag);
    if (!t) throw new Error(`font has no ${tag} table (only TrueType outlines are supported)`);
    return t;
  };
  const head = get('head');
  const hhea = get('hhea');
  const maxp = get('maxp');
  const loca = get('loca');
  const glyf = get('glyf');
  const hmtx = get('hmtx');
  const hv = new DataView(head.data.buffer);
  const longLoca = hv.getInt16(50) === 1;
  const mv = new DataView(maxp.data.buffer);
  const numGlyphs = mv.getUint16(4);
  const lv = new DataView(loca.data.buffer);
  const offsets: number[] = [];
  for (let i = 0; i <= numGlyphs; i++) offsets.push(longLoca ? lv.getUint32(i * 4) : lv.getUint16(i * 2) * 2);
  const glyphs: Uint8Array[] = [];
  for (let i = 0; i < numGlyphs; i++) glyphs.push(glyf.data.slice(offsets[i], offsets[i + 1]));

  const hhv = new DataView(hhea.data.buffer);
  const numH = hhv.getUint16(34);
  const xv = new DataView(hmtx.data.buffer);
  const metrics: Array<[number, number]> = [];
  for (let i = 0; i < numGlyphs; i++) {
    if (i < numH) metrics.push([xv.getUint16(i * 4), xv.getInt16(i * 4 + 2)]);
    else metrics.push([xv.getUint16((numH - 1) * 4), xv.getInt16(numH * 4 + (i - numH) * 2)]);
  }

  const bboxOf = (gid: number): [number, number, number, number] | null => {
    const g = glyphs[gid];
    if (!g || g.length < 10) return null;
    const gv = new DataView(g.buffer, g.byteOffset, g.byteLength);
    return [gv.getInt16(2), gv.getInt16(4), gv.getInt16(6), gv.getInt16(8)];
  };

  let maxParts = 0;
  for (const c of composites) {
    maxParts = Math.max(maxParts, c.parts.length);
    let box: [number, number, number, number] | null = null;
    for (const p of c.parts) {
      const b = bboxOf(p.gid);
      if (!b) continue;
      const moved: [number, number, number, number] = [b[0] + p.dx, b[1] + p.dy, b[2] + p.dx, b[3] + p.dy];
      box = box ? [Math.min(box[0], moved[0]), Math.min(box[1], moved[1]), Math.max(box[2], moved[2]), Math.max(box[3], moved[3])] : moved;
    }
    if (c.parts.length === 0) {
      // An empty glyph: no outline, zero length in glyf.
      glyphs.push(new Uint8Array(0));
      metrics.push([Math.max(0, Math.round(c.advance)), 0]);
      continue;
    }
    const bytes = new Uint8Array(10 + c.parts.length * 8);
    const gv = new DataView(bytes.buffer);
    gv.setInt16(0, -1);
    const [x0, y0, x1, y1] = box ?? [0, 0, 0, 0];
    gv.setInt16(2, x0);
    gv.setInt16(4, y0);
    gv.setInt16(6, x1);
    gv.setInt16(8, y1);
    c.parts.forEach((p, k) => {
      const o = 10 + k * 8;
      // ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES, plus MORE_COMPONENTS except on the last.
      gv.setUint16(o, 0x0001 | 0x0002 | (k < c.parts.length - 1 ? 0x0020 : 0));
      gv.setUint16(o + 2, p.gid);
      gv.setInt16(o + 4, Math.round(p.dx));
      gv.setInt16(o + 6, Math.round(p.dy));
    });
    glyphs.push(bytes);
    metrics.push([Math.max(0, Math.round(c.advance)), x0]);
  }

  const total = glyphs.length;
  /** Points and contours of a glyph, following components (the maxp composite maxima). */
  const sizeOf = (gid: number, depth: number): [number, number] => {
    const g = glyphs[gid];
    if (!g || g.length < 10 || depth > 8) return [0, 0];
    const gv = new DataView(g.buffer, g.byteOffset, g.byteLength);
    const nc = gv.getInt16(0);
    if (nc >= 0) return nc === 0 ? [0, 0] : [gv.getUint16(10 + (nc - 1) * 2) + 1, nc];
    let pts = 0;
    let cts = 0;
    for (const [component] of compoundComponents(g) ?? []) {
      const [p, c] = sizeOf(component, depth + 1);
      pts += p;
      cts += c;
    }
    return [pts, cts];
  };
  let glyfSize = 0;
  for (const g of glyphs) glyfSize += (g.length + 3) & ~3;
  const newGlyf = new Uint8Array(glyfSize);
  const newLoca = new Uint8Array((total + 1) * 4);
  const nlv = new DataView(newLoca.buffer);
  let off = 0;
  glyphs.forEach((g, i) => {
    nlv.setUint32(i * 4, off);
    newGlyf.set(g, off);
    off += (g.length + 3) & ~3;
  });
  nlv.setUint32(total * 4, off);
  const newHmtx = new Uint8Array(total * 4);
  const nhv = new DataView(newHmtx.buffer);
  metrics.forEach(([adv, lsb], i) => {
    nhv.setUint16(i * 4, adv);
    nhv.setInt16(i * 4 + 2, lsb);
  });
  hv.setInt16(50, 1);
  hhv.setUint16(34, total);
  mv.setUint16(4, total);
  if (maxp.data.length >= 32) {
    mv.setUint16(28, Math.max(mv.getUint16(28), maxParts));
    mv.setUint16(30, Math.max(mv.getUint16(30), 1) + 1);
    let maxPts = mv.getUint16(10);
    let maxCts = mv.getUint16(12);
    for (let i = numGlyphs; i < total; i++) {
      const [pts, cts] = sizeOf(i, 0);
      maxPts = Math.max(maxPts, pts);
      maxCts = Math.max(maxCts, cts);
    }
    mv.setUint16(10, Math.min(0xffff, maxPts));
    mv.setUint16(12, Math.min(0xffff, maxCts));
  }
  glyf.data = newGlyf;
  loca.data = newLoca;
  hmtx.data = newHmtx;
  return { font: writeFont(tables), firstGid: numGlyphs };
}

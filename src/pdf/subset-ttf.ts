/**
 * TrueType (glyf) subsetting straight from the font bytes, writing exactly what fontkit 2's
 * TTFSubset writes (same tables, order, directory and glyph order; tests/pdf/subset.test.ts
 * compares the bytes), without fontkit's table decoding and re-encoding, which was the largest
 * share of writing a document's fonts. A source is parsed once per font per process; glyph
 * bytes are views into the font file.
 */

export interface FontInfo {
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  italic: boolean;
  ascent: number;
  descent: number;
  italicAngle: number;
  isFixedPitch: boolean;
  capHeight: number | undefined;
  xHeight: number | undefined;
}

import { compoundComponents, tableDirectory, type ComponentRecord, type TableRecord } from './sfnt.js';

/** The parsed, read-only parts of one font a subset needs. */
export class TrueTypeSource {
  private readonly view: DataView;
  private readonly tables = new Map<string, TableRecord>();
  readonly numGlyphs: number;
  private readonly numberOfHMetrics: number;
  private readonly longLoca: boolean;
  private readonly glyfOffset: number;
  private readonly locaOffset: number;
  private readonly hmtxOffset: number;
  /** Component glyph ids and their positions inside the glyph, per compound glyph (lazily). */
  private readonly componentCache = new Map<number, readonly ComponentRecord[] | null>();

  constructor(private readonly bytes: Uint8Array) {
    const v = (this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    for (const t of tableDirectory(bytes)) this.tables.set(t.tag, t);
    const head = this.table('head');
    this.longLoca = v.getInt16(head.offset + 50) === 1;
    this.numGlyphs = v.getUint16(this.table('maxp').offset + 4);
    this.numberOfHMetrics = v.getUint16(this.table('hhea').offset + 34);
    this.glyfOffset = this.table('glyf').offset;
    this.locaOffset = this.table('loca').offset;
    this.hmtxOffset = this.table('hmtx').offset;
  }

  static isTrueType(bytes: Uint8Array): boolean {
    const tags = new Set(tableDirectory(bytes).map((t) => t.tag));
    return ['head', 'hhea', 'maxp', 'loca', 'glyf', 'hmtx'].every((t) => tags.has(t));
  }

  private table(tag: string): TableRecord {
    const t = this.tables.get(tag);
    if (!t) throw new Error(`font has no ${tag} table`);
    return t;
  }

  /** A table the subset cannot do without (a view), at most `max` long. */
  required(tag: string, max = Infinity): Uint8Array {
    const t = this.table(tag);
    return this.bytes.subarray(t.offset, t.offset + Math.min(t.length, max));
  }

  /** A table's bytes (a view), at most `max` long; undefined when the font has none. */
  raw(tag: string, max = Infinity): Uint8Array | undefined {
    const t = this.tables.get(tag);
    if (!t) return undefined;
    return this.bytes.subarray(t.offset, t.offset + Math.min(t.length, max));
  }

  /** What the PDF font descriptor needs, read as fontkit reads it (head, hhea, post, OS/2). */
  info(): FontInfo {
    const v = this.view;
    const head = this.table('head').offset;
    const hhea = this.table('hhea').offset;
    const post = this.tables.get('post');
    const os2 = this.tables.get('OS/2');
    const ascent = v.getInt16(hhea + 4);
    // fontkit's OS/2 has capHeight and xHeight from version 2 on (undefined before).
    const os2v = os2 ? v.getUint16(os2.offset) : -1;
    return {
      bbox: { minX: v.getInt16(head + 36), minY: v.getInt16(head + 38), maxX: v.getInt16(head + 40), maxY: v.getInt16(head + 42) },
      italic: (v.getUint16(head + 44) & 2) !== 0,
      ascent,
      descent: v.getInt16(hhea + 6),
      italicAngle: post ? v.getInt32(post.offset + 4) / 65536 : 0,
      isFixedPitch: post ? v.getUint32(post.offset + 12) !== 0 : false,
      capHeight: os2 ? (os2v >= 2 ? v.getInt16(os2.offset + 88) : undefined) : ascent,
      xHeight: os2 ? (os2v >= 2 ? v.getInt16(os2.offset + 86) : undefined) : 0,
    };
  }

  get locaVersion(): 0 | 1 {
    return this.longLoca ? 1 : 0;
  }

  private loca(gid: number): number {
    return this.longLoca ? this.view.getUint32(this.locaOffset + gid * 4) : this.view.getUint16(this.locaOffset + gid * 2) * 2;
  }

  /** The glyph's bytes in glyf (a view; empty for an empty glyph). */
  glyph(gid: number): Uint8Array {
    const a = this.loca(gid);
    const b = this.loca(gid + 1);
    return this.bytes.subarray(this.glyfOffset + a, this.glyfOffset + Math.max(a, b));
  }

  /** Components of a compound glyph (glyph id and where it is written), or null. */
  components(gid: number): readonly ComponentRecord[] | null {
    let out = this.componentCache.get(gid);
    if (out === undefined) {
      out = compoundComponents(this.glyph(gid));
      this.componentCache.set(gid, out);
    }
    return out;
  }

  /** hmtx advance and left side bearing, as fontkit reads them. */
  metrics(gid: number): [advance: number, bearing: number] {
    const v = this.view;
    const n = this.numberOfHMetrics;
    if (gid < n) return [v.getUint16(this.hmtxOffset + gid * 4), v.getInt16(this.hmtxOffset + gid * 4 + 2)];
    const advance = n > 0 ? v.getUint16(this.hmtxOffset + (n - 1) * 4) : 0;
    const at = this.hmtxOffset + n * 4 + (gid - n) * 2;
    const table = this.table('hmtx');
    const bearing = at + 2 <= table.offset + table.length ? v.getInt16(at) : 0;
    return [advance, bearing];
  }
}

/** Same interface and output as fontkit's `font.createSubset()` for TrueType fonts. */
export class TrueTypeSubset {
  private readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();

  constructor(private readonly src: TrueTypeSource) {
    this.includeGlyph(0);
  }

  includeGlyph(gid: number): number {
    let id = this.mapping.get(gid);
    if (id === undefined) {
      this.glyphs.push(gid);
      id = this.glyphs.length - 1;
      this.mapping.set(gid, id);
    }
    return id;
  }

  encode(): Uint8Array {
    const src = this.src;
    const parts: Uint8Array[] = [];
    const offsets: number[] = [];
    const metrics: Array<[number, number]> = [];
    let offset = 0;
    // includeGlyph appends a compound glyph's components as the loop meets them; the array
    // iterator reads the growing length, so they are written too.
    for (const gid of this.glyphs) {
      let buf = src.glyph(gid);
      const comps = src.components(gid);
      if (comps) {
        buf = buf.slice();
        const v = new DataView(buf.buffer);
        for (const [componentGid, pos] of comps) v.setUint16(pos, this.includeGlyph(componentGid));
      }
      parts.push(buf);
      offsets.push(offset);
      metrics.push(src.metrics(gid));
      offset += buf.length;
    }
    offsets.push(offset);
    const count = parts.length;
    const longLoca = src.locaVersion === 1;

    const head = src.required('head', 54).slice();
    const hhea = src.required('hhea', 36).slice();
    new DataView(hhea.buffer).setUint16(34, count);
    // fontkit writes hhea's four reserved words as zeros.
    hhea.fill(0, 26, 34);
    const maxp = src.required('maxp', 32).slice();
    new DataView(maxp.buffer).setUint16(4, count);
    const loca = new Uint8Array(offsets.length * (longLoca ? 4 : 2));
    const lv = new DataView(loca.buffer);
    offsets.forEach((o, i) => (longLoca ? lv.setUint32(i * 4, o) : lv.setUint16(i * 2, (o >>> 1) & 0xffff)));
    const hmtx = new Uint8Array(count * 4);
    const hv = new DataView(hmtx.buffer);
    metrics.forEach(([adv, lsb], i) => {
      hv.setUint16(i * 4, adv);
      hv.setInt16(i * 4 + 2, lsb);
    });
    const even = (b: Uint8Array | undefined): Uint8Array | undefined => (b ? b.subarray(0, b.length & ~1) : undefined);
    // glyf is written from the glyphs' parts, not copied into one buffer first.
    const glyf = { parts, length: offset };
    const tables: Array<[string, Uint8Array | typeof glyf | undefined]> = [
      ['head', head],
      ['hhea', hhea],
      ['loca', loca],
      ['maxp', maxp],
      ['cvt ', even(src.raw('cvt '))],
      ['prep', src.raw('prep')],
      ['glyf', glyf],
      ['hmtx', hmtx],
      ['fpgm', src.raw('fpgm')],
    ];
    const present = tables.filter((t): t is [string, Uint8Array | typeof glyf] => t[1] !== undefined);
    const n = present.length;
    let size = 12 + n * 16;
    for (const [, data] of present) size += data.length;
    const out = new Uint8Array(size);
    const v = new DataView(out.buffer);
    v.setUint32(0, 0x74727565); // 'true', as fontkit writes
    v.setUint16(4, n);
    const maxPow2 = 2 ** Math.floor(Math.log(n) / Math.LN2);
    v.setUint16(6, maxPow2 * 16);
    v.setUint16(8, Math.log(maxPow2) / Math.LN2);
    v.setUint16(10, n * 16 - maxPow2 * 16);
    let at = 12 + n * 16;
    present.forEach(([tag, data], i) => {
      const rec = 12 + i * 16;
      for (let k = 0; k < 4; k++) out[rec + k] = tag.charCodeAt(k);
      // checksum stays 0, as in fontkit's output
      v.setUint32(rec + 8, at);
      const len = data.length;
      v.setUint32(rec + 12, len);
      if (data instanceof Uint8Array) out.set(data, at);
      else {
        let o = at;
        for (const p of data.parts) {
          out.set(p, o);
          o += p.length;
        }
      }
      at += len;
    });
    return out;
  }
}

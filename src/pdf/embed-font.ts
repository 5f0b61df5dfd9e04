import type { LoadedFont } from '../text/fonts.js';
import { Lru } from '../text/lru.js';
import { compresses, endCompressed, newRef, pdfkitDeflate, type PdfRef } from './pdfkit-internals.js';
import { addCompositeGlyphs, type CompositeGlyph } from './sfnt-composite.js';
import { TrueTypeSource, TrueTypeSubset, type FontInfo } from './subset-ttf.js';
import { toUnicodeCMap } from './tounicode.js';
import { itemAt } from '../item-at.js';

interface CidEntry {
  /** One glyph (drawn as itself) or a cluster of glyphs (drawn as one composite glyph). */
  parts: ReadonlyArray<{ gid: number; dx: number; dy: number }>;
  advanceUnits: number;
  text: string;
  /** Advance in PDF glyph space (1/1000 em). */
  width: number;
}

/** Parsed once per font file per process (engines and documents share it). */
const sources = new WeakMap<Uint8Array, TrueTypeSource | null>();

const infos = new WeakMap<Uint8Array, FontInfo>();

function sourceOf(font: LoadedFont): TrueTypeSource | null {
  let src = sources.get(font.bytes);
  if (src === undefined) {
    src = TrueTypeSource.isTrueType(font.bytes) ? new TrueTypeSource(font.bytes) : null;
    sources.set(font.bytes, src);
  }
  return src;
}

function subsetOf(font: LoadedFont): { includeGlyph(gid: number): number; encode(): Uint8Array } {
  const src = sourceOf(font);
  // Not glyf-based: let fontkit try (addCompositeGlyphs needs glyf and says so).
  return src ? new TrueTypeSubset(src) : font.fk.createSubset();
}

/** Descriptor values; from the raw tables when possible (fontkit decodes all of `post` for them). */
export function fontInfo(font: LoadedFont): FontInfo {
  let info = infos.get(font.bytes);
  if (!info) {
    const src = sourceOf(font);
    const fk = font.fk;
    info = src
      ? src.info()
      : {
          bbox: fk.bbox,
          italic: fk.head.macStyle.italic,
          ascent: fk.ascent,
          descent: fk.descent,
          italicAngle: fk.italicAngle,
          isFixedPitch: Boolean(fk.post.isFixedPitch),
          capHeight: fk.capHeight,
          xHeight: fk.xHeight,
        };
    infos.set(font.bytes, info);
  }
  return info;
}

/**
 * What `finish` writes for a font and its CIDs, streams already compressed. Documents of one
 * track and locale mostly use the same glyphs in the same order, so a batch finds the same
 * subset again and again; this skips subsetting and compressing it. Process-wide and small:
 * an entry holds a compressed subset (tens of KB).
 */
interface FinishedFont {
  baseFont: string;
  fontFile: Uint8Array;
  cidToGid: Uint8Array;
  toUnicode: Uint8Array;
}
const finishedFonts = new Lru<string, FinishedFont>(48);

type Parts = ReadonlyArray<{ gid: number; dx: number; dy: number }>;

export function widthOfAdvance(font: LoadedFont, advanceUnits: number): number {
  return Math.round(((advanceUnits * 1000) / font.upem) * 1000) / 1000;
}

/** What makes two CIDs of one font the same: glyphs with offsets, advance and text. */
export function cidKey(font: LoadedFont, parts: Parts, text: string, advanceUnits: number): string {
  return `${parts.map((p) => `${p.gid}@${p.dx},${p.dy}`).join(' ')}\u0000${widthOfAdvance(font, advanceUnits)}\u0000${text}`;
}

/**
 * One font embedded in one document as a CIDFontType2 subset with our own CIDs.
 *
 * A CID stands for a (glyphs, text, advance) triple rather than a glyph id, because ToUnicode
 * maps CIDs: the same glyph can stand for different text in different places, and a HarfBuzz
 * cluster of several glyphs becomes one composite glyph that reads as the whole cluster text.
 * CIDToGIDMap points each CID at its glyph in the subset.
 */
export class EmbeddedFont {
  readonly name: string;
  readonly ref: PdfRef;
  private readonly cids = new Map<string, number>();
  private readonly entries: CidEntry[] = [];
  /** `<hhhh>` per CID, for TJ arrays. */
  private readonly tokens: string[] = [];
  private finished = false;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    readonly font: LoadedFont,
    index: number,
  ) {
    this.name = `RP${index}`;
    this.ref = newRef(doc);
  }

  /**
   * The CID for these glyphs (offsets relative to the pen, font units) reading as `text`, with
   * this advance (font units). A single glyph must come with zero offsets (the writer positions it).
   */
  cid(parts: Parts, text: string, advanceUnits: number): number {
    return this.cidFor(cidKey(this.font, parts, text, advanceUnits), parts, text, advanceUnits);
  }

  /** `cid` with its key already made by `cidKey` (the writer keeps keys with cached pieces). */
  cidFor(key: string, parts: Parts, text: string, advanceUnits: number): number {
    if (this.finished) throw new Error('font already written: draw before finish()');
    let cid = this.cids.get(key);
    if (cid === undefined) {
      if (text.length === 0) throw new Error('a glyph must stand for some text');
      if (this.entries.length >= 0xfffe) throw new Error(`too many distinct glyphs in ${this.font.file}`);
      this.entries.push({ parts, advanceUnits, text, width: widthOfAdvance(this.font, advanceUnits) });
      cid = this.entries.length; // CID 0 stays .notdef
      this.cids.set(key, cid);
    }
    return cid;
  }

  /** The CID as a TJ string operand. */
  token(cid: number): string {
    let t = this.tokens[cid];
    if (t === undefined) this.tokens[cid] = t = `<${cid.toString(16).padStart(4, '0')}>`;
    return t;
  }

  /** Glyph-space width of a CID, as written in /W. */
  widthOf(cid: number): number {
    return itemAt(this.entries, cid - 1).width;
  }

  get used(): boolean {
    return this.entries.length > 0;
  }

  /** The subset font and the CIDToGIDMap, uncompressed. */
  private subset(): { bytes: Uint8Array; map: Uint8Array } {
    const subset = subsetOf(this.font);
    // Per CID: the subset's glyph id of a plain glyph, or the index of its composite, whose
    // glyph ids are known only once the composites are appended after the subset's glyphs.
    const targets: Array<{ gid: number } | { composite: number }> = [];
    const composites: CompositeGlyph[] = [];
    for (const e of this.entries) {
      const only = e.parts.length === 1 ? e.parts[0] : undefined;
      if (only && only.dx === 0 && only.dy === 0) targets.push({ gid: subset.includeGlyph(only.gid) });
      else {
        targets.push({ composite: composites.length });
        composites.push({ parts: e.parts.map((p) => ({ gid: subset.includeGlyph(p.gid), dx: p.dx, dy: p.dy })), advance: e.advanceUnits });
      }
    }
    let bytes = subset.encode();
    let firstComposite = 0;
    if (composites.length) ({ font: bytes, firstGid: firstComposite } = addCompositeGlyphs(bytes, composites));
    const map = new Uint8Array((this.entries.length + 1) * 2);
    targets.forEach((t, i) => {
      const newGid = 'gid' in t ? t.gid : firstComposite + t.composite;
      map[(i + 1) * 2] = newGid >> 8;
      map[(i + 1) * 2 + 1] = newGid & 0xff;
    });
    return { bytes, map };
  }

  /** Write the subset, widths, CIDToGIDMap and ToUnicode. Idempotent. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    const ref = (data?: Record<string, unknown>): PdfRef => newRef(this.doc, data);
    const info = fontInfo(this.font);
    const fontFile = ref();
    const cidToGid = ref();
    // Only when PDFKit compresses streams (it does in our documents), and with its own deflate.
    const deflate = compresses(this.doc) ? pdfkitDeflate(this.doc) : undefined;
    let signature = '';
    if (deflate) {
      // Everything written below follows from the font and its entries (each cid key with
      // the advance the entry was made with, which a composite glyph keeps).
      signature = this.font.hash;
      let i = 0;
      for (const key of this.cids.keys()) signature += `\u0001${key}\u0002${itemAt(this.entries, i++).advanceUnits}`;
    }
    let done = deflate ? finishedFonts.get(signature) : undefined;
    let baseFont: string;
    let cmap = '';
    if (done) baseFont = done.baseFont;
    else {
      const { bytes, map } = this.subset();
      baseFont = `${subsetTag(this.font.hash, this.entries)}+${this.font.postscriptName.replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, '_')}`;
      cmap = toUnicodeCMap(this.entries.map((e, i) => [i + 1, e.text] as const));
      if (deflate) {
        done = { baseFont, fontFile: deflate(bytes), cidToGid: deflate(map), toUnicode: deflate(cmap) };
        finishedFonts.set(signature, done);
      } else {
        fontFile.end(bytes);
        cidToGid.end(map);
      }
    }
    if (done) {
      endCompressed(fontFile, done.fontFile);
      endCompressed(cidToGid, done.cidToGid);
    }

    const scale = 1000 / this.font.upem;
    let flags = 1 << 2; // symbolic: glyphs outside the standard Latin set
    if (info.isFixedPitch) flags |= 1;
    if (info.italic) flags |= 1 << 6;
    const descriptor = ref({
      Type: 'FontDescriptor',
      FontName: baseFont,
      Flags: flags,
      FontBBox: [info.bbox.minX * scale, info.bbox.minY * scale, info.bbox.maxX * scale, info.bbox.maxY * scale],
      ItalicAngle: info.italicAngle,
      Ascent: info.ascent * scale,
      Descent: info.descent * scale,
      CapHeight: (info.capHeight || info.ascent) * scale,
      XHeight: (info.xHeight || 0) * scale,
      StemV: 0,
      FontFile2: fontFile,
    });
    descriptor.end();
    const descendant = ref({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: baseFont,
      CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      DW: 0,
      W: [1, this.entries.map((e) => e.width)],
      CIDToGIDMap: cidToGid,
    });
    descendant.end();
    const toUnicode = ref();
    if (done) endCompressed(toUnicode, done.toUnicode);
    else toUnicode.end(cmap);
    this.ref.data = {
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: baseFont,
      Encoding: 'Identity-H',
      DescendantFonts: [descendant],
      ToUnicode: toUnicode,
    };
    this.ref.end();
  }
}

/** Six capitals derived from the font and the glyphs used, so output is deterministic. */
function subsetTag(hash: string, entries: readonly CidEntry[]): string {
  let h = 2166136261;
  const feed = (s: string): void => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  };
  feed(hash);
  for (const e of entries) feed(`${e.parts.map((p) => p.gid).join('+')},`);
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26) + Math.imul(h, 31) >>> 0;
  }
  return tag;
}

import type { LineContent } from './break-lines.js';
import { placeClusters } from './cluster-text.js';
import { cidKey, EmbeddedFont } from './embed-font.js';
import type { LoadedFont } from './fonts.js';
import type { Piece } from './paragraph.js';
import { internals } from './pdfkit-internals.js';
import { ONLY_FORMAT, splitForPdfjs } from './extractable-text.js';
import type { Align, DocumentTextOptions, TextStyle } from './types.js';

export interface LineLayout {
  content: LineContent;
  align: Align;
  avail: number;
  indent: number;
  baseline: number;
  metricsOf(style: TextStyle): { ascent: number; descent: number };
}

function num(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

function parseRgb(color: string | undefined): string {
  const c = (color ?? '#000000').replace('#', '');
  const full = c.length === 3 ? [...c].map((ch) => ch + ch).join('') : c.padEnd(6, '0');
  const parts = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255);
  return parts.map((p) => num(Number.isFinite(p) ? p : 0)).join(' ');
}

// A document uses a handful of colours thousands of times; bounded in case of a colourful batch.
const rgbCache = new Map<string | undefined, string>();
function rgb(color: string | undefined): string {
  let out = rgbCache.get(color);
  if (out === undefined) {
    out = parseRgb(color);
    if (rgbCache.size >= 256) rgbCache.clear();
    rgbCache.set(color, out);
  }
  return out;
}

/**
 * One cluster of a piece as the writer draws it, worked out once per piece (pieces are cached
 * with their laid lines, so a paragraph repeated in every document is prepared once). Only the
 * CID is per document: `key` finds it in the document's EmbeddedFont.
 */
export interface DrawCluster {
  /** Pen offset of the glyph from the piece start (font units): cluster x plus a lone glyph's dx. */
  x: number;
  /** Rise of a lone glyph (font units). */
  dy: number;
  /** An invisible ZWJ/ZWNJ whose text is carried to the next cluster: nothing drawn. */
  carried: boolean;
  parts: ReadonlyArray<{ gid: number; dx: number; dy: number }>;
  own: string;
  /** Advance the CID is made with (font units). */
  advance: number;
  key: string;
  /** Marks drawn on a zero-width empty glyph after this one, and that glyph's CID key. */
  trailing: string;
  trailingKey: string;
}

function prepare(piece: Piece): DrawCluster[] {
  const clusters = placeClusters(piece.text, piece.glyphs);
  const out: DrawCluster[] = [];
  let carry = '';
  clusters.forEach((c, ci) => {
    const single = c.parts.length === 1 ? (c.parts[0] as { gid: number; dx: number; dy: number }) : undefined;
    const x = c.x + (single?.dx ?? 0);
    const dy = single?.dy ?? 0;
    const hasNext = ci < clusters.length - 1;
    if (hasNext && c.advance === 0 && ONLY_FORMAT.test(c.text)) {
      // An invisible ZWJ/ZWNJ glyph: pdf.js drops a glyph whose text is only a format
      // character, so draw nothing and let the next cluster read it.
      carry += c.text;
      out.push({ x, dy, carried: true, parts: [], own: '', advance: 0, key: '', trailing: '', trailingKey: '' });
      return;
    }
    // A lone glyph is positioned with TJ/Ts; a multi-glyph cluster is one composite glyph.
    const parts = single ? [{ gid: single.gid, dx: 0, dy: 0 }] : c.parts;
    const [own, trailing, next] = splitForPdfjs(carry + c.text, hasNext);
    carry = next;
    // A lone glyph's offset moves it, not the pen: its advance is the cluster's minus dx.
    const advance = c.advance - (single?.dx ?? 0);
    out.push({
      x,
      dy,
      carried: false,
      parts,
      own,
      advance,
      key: cidKey(piece.font, parts, own, advance),
      trailing,
      trailingKey: trailing ? cidKey(piece.font, [], trailing, 0) : '',
    });
  });
  return out;
}

/** Per-document font embedding and line drawing. */
export class LineWriter {
  private readonly fonts = new Map<string, EmbeddedFont>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly options: DocumentTextOptions = {},
  ) {}

  private embedded(font: LoadedFont): EmbeddedFont {
    let ef = this.fonts.get(font.hash);
    if (!ef) {
      ef = new EmbeddedFont(this.doc, font, this.fonts.size + 1);
      this.fonts.set(font.hash, ef);
    }
    return ef;
  }

  finish(): void {
    for (const ef of this.fonts.values()) {
      if (ef.used) ef.finish();
      // An unused font's reference was never put on a page; still end it so the PDF is valid.
      else ef.ref.end();
    }
  }

  /** Pieces in drawing order with the extra space after each (justification). */
  private arrange(line: LineLayout, justifyWidth: number | undefined): { pieces: Piece[]; extra: number[]; offset: number } {
    const segs = line.content.segments;
    const pieces: Piece[] = [];
    const extra: number[] = [];
    const avail = justifyWidth ?? line.avail;
    const free = avail - line.content.width;
    const gaps = segs.slice(0, -1).filter((s) => s.tail.length > 0).length;
    const justify = line.align === 'justify' && !line.content.last && gaps > 0 && free > 0;
    segs.forEach((s, i) => {
      for (const p of s.body) {
        pieces.push(p);
        extra.push(0);
      }
      if (i === segs.length - 1) return;
      s.tail.forEach((p, k) => {
        pieces.push(p);
        extra.push(justify && k === s.tail.length - 1 ? free / gaps : 0);
      });
    });
    let offset = line.indent;
    if (line.align === 'right') offset += free;
    else if (line.align === 'center') offset += free / 2;
    return { pieces, extra, offset };
  }

  drawLine(line: LineLayout, x: number, yTop: number, justifyWidth?: number): void {
    const pdf = internals(this.doc);
    const H = pdf.page.height;
    const { pieces, extra, offset } = this.arrange(line, justifyWidth);
    const baselineY = H - (yTop + line.baseline); // PDF space, y up
    const ops: string[] = [];
    const after: string[] = []; // paths and underlines, drawn after the text object
    const links: Array<{ link: string; x0: number; x1: number; top: number; bottom: number }> = [];

    ops.push('q', `1 0 0 -1 0 ${num(H)} cm`, 'BT', `1 0 0 1 ${num(x + offset)} ${num(baselineY)} Tm`);
    let cur = 0; // text position relative to the line start, points
    let penX = 0; // where the next piece starts
    let tj: string[] = [];
    let curFont = '';
    let curSize = -1;
    let curColor = '';
    let curRise = 0;
    const flush = (): void => {
      if (tj.length) ops.push(`[${tj.join(' ')}] TJ`);
      tj = [];
    };

    pieces.forEach((piece, idx) => {
      const size = piece.style.size;
      const s = size / piece.font.upem;
      const ef = this.embedded(piece.font);
      pdf.page.fonts[ef.name] = ef.ref;
      this.options.trace?.({ fontFile: piece.font.file, text: piece.text, size, glyphs: piece.glyphs });
      if (ef.name !== curFont || size !== curSize) {
        flush();
        ops.push(`/${ef.name} ${num(size)} Tf`);
        curFont = ef.name;
        curSize = size;
      }
      const color = rgb(piece.style.color);
      if (color !== curColor) {
        flush();
        ops.push(`${color} rg`);
        curColor = color;
      }
      const clusters = (piece.draw ??= prepare(piece));
      for (const c of clusters) {
        const gx = penX + c.x * s;
        const gy = c.dy * s;
        if (gy !== curRise) {
          flush();
          ops.push(`${num(gy)} Ts`);
          curRise = gy;
        }
        if (c.carried) continue;
        const cid = ef.cidFor(c.key, c.parts, c.own, c.advance);
        const adj = ((cur - gx) * 1000) / size;
        if (Math.abs(adj) > 0.0005) tj.push(num(adj));
        tj.push(ef.token(cid));
        cur = gx + (ef.widthOf(cid) * size) / 1000;
        if (c.trailing) {
          // The cluster's marks ride on an empty zero-width glyph right after it.
          tj.push(ef.token(ef.cidFor(c.trailingKey, [], c.trailing, 0)));
        }
      }
      const x0 = penX;
      penX += piece.width + (extra[idx] ?? 0);
      if (piece.style.link) {
        const m = line.metricsOf(piece.style);
        const prev = links[links.length - 1];
        if (prev && prev.link === piece.style.link && Math.abs(prev.x1 - x0) < 1e-6) prev.x1 = x0 + piece.width;
        else links.push({ link: piece.style.link, x0, x1: x0 + piece.width, top: m.ascent, bottom: m.descent });
      }
      if (piece.style.underline) {
        const t = Math.max(0.5, size / 18);
        const uy = baselineY - size * 0.12;
        after.push(`q ${color} RG ${num(t)} w ${num(x + offset + x0)} ${num(uy)} m ${num(x + offset + x0 + piece.width)} ${num(uy)} l S Q`);
      }
    });
    flush();
    if (curRise !== 0) ops.push('0 Ts');
    ops.push('ET', ...after, 'Q');
    pdf.addContent(ops.join('\n'));

    for (const l of links) {
      const lx = x + offset + l.x0;
      const top = yTop + line.baseline - l.top;
      const h = l.top + l.bottom;
      if (l.link.startsWith('#')) this.doc.goTo(lx, top, l.x1 - l.x0, h, l.link.slice(1));
      else this.doc.link(lx, top, l.x1 - l.x0, h, l.link);
    }
  }
}

import { placeClusters } from './cluster-text.js';
import { cidKey, EmbeddedFont, widthOfAdvance } from './embed-font.js';
import type { LoadedFont } from '../text/fonts.js';
import type { Piece } from '../text/paragraph.js';
import { asciiBytes, pageContent, type PageContent } from './page-content.js';
import { currentPage } from './pdfkit-internals.js';
import { rgbOf } from './color.js';
import { pdfNumber as num } from './pdf-number.js';
import { ONLY_FORMAT, splitForPdfjs } from './extractable-text.js';
import type { LineLayout } from '../text/line-layout.js';
import type { DocumentTextOptions } from './document-text.js';

// A document uses a handful of colours thousands of times; bounded in case of a colourful batch.
const rgbCache = new Map<string | undefined, string>();
/** The `r g b` operands of a text colour (default black). */
function rgb(color: string | undefined): string {
  let out = rgbCache.get(color);
  if (out === undefined) {
    out = rgbOf(color ?? '#000000').map((c) => num(c)).join(' ');
    if (rgbCache.size >= 256) rgbCache.clear();
    rgbCache.set(color, out);
  }
  return out;
}

/**
 * One cluster of a piece as the writer draws it, worked out once per HarfBuzz result
 * (`clustersOf`) and shared by every line and document that draws the same word. Only the CID
 * is per document: `key` finds it in the document's EmbeddedFont.
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

/**
 * Prepared clusters by glyph array. Pieces with the same font, script and text share one
 * HarfBuzz result (the shaping cache), and the clusters depend on nothing else, so a word that
 * occurs in a thousand cached lines is prepared once: per-piece preparation held ~250 000
 * clusters for 100 workbooks where ~8 000 distinct ones exist.
 */
const prepared = new WeakMap<readonly unknown[], DrawCluster[]>();

function clustersOf(piece: Piece): DrawCluster[] {
  let out = prepared.get(piece.glyphs);
  if (!out) {
    out = prepare(piece);
    prepared.set(piece.glyphs, out);
  }
  return out;
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

/**
 * The per-document part of a line's operators: the resource name of a font change (`/RPn`), a
 * cluster's CID in a TJ array (`glyph`), or the CID of the empty glyph carrying a cluster's
 * trailing marks (`marks`). `end` is where the literal bytes after the slot end.
 */
type Slot = { kind: 'font'; font: LoadedFont; end: number } | { kind: 'glyph' | 'marks'; cluster: DrawCluster; end: number };
const NO_PARTS: DrawCluster['parts'] = Object.freeze([]);

/**
 * A line's content operators with the per-document parts left out, worked out once per laid
 * line (lines are cached and drawn in every document). Everything else in the operators is
 * document-independent: positions inside the line follow from the pieces' shaped advances and
 * a CID's width is its advance's. The literal operator bytes are kept in one array: the
 * operators are bytes[0, head), slot 0, bytes[head, slots[0].end), slot 1, …
 */
interface LineTemplate {
  justifyWidth: number | undefined;
  offset: number;
  bytes: Uint8Array;
  head: number;
  slots: Slot[];
  pieces: Piece[];
  links: Array<{ link: string; x0: number; x1: number; top: number; bottom: number }>;
  underlines: Array<{ color: string; t: number; x0: number; width: number; size: number }>;
}

const templates = new WeakMap<LineLayout, LineTemplate[]>();

/** Pieces in drawing order with the extra space after each (justification). */
function arrange(line: LineLayout, justifyWidth: number | undefined): { pieces: Piece[]; extra: number[]; offset: number } {
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

function makeTemplate(line: LineLayout, justifyWidth: number | undefined): LineTemplate {
  const { pieces, extra, offset } = arrange(line, justifyWidth);
  let all = ''; // every literal, one after the other
  let head = -1;
  const slots: Slot[] = [];
  const links: LineTemplate['links'] = [];
  const underlines: LineTemplate['underlines'] = [];
  let lit = '';
  // Ends the literal before the new slot: it is the head, or the previous slot's tail.
  const endLiteral = (): void => {
    all += lit;
    lit = '';
    const last = slots[slots.length - 1];
    if (last) last.end = all.length;
    else head = all.length;
  };
  const fontSlot = (font: LoadedFont): void => {
    endLiteral();
    slots.push({ kind: 'font', font, end: -1 });
  };
  const clusterSlot = (kind: 'glyph' | 'marks', cluster: DrawCluster): void => {
    endLiteral();
    slots.push({ kind, cluster, end: -1 });
  };
  let cur = 0; // text position relative to the line start, points
  let penX = 0; // where the next piece starts
  let tjOpen = false; // a TJ array is open in `lit`
  let tjFirst = true;
  let curFont: LoadedFont | undefined;
  let curSize = -1;
  let curColor = '';
  let curRise = 0;
  const flush = (): void => {
    if (tjOpen) lit += '] TJ\n';
    tjOpen = false;
  };
  const item = (): void => {
    if (!tjOpen) {
      lit += '[';
      tjOpen = true;
      tjFirst = true;
    }
    if (!tjFirst) lit += ' ';
    tjFirst = false;
  };

  pieces.forEach((piece, idx) => {
    const size = piece.style.size;
    const s = size / piece.font.upem;
    if (curFont === undefined || piece.font.hash !== curFont.hash || size !== curSize) {
      flush();
      lit += '/';
      fontSlot(piece.font);
      lit += ` ${num(size)} Tf\n`;
      curFont = piece.font;
      curSize = size;
    }
    const color = rgb(piece.style.color);
    if (color !== curColor) {
      flush();
      lit += `${color} rg\n`;
      curColor = color;
    }
    const clusters = clustersOf(piece);
    for (const c of clusters) {
      const gx = penX + c.x * s;
      const gy = c.dy * s;
      if (gy !== curRise) {
        flush();
        lit += `${num(gy)} Ts\n`;
        curRise = gy;
      }
      if (c.carried) continue;
      const adj = ((cur - gx) * 1000) / size;
      if (Math.abs(adj) > 0.0005) {
        item();
        lit += num(adj);
      }
      item();
      clusterSlot('glyph', c);
      cur = gx + (widthOfAdvance(piece.font, c.advance) * size) / 1000;
      if (c.trailing) {
        // The cluster's marks ride on an empty zero-width glyph right after it.
        item();
        clusterSlot('marks', c);
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
    if (piece.style.underline) underlines.push({ color, t: Math.max(0.5, size / 18), x0, width: piece.width, size });
  });
  flush();
  if (curRise !== 0) lit += '0 Ts\n';
  lit += 'ET\n';
  endLiteral();
  return { justifyWidth, offset, bytes: asciiBytes(all), head, slots, pieces, links, underlines };
}

function templateOf(line: LineLayout, justifyWidth: number | undefined): LineTemplate {
  let list = templates.get(line);
  if (!list) templates.set(line, (list = []));
  for (const t of list) if (t.justifyWidth === justifyWidth) return t;
  const t = makeTemplate(line, justifyWidth);
  list.push(t);
  return t;
}

/** Per-document font embedding and line drawing. */
export class LineWriter {
  private readonly fonts = new Map<string, EmbeddedFont>();
  private readonly content: PageContent;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly options: DocumentTextOptions = {},
  ) {
    this.content = pageContent(doc);
  }

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

  drawLine(line: LineLayout, x: number, yTop: number, justifyWidth?: number): void {
    const page = currentPage(this.doc);
    const H = page.height;
    const t = templateOf(line, justifyWidth);
    const trace = this.options.trace;
    if (trace) for (const piece of t.pieces) trace({ fontFile: piece.font.file, text: piece.text, size: piece.style.size, glyphs: piece.glyphs });
    const baselineY = H - (yTop + line.baseline); // PDF space, y up
    const { bytes } = t;
    const out = this.content;
    out.text(`q\n1 0 0 -1 0 ${num(H)} cm\nBT\n1 0 0 1 ${num(x + t.offset)} ${num(baselineY)} Tm\n`);
    let from = t.head;
    out.raw(bytes, 0, from);
    let ef: EmbeddedFont | undefined;
    for (const s of t.slots) {
      if (s.kind === 'font') {
        ef = this.embedded(s.font);
        page.fonts[ef.name] = ef.ref; // (the getter makes the page's Font dictionary: only when used)
        out.text(ef.name);
      } else {
        // makeTemplate opens every line with a font change.
        if (!ef) throw new Error('internal: a glyph slot before the line chose a font');
        const c = s.cluster;
        out.cid(s.kind === 'glyph' ? ef.cidFor(c.key, c.parts, c.own, c.advance) : ef.cidFor(c.trailingKey, NO_PARTS, c.trailing, 0));
      }
      out.raw(bytes, from, s.end);
      from = s.end;
    }
    for (const u of t.underlines) {
      const uy = baselineY - u.size * 0.12;
      out.text(`q ${u.color} RG ${num(u.t)} w ${num(x + t.offset + u.x0)} ${num(uy)} m ${num(x + t.offset + u.x0 + u.width)} ${num(uy)} l S Q\n`);
    }
    out.text('Q\n');

    for (const l of t.links) {
      const lx = x + t.offset + l.x0;
      const top = yTop + line.baseline - l.top;
      const h = l.top + l.bottom;
      if (l.link.startsWith('#')) this.doc.goTo(lx, top, l.x1 - l.x0, h, l.link.slice(1));
      else this.doc.link(lx, top, l.x1 - l.x0, h, l.link);
    }
  }
}

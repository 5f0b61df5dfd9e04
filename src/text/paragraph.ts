import LineBreaker from 'linebreak';
import type { LoadedFont } from './fonts.js';
import { itemize, type FontRun } from './itemize.js';
import { graphemes } from './script.js';
import { shapeText, type ShapedGlyph } from './shape.js';
import type { Span, TextStyle } from './types.js';
import { itemAt } from '../item-at.js';

/** A shaped piece of one run inside one break segment: the unit of measuring and drawing. */
export interface Piece {
  /** Paragraph text indices. */
  start: number;
  end: number;
  text: string;
  style: TextStyle;
  font: LoadedFont;
  script: string | undefined;
  /** Drawn with the replacement glyph because no font covers it. */
  missing: boolean;
  glyphs: readonly ShapedGlyph[];
  /** Advance width in points. */
  width: number;
}

/** Text between two break opportunities: a body and the whitespace that hangs after it. */
export interface Segment {
  body: Piece[];
  tail: Piece[];
  bodyWidth: number;
  tailWidth: number;
  /** A mandatory break (newline) follows. */
  hard: boolean;
}

export interface ShapedParagraph {
  text: string;
  spans: readonly Span[];
  segments: Segment[];
  /** Grapheme boundaries (for emergency breaks). */
  boundaries: ReadonlySet<number>;
  runs: FontRun[];
}

export interface ParagraphContext {
  stackOf(style: TextStyle): readonly LoadedFont[];
  replacementFont: LoadedFont;
  replacementChar: string;
}

const WS = /\s/u;

export function shapePiece(ctx: ParagraphContext, para: { text: string }, run: FontRun, style: TextStyle, start: number, end: number): Piece {
  const text = para.text.slice(start, end);
  let glyphs: readonly ShapedGlyph[];
  if (run.missing) {
    // One replacement glyph per grapheme; placeGlyphs maps it back to the original text.
    const rep = shapeText(ctx.replacementFont, ctx.replacementChar);
    const reps: ShapedGlyph[] = [];
    for (const g of graphemes(text)) for (const rg of rep.glyphs) reps.push({ ...rg, cluster: g.start });
    glyphs = reps;
  } else {
    glyphs = shapeText(run.font, text, run.script).glyphs;
  }
  let adv = 0;
  for (const g of glyphs) adv += g.ax;
  return {
    start,
    end,
    text,
    style,
    font: run.font,
    script: run.script,
    missing: run.missing,
    glyphs,
    width: (adv * style.size) / run.font.upem,
  };
}

/** Pieces covering [start, end): one per run overlapping the range. */
export function piecesIn(ctx: ParagraphContext, p: ShapedParagraph, start: number, end: number): Piece[] {
  const out: Piece[] = [];
  for (const run of p.runs) {
    const a = Math.max(start, run.start);
    const b = Math.min(end, run.end);
    if (a >= b) continue;
    out.push(shapePiece(ctx, p, run, styleOfRun(p, run), a, b));
  }
  // Exact length: a pushed-to array keeps room for 17 elements, and these arrays live on in the
  // layout cache (two per segment: ~3 MB of a batch worker's heap was that spare room).
  return out.slice();
}

function styleOfRun(p: ShapedParagraph, run: FontRun): TextStyle {
  return itemAt(p.spans, run.styleIndex).style;
}

export function widthOf(pieces: readonly Piece[]): number {
  let w = 0;
  for (const piece of pieces) w += piece.width;
  return w;
}

function makeSegment(ctx: ParagraphContext, p: ShapedParagraph, start: number, end: number, hard: boolean): Segment {
  let bodyEnd = end;
  while (bodyEnd > start && WS.test(p.text.charAt(bodyEnd - 1))) bodyEnd--;
  const body = piecesIn(ctx, p, start, bodyEnd);
  const tail = piecesIn(ctx, p, bodyEnd, end);
  return { body, tail, bodyWidth: widthOf(body), tailWidth: widthOf(tail), hard };
}

/**
 * Itemize, find UAX #14 break opportunities (dropping any inside a grapheme cluster) and shape
 * each segment. Shaping per segment and run is what lets the cache hit on repeated words.
 */
export function shapeParagraph(ctx: ParagraphContext, spans: readonly Span[]): ShapedParagraph {
  // A tab is drawn as a space (same length, so indices into the spans stay valid).
  const text = spans.map((s) => s.text).join('').replace(/\t/g, ' ');
  const spanEnds: number[] = [];
  let acc = 0;
  for (const s of spans) spanEnds.push((acc += s.text.length));
  let k = 0;
  // Called with increasing indices, so a moving cursor replaces a search per grapheme.
  const styleIndexAt = (i: number): number => {
    if (i < (spanEnds[k - 1] ?? 0)) k = 0;
    while (k < spans.length - 1 && i >= (spanEnds[k] ?? Infinity)) k++;
    return k;
  };
  const units = graphemes(text);
  const runs = itemize(
    units,
    styleIndexAt,
    (si) => ctx.stackOf(itemAt(spans, si).style),
    ctx.replacementFont,
  );
  const boundaries = new Set<number>();
  for (const g of units) boundaries.add(g.start);
  boundaries.add(text.length);

  const p: ShapedParagraph = { text, spans, segments: [], boundaries, runs };
  const breaker = new LineBreaker(text);
  let last = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    // Style boundaries are not break opportunities by themselves, but a break opportunity
    // inside a grapheme (which UAX #14 alone can produce) must be ignored.
    if (!boundaries.has(bk.position) || bk.position === last) continue;
    p.segments.push(makeSegment(ctx, p, last, bk.position, bk.required && bk.position < text.length));
    last = bk.position;
  }
  if (last < text.length) p.segments.push(makeSegment(ctx, p, last, text.length, false));
  return p;
}

/** Work done by `splitOverlong` since the last reset, for tests that check it stays linear. */
export interface SplitWork {
  /** Candidate cuts looked at, forward and when stepping back from a part too wide once shaped. */
  cutsExamined: number;
}

const splitWork: SplitWork = { cutsExamined: 0 };

export function splitOverlongWork(): SplitWork {
  return { ...splitWork };
}

export function resetSplitOverlongWork(): void {
  splitWork.cutsExamined = 0;
}

/**
 * Split a segment body that is wider than `avail` at grapheme boundaries that are also
 * HarfBuzz cluster starts, longest fitting prefix first. Each part is reshaped, so the widths
 * are those drawn.
 *
 * Linear in the length of the body: the cut points and their estimated offsets come from the
 * body's one shaping, a cursor walks them once, and only the chosen part is reshaped (and, if its
 * real width does not fit, the part one cut shorter). Re-measuring growing prefixes, or scanning
 * every cut for each line, made a word of a few hundred thousand characters take minutes.
 */
export function splitOverlong(ctx: ParagraphContext, p: ShapedParagraph, seg: Segment, avail: number): Segment[] {
  const start = seg.body[0]?.start ?? 0;
  const bodyEnd = seg.body.at(-1)?.end ?? start;
  const end = seg.tail.at(-1)?.end ?? bodyEnd;
  const n = bodyEnd - start;
  // Per text index (relative to `start`): the advance of the cluster starting there, and
  // whether a cluster starts there, from the body's own shaping.
  const clusterAdvance = new Float64Array(n);
  const clusterStart = new Uint8Array(n + 1);
  for (const piece of seg.body) {
    const scale = piece.style.size / piece.font.upem;
    for (const g of piece.glyphs) {
      const at = g.cluster + piece.start - start;
      clusterAdvance[at] = (clusterAdvance[at] ?? 0) + g.ax * scale;
      clusterStart[at] = 1;
    }
    clusterStart[piece.end - start] = 1;
  }
  // Candidate cuts (grapheme boundaries that start a cluster or end a piece) in text order, with
  // the estimated width of the body before each.
  const cuts: number[] = [];
  const cutX: number[] = [];
  let acc = 0;
  for (let i = start + 1; i <= bodyEnd; i++) {
    acc += clusterAdvance[i - 1 - start] ?? 0;
    if (p.boundaries.has(i) && clusterStart[i - start] === 1) {
      cuts.push(i);
      cutX.push(acc);
    }
  }
  const parts: Segment[] = [];
  let from = start;
  let base = 0;
  // Index of the first cut after `from`.
  let next = 0;
  while (from < bodyEnd) {
    // The last cut whose estimate fits; the cursor only moves forward.
    let k = next;
    while (k < cuts.length && (cutX[k] ?? Infinity) - base <= avail) k++;
    splitWork.cutsExamined += k - next + 1;
    k--;
    for (; k >= next; k--) {
      const cut = cuts[k];
      if (cut === undefined || widthOf(piecesIn(ctx, p, from, cut)) <= avail) break;
      splitWork.cutsExamined++;
    }
    // Nothing fits: take one cut anyway so the loop always advances.
    if (k < next) k = next;
    const best = cuts[k] ?? bodyEnd;
    const isLast = best >= bodyEnd;
    parts.push(makeSegment(ctx, p, from, isLast ? end : best, isLast ? seg.hard : false));
    from = best;
    base = cutX[k] ?? 0;
    next = k + 1;
  }
  return parts;
}

import { splitOverlong, widthOf, type ParagraphContext, type Segment, type ShapedParagraph } from './paragraph.js';

/** The content of one line before metrics: its segments, the last one's tail hanging. */
export interface LineContent {
  segments: Segment[];
  /** Natural width: bodies and inner tails, without the last tail. */
  width: number;
  start: number;
  end: number;
  last: boolean;
}

const EPS = 1e-6;

function rangeOf(segs: readonly Segment[]): [number, number] {
  const first = segs[0];
  const lastSeg = segs.at(-1);
  const start = first?.body[0]?.start ?? first?.tail[0]?.start ?? 0;
  const end = lastSeg?.tail.at(-1)?.end ?? lastSeg?.body.at(-1)?.end ?? 0;
  return [start, end];
}

function lineWidth(segs: readonly Segment[]): number {
  let w = 0;
  segs.forEach((s, i) => {
    w += s.bodyWidth + (i < segs.length - 1 ? s.tailWidth : 0);
  });
  return w;
}

/**
 * Greedy first-fit line breaking over UAX #14 segments. `widthFor(i)` gives the available width
 * of line i (the first line may be indented). Widths are shaped advances, so what fits here is
 * exactly what is drawn.
 */
export function breakLines(ctx: ParagraphContext, p: ShapedParagraph, widthFor: (line: number) => number): LineContent[] {
  const lines: LineContent[] = [];
  let cur: Segment[] = [];
  let curWidth = 0;
  const finish = (): void => {
    if (cur.length === 0) return;
    const [start, end] = rangeOf(cur);
    // Exact length (see piecesIn): lines live on in the layout cache.
    lines.push({ segments: cur.slice(), width: lineWidth(cur), start, end, last: false });
    cur = [];
    curWidth = 0;
  };
  // The parts of a split over-long segment are taken before the next segment. Indices, not
  // shift/unshift: a long word splits into thousands of parts, and each shift copies the array.
  let split: Segment[] = [];
  let nextPart = 0;
  let nextSeg = 0;
  for (;;) {
    let seg = nextPart < split.length ? split[nextPart++] : p.segments[nextSeg++];
    if (!seg) break;
    const avail = widthFor(lines.length);
    if (cur.length && curWidth + seg.bodyWidth > avail + EPS) finish();
    if (cur.length === 0 && seg.bodyWidth > widthFor(lines.length) + EPS) {
      const parts = splitOverlong(ctx, p, seg, widthFor(lines.length));
      seg = parts[0] ?? seg;
      // A part that is re-split (one cluster wider than the line) comes back alone: only a
      // split into several parts needs the pending ones behind it.
      if (parts.length > 1) {
        split = nextPart < split.length ? [...parts.slice(1), ...split.slice(nextPart)] : parts.slice(1);
        nextPart = 0;
      }
    }
    cur.push(seg);
    curWidth += seg.bodyWidth + seg.tailWidth;
    if (seg.hard) finish();
  }
  finish();
  const last = lines.at(-1);
  if (last) last.last = true;
  else lines.push({ segments: [], width: 0, start: 0, end: 0, last: true });
  return lines;
}

export { widthOf };

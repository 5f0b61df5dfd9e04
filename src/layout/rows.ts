import type { Span } from '../text/types.js';
import type { Frame, LayoutDoc } from './frame.js';
import { offset } from './paginate.js';
import type { MeasuredLine, Row } from './types.js';

/** Paragraph lines as rows; rows 2 and n are kept with their predecessors (no orphans, no widows). */
export function textRows<L extends MeasuredLine>(
  doc: LayoutDoc<L>,
  spans: Span[],
  x: number,
  width: number,
  options: { lineHeight?: number; align?: 'left' | 'center' | 'right' } = {},
): Row<L>[] {
  if (spans.length === 0) return [];
  const lines = doc.measurer.layoutParagraph(spans, { width, align: options.align ?? 'left', lineHeight: options.lineHeight ?? doc.theme.lineHeight });
  const rows = lines.map((line): Row<L> => ({ height: line.height, spaceBefore: 0, keepWithPrev: false, items: [{ kind: 'text', x, y: 0, line, width }] }));
  keepEnds(rows);
  return rows;
}

/** Keeps the second and the last row with their predecessors. */
export function keepEnds<L>(rows: Row<L>[]): void {
  const n = rows.length;
  rows.forEach((r, k) => {
    if (k > 0 && (k === 1 || k === n - 1)) r.keepWithPrev = true;
  });
}

/** Shades rows as one box (split across pages if it must), padding the first and last row. */
export function shade<L>(rows: Row<L>[], frame: Frame, box: { fill: string; pad: number; bar?: { color: string; width: number } }): Row<L>[] {
  const n = rows.length;
  rows.forEach((r, k) => {
    // Space between rows becomes part of the shaded box, so it shows no gaps.
    const top = k === 0 ? box.pad : r.spaceBefore;
    const bottom = k === n - 1 ? box.pad : 0;
    r.items = offset(r.items, 0, top);
    r.height += top + bottom;
    r.spaceBefore = 0;
    r.items.unshift({ kind: 'rect', x: frame.x, y: 0, w: frame.width, h: r.height, fill: box.fill });
    if (box.bar) r.items.splice(1, 0, { kind: 'rect', x: frame.x, y: 0, w: box.bar.width, h: r.height, fill: box.bar.color });
  });
  return rows;
}

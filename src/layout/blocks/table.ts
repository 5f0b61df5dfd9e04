import type { Tokens } from 'marked';
import type { Span } from '../../text/types.js';
import { scaleOf, type Frame, type LayoutDoc } from '../frame.js';
import { inlineSpans } from '../inline.js';
import { keepEnds } from '../rows.js';
import { style } from '../theme.js';
import type { Item, MeasuredLine, Row } from '../types.js';
import type { Block } from './builders.js';
import { columnWidths } from './column-widths.js';

/** A row whose first cell is entirely bold is highlighted (the ladder's current and target level). */
function isHighlighted(row: Tokens.TableCell[]): boolean {
  // marked's Token union does not narrow on `type`: a `text` token is a Tokens.Text.
  const first = row[0]?.tokens.filter((t) => !(t.type === 'text' && (t as Tokens.Text).text.trim() === ''));
  return first?.length === 1 && first[0]?.type === 'strong';
}

/**
 * A table: automatic column widths, zebra rows, a header row repeated after a page break
 * (left out when all its cells are empty: a key/value table); short tables stay whole.
 */
export function table<L extends MeasuredLine>(token: Tokens.Table, frame: Frame, doc: LayoutDoc<L>): Block<L> {
  const { theme, measurer } = doc;
  const sizes = theme.block.table;
  const scale = scaleOf(frame, theme);
  const size = theme.tableSize * scale;
  const padX = sizes.padX;
  const padY = sizes.padY * scale;
  const cols = token.header.length;
  const headerStyle = style('bold', size, theme.color.accent);
  const bodyStyle = style('regular', size, theme.color.text);
  const header = token.header.map((c) => inlineSpans(c.tokens, headerStyle, doc.inline));
  const body = token.rows.map((r) => r.map((c) => inlineSpans(c.tokens, bodyStyle, doc.inline)));
  const highlighted = token.rows.map(isHighlighted);
  const widths = columnWidths([header, ...body], cols, frame.width, padX, (s) => measurer.measure(s), sizes);
  const layoutRow = (cells: Span[][], kind: 'header' | 'body', index: number): Row<L> => {
    const laid = widths.map((width, c) => {
      const spans = cells[c] ?? [];
      const align = token.align[c] ?? 'left';
      return { width, lines: spans.length ? measurer.layoutParagraph(spans, { width: width - 2 * padX, align, lineHeight: sizes.lineHeight }) : [] };
    });
    const rowH = Math.max(size * sizes.lineHeight, ...laid.map(({ lines }) => lines.reduce((s, l) => s + l.height, 0))) + 2 * padY;
    const items: Item<L>[] = [];
    const fill = kind === 'header' ? theme.color.accentLight : highlighted[index] ? theme.color.highlight : index % 2 === 1 ? theme.color.zebra : undefined;
    if (fill) items.push({ kind: 'rect', x: frame.x, y: 0, w: frame.width, h: rowH, fill });
    let x = frame.x;
    for (const { width, lines } of laid) {
      let y = padY;
      for (const line of lines) {
        items.push({ kind: 'text', x: x + padX, y, line, width: width - 2 * padX });
        y += line.height;
      }
      x += width;
    }
    const isHeader = kind === 'header';
    items.push({ kind: 'rule', x1: frame.x, x2: frame.x + frame.width, y1: rowH, y2: rowH, color: isHeader ? theme.color.accent : theme.color.rule, width: isHeader ? sizes.headerRule : sizes.bodyRule });
    return { height: rowH, spaceBefore: 0, keepWithPrev: false, items };
  };
  const rows = body.map((cells, i) => layoutRow(cells, 'body', i));
  const space = doc.half * theme.block.wideSpace;
  if (header.every((c) => c.length === 0)) {
    keepEnds(rows);
    if (rows.length <= sizes.shortRows) rows.forEach((r, i) => (r.keepWithPrev = i > 0));
    return { rows, space };
  }
  const head = layoutRow(header, 'header', -1);
  rows.forEach((r, i) => {
    r.repeatHeader = head;
    if (i === 0) r.keepWithPrev = true;
  });
  if (rows.length <= sizes.shortRows) rows.forEach((r) => (r.keepWithPrev = true));
  return { rows: [head, ...rows], space };
}

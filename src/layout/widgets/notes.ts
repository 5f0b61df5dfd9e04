import type { DirectiveToken } from '../../markdown/directives.js';
import type { Frame, LayoutDoc } from '../frame.js';
import type { Theme } from '../theme.js';
import type { Item, MeasuredLine, Row } from '../types.js';
import type { Widget } from './registry.js';

/** `::: notes N` and `::: notes fill`: ruled lines to write on, a multi-line field over them. */
export const notes: Widget = { placement: 'block', layout: layoutNotes };

function ruledLines<L>(count: number, frame: Frame, theme: Theme, name: string): { height: number; items: Item<L>[] } {
  const sizes = theme.notes;
  const gap = theme.leading * sizes.lineGap;
  const items: Item<L>[] = [];
  for (let i = 1; i <= count; i++) items.push({ kind: 'rule', x1: frame.x, x2: frame.x + frame.width, y1: i * gap, y2: i * gap, color: theme.color.rule, width: sizes.rule });
  items.push({ kind: 'field', x: frame.x, y: 0, w: frame.width, h: count * gap + sizes.fieldSlack, field: name, multiline: true });
  return { height: count * gap + sizes.bottom, items };
}

function layoutNotes<L extends MeasuredLine>(directive: DirectiveToken, frame: Frame, doc: LayoutDoc<L>): Row<L>[] {
  const { theme, geometry } = doc;
  const sizes = theme.notes;
  const gap = theme.leading * sizes.lineGap;
  if (directive.args === 'fill') {
    const name = doc.fields.name('notes', false);
    const fill = (avail: number) => ruledLines<L>(Math.max(sizes.minFillLines, Math.floor((avail - sizes.bottom) / gap)), frame, theme, name);
    return [{ height: gap * sizes.minFillLines + sizes.bottom, spaceBefore: 0, keepWithPrev: false, items: [], fill }];
  }
  let left = Number(directive.args);
  const perPage = Math.floor((geometry.bottom - geometry.top - sizes.bottom) / gap);
  const rows: Row<L>[] = [];
  while (left > 0) {
    const n = Math.min(left, perPage);
    const r = ruledLines<L>(n, frame, theme, doc.fields.name('notes', false));
    rows.push({ height: r.height, spaceBefore: 0, keepWithPrev: false, items: r.items });
    left -= n;
  }
  return rows;
}

import type { Tokens } from 'marked';
import type { TextStyle } from '../../text/types.js';
import { scaleOf, type Frame, type LayoutDoc } from '../frame.js';
import { style } from '../theme.js';
import type { Item, MeasuredLine, Row } from '../types.js';
import type { Block } from './builders.js';

type TextItem<L> = Extract<Item<L>, { kind: 'text' }>;

function isText<L>(item: Item<L>): item is TextItem<L> {
  return item.kind === 'text';
}

/** A bullet, ordered or task list; items hang from a marker column, nested lists alternate bullets. */
export function list<L extends MeasuredLine>(token: Tokens.List, frame: Frame, doc: LayoutDoc<L>): Block<L> {
  const { theme, measurer } = doc;
  const sizes = theme.block.list;
  const out: Row<L>[] = [];
  const size = theme.body * scaleOf(frame, theme);
  const start = typeof token.start === 'number' ? token.start : 1;
  const tasks = token.items.some((it) => it.task);
  const lastNumber = `${start + token.items.length - 1}.`;
  const markerW = token.ordered
    ? Math.max(sizes.minOrderedMarker, measurer.measure([{ text: lastNumber, style: style('regular', size) }]).max + sizes.orderedMarkerGap)
    : tasks
      ? sizes.taskMarker
      : sizes.bulletMarker;
  token.items.forEach((item, i) => {
    const inner: Frame = { ...frame, x: frame.x + markerW, width: frame.width - markerW, listDepth: frame.listDepth + 1 };
    const rows = doc.blocks(item.tokens.filter((t) => t.type !== 'checkbox'), inner);
    const first = rows[0];
    if (!first) return;
    const firstText = first.items.find(isText);
    // From the item's top: a nested list's first text is now its marker, placed on the text's baseline.
    const baseline = firstText ? firstText.y + firstText.line.baseline : size;
    if (item.task) {
      const box = size * sizes.checkboxSize;
      const cy = baseline - size * sizes.checkboxRaise;
      first.items.push({ kind: 'checkbox', x: frame.x + sizes.checkboxX, y: cy - box / 2, size: box, field: doc.fields.checkbox(), checked: Boolean(item.checked) });
    } else {
      const marker = token.ordered ? `${start + i}.` : sizes.bullets[frame.listDepth % 2 === 0 ? 0 : 1];
      const ms: TextStyle = style(token.ordered ? 'regular' : 'bold', size, theme.color.accent);
      const [ml] = measurer.layoutParagraph([{ text: marker, style: ms }], { width: markerW, lineHeight: theme.lineHeight });
      // Before the item's text, not after its first line: text is drawn in item order, and copy/paste
      // (pdf.js, mupdf) read that order, so a marker drawn after line 1 landed inside a wrapped item.
      if (ml) first.items.unshift({ kind: 'text', x: frame.x + (token.ordered ? 0 : sizes.bulletX), y: baseline - ml.baseline, line: ml, width: markerW });
    }
    first.spaceBefore = 0;
    if (out.length > 0) first.spaceBefore = token.loose ? doc.half : sizes.tightItemSpace;
    out.push(...rows);
  });
  return { rows: out, space: frame.listDepth > 0 ? sizes.nestedSpace : doc.half * theme.block.space };
}

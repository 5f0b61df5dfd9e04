import type { DirectiveToken } from '../../markdown/directives.js';
import { workbookTocEntries } from '../../markdown/toc.js';
import type { Frame, LayoutDoc } from '../frame.js';
import { style } from '../theme.js';
import type { Item, MeasuredLine, Row } from '../types.js';
import type { Widget } from './registry.js';

/** `::: toc [depth]`: the headings after it with dotted leaders, page numbers and links. */
export const toc: Widget = { placement: 'block', layout: layoutToc };

function layoutToc<L extends MeasuredLine>(directive: DirectiveToken, frame: Frame, doc: LayoutDoc<L>): Row<L>[] {
  const { theme, measurer } = doc;
  const sizes = theme.toc;
  const entries = workbookTocEntries(doc.headings, directive);
  const minDepth = Math.min(...entries.map((e) => e.depth));
  const rows: Row<L>[] = [];
  for (const e of entries) {
    const level = e.depth - minDepth;
    const top = level === 0;
    doc.tocIds.add(e.id);
    const st = style(top ? 'bold' : 'regular', top ? theme.body * sizes.topSize : theme.body, top ? theme.color.accent : theme.color.text);
    const indent = level * sizes.indentPerLevel;
    const width = frame.width - indent - sizes.numberColumn - sizes.gap;
    const lines = measurer.layoutParagraph([{ text: e.title, style: st }], { width, lineHeight: sizes.lineHeight });
    const items: Item<L>[] = [];
    let y = 0;
    for (const line of lines) {
      items.push({ kind: 'text', x: frame.x + indent, y, line, width });
      y += line.height;
    }
    const last = lines[lines.length - 1];
    if (last) {
      const ly = y - last.height + last.baseline;
      const { leader } = sizes;
      items.push({ kind: 'rule', x1: frame.x + indent + last.width + leader.gap, x2: frame.x + frame.width - sizes.numberColumn + leader.overhang, y1: ly, y2: ly, color: theme.color.accentSoft, width: leader.width, dash: [...leader.dash] });
      items.push({ kind: 'pageref', x: frame.x + frame.width, y: y - last.height, dest: e.id, style: st });
    }
    items.push({ kind: 'link', x: frame.x + indent, y: 0, w: frame.width - indent, h: y, dest: e.id });
    rows.push({ height: y, spaceBefore: top && rows.length > 0 ? doc.half * sizes.topSpace : 0, keepWithPrev: false, items });
  }
  return rows;
}

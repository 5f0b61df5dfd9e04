import type { DirectiveToken } from '../../markdown/directives.js';
import type { Frame, LayoutDoc } from '../frame.js';
import { style } from '../theme.js';
import type { Item, MeasuredLine, Row } from '../types.js';
import type { Widget } from './registry.js';

/** `::: fillin LABEL`: a labelled line to write on, a single-line field over it. */
export const fillin: Widget = { placement: 'block', layout: (directive, frame, doc) => [fillinLine(directive, frame, doc)] };

function fillinLine<L extends MeasuredLine>(directive: DirectiveToken, frame: Frame, doc: LayoutDoc<L>): Row<L> {
  const { theme, measurer } = doc;
  const sizes = theme.fillin;
  const label = directive.args;
  const st = style('bold', theme.body, theme.color.text);
  const w = Math.min(frame.width * sizes.maxLabelShare, measurer.measure([{ text: label, style: st }]).max + sizes.labelSlack);
  const lines = measurer.layoutParagraph([{ text: label, style: st }], { width: w, lineHeight: theme.lineHeight });
  const items: Item<L>[] = [];
  let y = 0;
  for (const line of lines) {
    items.push({ kind: 'text', x: frame.x, y, line, width: w });
    y += line.height;
  }
  const last = lines[lines.length - 1];
  const base = last ? y - last.height + last.baseline + sizes.baselineDrop : theme.leading;
  const x1 = frame.x + w + sizes.gap;
  const x2 = frame.x + Math.min(frame.width, w + sizes.gap + sizes.lineLength);
  items.push({ kind: 'rule', x1, x2, y1: base, y2: base, color: theme.color.text, width: sizes.rule });
  items.push({ kind: 'field', x: x1, y: base - theme.leading, w: x2 - x1, h: theme.leading, field: doc.fields.name('fillin', false), multiline: false });
  return { height: Math.max(y, base + sizes.bottom), spaceBefore: 0, keepWithPrev: false, items };
}

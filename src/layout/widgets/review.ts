import type { DirectiveToken } from '../../markdown/directives.js';
import type { Frame, LayoutDoc } from '../frame.js';
import { style } from '../theme.js';
import type { Item, MeasuredLine, Row } from '../types.js';
import type { Widget } from './registry.js';

/** The review box's title and area labels (from data/labels/<locale>.yaml). */
export interface ReviewLabels {
  review: string;
  wentWell: string;
  blockedBy: string;
  nextSteps: string;
}

/** `::: review`: a titled box with three ruled areas, each a multi-line field. */
export const review: Widget = { placement: 'block', layout: (directive, frame, doc) => [reviewBox(directive, frame, doc)] };

function reviewBox<L extends MeasuredLine>(_directive: DirectiveToken, frame: Frame, doc: LayoutDoc<L>): Row<L> {
  const labels = doc.widgetData.review;
  const { theme, measurer } = doc;
  const m = theme.review;
  const pad = m.padding;
  const inner = frame.width - 2 * pad;
  const items: Item<L>[] = [];
  const titleStyle = style('bold', theme.body * m.titleSize, theme.color.onAccent);
  const [tl] = measurer.layoutParagraph([{ text: labels.review, style: titleStyle }], { width: inner, lineHeight: m.lineHeight });
  const titleH = (tl?.height ?? m.fallbackTitle) + m.titlePad;
  items.push({ kind: 'rect', x: frame.x, y: 0, w: frame.width, h: titleH, fill: theme.color.accent });
  if (tl) items.push({ kind: 'text', x: frame.x + pad, y: m.titleY, line: tl, width: inner });
  const gap = theme.leading * m.lineGap;
  let y = titleH + m.areaTop;
  for (const [key, label] of [['wentWell', labels.wentWell], ['blockedBy', labels.blockedBy], ['nextSteps', labels.nextSteps]] as const) {
    const [ll] = measurer.layoutParagraph([{ text: label, style: style('bold', theme.body * m.labelSize, theme.color.accent) }], { width: inner, lineHeight: m.lineHeight });
    if (ll) items.push({ kind: 'text', x: frame.x + pad, y, line: ll, width: inner });
    y += ll?.height ?? m.fallbackLabel;
    const top = y;
    for (let i = 1; i <= m.linesPerArea; i++) items.push({ kind: 'rule', x1: frame.x + pad, x2: frame.x + frame.width - pad, y1: y + i * gap, y2: y + i * gap, color: theme.color.rule, width: m.rule });
    y += m.linesPerArea * gap + m.areaGap;
    items.push({ kind: 'field', x: frame.x + pad, y: top, w: inner, h: m.linesPerArea * gap + m.fieldSlack, field: doc.fields.name(`review.${key}`, false), multiline: true });
  }
  items.push({ kind: 'rect', x: frame.x, y: 0, w: frame.width, h: y, stroke: theme.color.accent, lineWidth: m.border });
  return { height: y, spaceBefore: 0, keepWithPrev: false, items };
}

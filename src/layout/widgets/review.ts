import type { DirectiveToken } from '../../markdown/directives.js';
import type { Frame, LayoutDoc } from '../frame.js';
import { style } from '../theme.js';
import type { Item, MeasuredLine, Row } from '../types.js';
import type { Widget } from './registry.js';

/** The review box's title and area labels (from labels/<locale>.yaml). */
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
  const sizes = theme.review;
  const pad = sizes.padding;
  const inner = frame.width - 2 * pad;
  const items: Item<L>[] = [];
  const titleStyle = style('bold', theme.body * sizes.titleSize, theme.color.onAccent);
  const [tl] = measurer.layoutParagraph([{ text: labels.review, style: titleStyle }], { width: inner, lineHeight: sizes.lineHeight });
  const titleH = (tl?.height ?? sizes.fallbackTitle) + sizes.titlePad;
  items.push({ kind: 'rect', x: frame.x, y: 0, w: frame.width, h: titleH, fill: theme.color.accent });
  if (tl) items.push({ kind: 'text', x: frame.x + pad, y: sizes.titleY, line: tl, width: inner });
  const gap = theme.leading * sizes.lineGap;
  let y = titleH + sizes.areaTop;
  for (const [key, label] of [['wentWell', labels.wentWell], ['blockedBy', labels.blockedBy], ['nextSteps', labels.nextSteps]] as const) {
    const [ll] = measurer.layoutParagraph([{ text: label, style: style('bold', theme.body * sizes.labelSize, theme.color.accent) }], { width: inner, lineHeight: sizes.lineHeight });
    if (ll) items.push({ kind: 'text', x: frame.x + pad, y, line: ll, width: inner });
    y += ll?.height ?? sizes.fallbackLabel;
    const top = y;
    for (let i = 1; i <= sizes.linesPerArea; i++) items.push({ kind: 'rule', x1: frame.x + pad, x2: frame.x + frame.width - pad, y1: y + i * gap, y2: y + i * gap, color: theme.color.rule, width: sizes.rule });
    y += sizes.linesPerArea * gap + sizes.areaGap;
    items.push({ kind: 'field', x: frame.x + pad, y: top, w: inner, h: sizes.linesPerArea * gap + sizes.fieldSlack, field: doc.fields.name(`review.${key}`, false), multiline: true });
  }
  items.push({ kind: 'rect', x: frame.x, y: 0, w: frame.width, h: y, stroke: theme.color.accent, lineWidth: sizes.border });
  return { height: y, spaceBefore: 0, keepWithPrev: false, items };
}

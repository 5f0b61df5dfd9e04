import type { DirectiveToken } from '../../markdown/directives.js';
import type { Frame, LayoutDoc } from '../frame.js';
import { style } from '../theme.js';
import type { Item, MeasuredLine, Row } from '../types.js';
import type { Widget } from './registry.js';

/** Data for `::: timeline`: the learner's plan as month columns and bars. */
export interface TimelineData {
  /** One label per month column, e.g. "Jan" with the year under the first month and every January. */
  months: { label: string; year?: string }[];
  rows: { label: string; detail: string; from: number; to: number; highlight: boolean }[];
}

/** `::: timeline`: the plan as a Gantt chart, one bar per entry, the capstone in the second colour. */
export const timeline: Widget = { placement: 'block', layout: layoutTimeline };

function layoutTimeline<L extends MeasuredLine>(_directive: DirectiveToken, frame: Frame, doc: LayoutDoc<L>): Row<L>[] {
  const data = doc.widgetData.timeline;
  if (!data || data.rows.length === 0) return [];
  const { theme, measurer } = doc;
  const { label, detail, month, bar, headHeight: headH, rowHeight: rowH } = theme.timeline;
  const n = data.months.length;
  const small = theme.small;
  const widest = data.rows.map((r) => measurer.measure([{ text: r.label, style: style('bold', small + label.sizeDelta) }]).max + label.pad);
  const labelW = Math.min(frame.width * label.maxShare, Math.max(label.min, ...widest));
  const colW = (frame.width - labelW) / n;
  const items: Item<L>[] = [];
  const x0 = frame.x + labelW;
  // Month columns: alternating shading, month names and the year where it changes.
  data.months.forEach((mo, i) => {
    const x = x0 + i * colW;
    if (i % 2 === 0) items.push({ kind: 'rect', x, y: headH, w: colW, h: rowH * data.rows.length, fill: theme.color.zebra });
    const [ml] = measurer.layoutParagraph([{ text: mo.label, style: style('bold', small, theme.color.accent) }], { width: colW, align: 'center', lineHeight: month.lineHeight });
    if (ml) items.push({ kind: 'text', x, y: month.y, line: ml, width: colW });
    if (mo.year) {
      const [yl] = measurer.layoutParagraph([{ text: mo.year, style: style('regular', small - month.yearSizeDelta, theme.color.muted) }], { width: colW, align: 'center', lineHeight: month.lineHeight });
      if (yl) items.push({ kind: 'text', x, y: month.y + (ml?.height ?? month.fallbackHeight), line: yl, width: colW });
    }
  });
  items.push({ kind: 'rule', x1: frame.x, x2: frame.x + frame.width, y1: headH, y2: headH, color: theme.color.accent, width: theme.timeline.headRule });
  const textW = labelW - label.gap;
  data.rows.forEach((r, k) => {
    const y = headH + k * rowH;
    const [ll] = measurer.layoutParagraph([{ text: r.label, style: style('bold', small + label.sizeDelta, theme.color.text) }], { width: textW, lineHeight: label.lineHeight });
    const dl = measurer.layoutParagraph([{ text: r.detail, style: style('regular', small - detail.sizeDelta, theme.color.muted) }], { width: textW, lineHeight: detail.lineHeight }).slice(0, detail.lines);
    let ty = y + label.top;
    if (ll) {
      items.push({ kind: 'text', x: frame.x, y: ty, line: ll, width: textW });
      ty += ll.height;
    }
    for (const l of dl) {
      items.push({ kind: 'text', x: frame.x, y: ty, line: l, width: textW });
      ty += l.height;
    }
    const bx = x0 + (r.from - 1) * colW + bar.x;
    const bw = (r.to - r.from + 1) * colW - 2 * bar.x;
    items.push({ kind: 'rect', x: bx, y: y + bar.y, w: bw, h: rowH - 2 * bar.y, fill: r.highlight ? theme.color.capstone : theme.color.accent, radius: bar.radius });
    items.push({ kind: 'rule', x1: frame.x, x2: frame.x + frame.width, y1: y + rowH, y2: y + rowH, color: theme.color.rule, width: theme.timeline.rowRule });
  });
  const h = headH + rowH * data.rows.length + theme.timeline.bottom;
  return [{ height: h, spaceBefore: 0, keepWithPrev: false, items }];
}

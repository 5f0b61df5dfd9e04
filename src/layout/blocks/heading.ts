import type { Tokens } from 'marked';
import type { Span } from '../../text/types.js';
import type { Frame, LayoutDoc } from '../frame.js';
import { inlineSpans } from '../inline.js';
import { textRows } from '../rows.js';
import { style, type HeadingLevel, type Theme } from '../theme.js';
import type { Item, MeasuredLine, Row } from '../types.js';
import type { Block } from './builders.js';

type HeadingStyle = Theme['headings'][HeadingLevel];

function headingLevel(depth: number): HeadingLevel {
  if (depth <= 1) return 1;
  if (depth === 2) return 2;
  if (depth === 3) return 3;
  return 4;
}

function headingStyle(depth: number, frame: Frame, theme: Theme): HeadingStyle {
  const level = headingLevel(depth);
  const base = theme.headings[level];
  const { cover } = theme;
  if (frame.cover && level === 1) return { ...base, size: cover.title.size, color: theme.color.onAccent, lineHeight: cover.title.lineHeight };
  if (frame.cover) return { ...base, size: base.size * cover.headingScale };
  return base;
}

/**
 * A heading: an anchor for links, the outline and the TOC, a rule under `#`, an accent bar
 * beside `##`; kept with the block after it. On the cover, `#` is the cover title.
 */
export function heading<L extends MeasuredLine>(token: Tokens.Heading, frame: Frame, doc: LayoutDoc<L>): Block<L> {
  const { theme } = doc;
  const hs = headingStyle(token.depth, frame, theme);
  const spans = inlineSpans(token.tokens, style(hs.font, hs.size, hs.color), doc.inline);
  if (frame.cover && token.depth === 1) return { rows: coverTitle(spans, frame, doc), space: hs.before, heading: true };
  const rows = textRows(doc, spans, frame.x, frame.width, { lineHeight: hs.lineHeight });
  for (const r of rows.slice(1)) r.keepWithPrev = true;
  for (const r of rows) r.heading = true;
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) return { rows, space: hs.before, heading: true };
  const meta = doc.headings.byToken.get(token);
  if (meta && !frame.cover) {
    if (meta.depth <= 2) doc.fields.enterSection(meta.id);
    first.items.unshift({ kind: 'anchor', x: frame.x, y: 0, id: meta.id, title: meta.title, depth: meta.depth });
  }
  const { h1Rule, h2Bar } = theme.block;
  if (token.depth === 1) {
    const ruleY = last.height + h1Rule.offset;
    last.items.push({ kind: 'rule', x1: frame.x, x2: frame.x + frame.width, y1: ruleY, y2: ruleY, color: theme.color.accent, width: h1Rule.width });
    last.height += h1Rule.room;
  } else if (token.depth === 2) {
    last.items.unshift({ kind: 'rect', x: frame.x - h2Bar.offset, y: (last.height - hs.size) / 2, w: h2Bar.width, h: hs.size, fill: theme.color.accent });
  }
  last.height += hs.after;
  return { rows, space: hs.before, heading: true };
}

/** The cover's title: white on an accent panel, a spacer above it. */
function coverTitle<L extends MeasuredLine>(spans: Span[], frame: Frame, doc: LayoutDoc<L>): Row<L>[] {
  const { theme, geometry } = doc;
  const { padding: pad, lineHeight, radius, barWidth, barHeight, barGap, spacerShare } = theme.cover.title;
  const lines = doc.measurer.layoutParagraph(spans, { width: frame.width - 2 * pad, align: 'left', lineHeight });
  const textH = lines.reduce((s, l) => s + l.height, 0);
  const panelH = textH + 2 * pad + barGap;
  const items: Item<L>[] = [{ kind: 'rect', x: frame.x, y: 0, w: frame.width, h: panelH, fill: theme.color.accent, radius }];
  items.push({ kind: 'rect', x: frame.x + pad, y: pad, w: barWidth, h: barHeight, fill: theme.color.calloutBar });
  let y = pad + barGap;
  for (const line of lines) {
    items.push({ kind: 'text', x: frame.x + pad, y, line, width: frame.width - 2 * pad });
    y += line.height;
  }
  const spacer: Row<L> = { height: (geometry.bottom - geometry.top) * spacerShare, spaceBefore: 0, keepWithPrev: false, items: [] };
  return [spacer, { height: panelH + doc.half * 2, spaceBefore: 0, keepWithPrev: true, items, heading: true }];
}

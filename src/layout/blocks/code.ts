import type { Tokens } from 'marked';
import type { Frame, LayoutDoc } from '../frame.js';
import { keepEnds, shade } from '../rows.js';
import { style } from '../theme.js';
import type { MeasuredLine, Row } from '../types.js';
import type { Block } from './builders.js';

/** A fenced code block: one row per line (never wrapped into a neighbour), on a shaded box. */
export function code<L extends MeasuredLine>(token: Tokens.Code, frame: Frame, doc: LayoutDoc<L>): Block<L> {
  const { theme } = doc;
  const { padding, lineHeight, tab } = theme.block.code;
  const st = style('mono', theme.codeSize, theme.color.code);
  const rows: Row<L>[] = [];
  for (const text of token.text.replace(/\t/g, tab).split('\n')) {
    const laid = doc.measurer.layoutParagraph([{ text: text || ' ', style: st }], { width: frame.width - 2 * padding, lineHeight });
    for (const line of laid) rows.push({ height: line.height, spaceBefore: 0, keepWithPrev: false, items: [{ kind: 'text', x: frame.x + padding, y: 0, line, width: frame.width - 2 * padding }] });
  }
  keepEnds(rows);
  return { rows: shade(rows, frame, { fill: theme.color.codeFill, pad: padding }), space: doc.half * theme.block.space };
}

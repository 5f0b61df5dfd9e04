import type { Tokens } from 'marked';
import { scaleOf, type Frame, type LayoutDoc } from '../frame.js';
import { inlineSpans } from '../inline.js';
import { textRows } from '../rows.js';
import { style } from '../theme.js';
import type { MeasuredLine } from '../types.js';
import type { Block } from './builders.js';

/** A paragraph, or the text of a tight list item. */
export function paragraph<L extends MeasuredLine>(token: Tokens.Paragraph | Tokens.Text, frame: Frame, doc: LayoutDoc<L>): Block<L> {
  const { theme } = doc;
  const spans = inlineSpans(token.tokens, style('regular', theme.body * scaleOf(frame, theme), theme.color.text), doc.inline);
  const lineHeight = frame.cover ? theme.cover.lineHeight : theme.lineHeight;
  const space = frame.cover ? doc.half * theme.cover.paragraphSpace : doc.half * theme.block.space;
  return { rows: textRows(doc, spans, frame.x, frame.width, { lineHeight }), space };
}

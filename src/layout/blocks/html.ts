import type { Tokens } from 'marked';
import type { Frame, LayoutDoc } from '../frame.js';
import { textRows } from '../rows.js';
import { style } from '../theme.js';
import type { MeasuredLine } from '../types.js';
import type { Block } from './builders.js';

/** Block HTML is not rendered: comments vanish, other tags print as their text. */
export function html<L extends MeasuredLine>(token: Tokens.HTML, frame: Frame, doc: LayoutDoc<L>): Block<L> {
  const { theme } = doc;
  const text = token.text.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, '').trim();
  const rows = text ? textRows(doc, [{ text, style: style('regular', theme.body, theme.color.text) }], frame.x, frame.width) : [];
  return { rows, space: doc.half * theme.block.space };
}

import type { Tokens } from 'marked';
import type { Frame, LayoutDoc } from '../frame.js';
import { shade } from '../rows.js';
import type { MeasuredLine } from '../types.js';
import type { Block } from './builders.js';

/** A blockquote is a callout: shaded, with an accent bar; a short one is never split. */
export function blockquote<L extends MeasuredLine>(token: Tokens.Blockquote, frame: Frame, doc: LayoutDoc<L>): Block<L> {
  const { theme, geometry } = doc;
  const { padding, barGap, barWidth, keepWholeShare } = theme.block.callout;
  const inner: Frame = { ...frame, x: frame.x + padding + barGap, width: frame.width - 2 * padding - barGap };
  const rows = doc.blocks(token.tokens, inner);
  const total = rows.reduce((s, r) => s + r.height + r.spaceBefore, 0);
  if (total < (geometry.bottom - geometry.top) / keepWholeShare) rows.slice(1).forEach((r) => (r.keepWithPrev = true));
  const shaded = shade(rows, frame, { fill: theme.color.calloutFill, pad: padding, bar: { color: theme.color.calloutBar, width: barWidth } });
  return { rows: shaded, space: doc.half * theme.block.wideSpace };
}

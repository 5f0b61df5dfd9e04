import type { Tokens } from 'marked';
import type { Frame, LayoutDoc } from '../frame.js';
import type { MeasuredLine } from '../types.js';
import type { Block } from './builders.js';

/** A thematic break: a short centred rule, one leading high. */
export function hr<L extends MeasuredLine>(_token: Tokens.Hr, frame: Frame, doc: LayoutDoc<L>): Block<L> {
  const { theme } = doc;
  const { from, to, width } = theme.block.hr;
  const y = theme.leading / 2;
  const rule = { kind: 'rule' as const, x1: frame.x + frame.width * from, x2: frame.x + frame.width * to, y1: y, y2: y, color: theme.color.accentSoft, width };
  return { rows: [{ height: theme.leading, spaceBefore: 0, keepWithPrev: false, items: [rule] }], space: doc.half * theme.block.space };
}

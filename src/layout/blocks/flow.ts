import type { Token } from 'marked';
import { isDirective } from '../../markdown/directives.js';
import type { Frame, LayoutDoc } from '../frame.js';
import type { MeasuredLine, Row } from '../types.js';
import { WIDGETS } from '../widgets/registry.js';
import { buildBlock } from './builders.js';

/**
 * Block tokens → rows, with the space between blocks: a heading keeps the next block with it
 * (and pulls it closer), a page break or a cover starts a new page, cover rows are marked.
 */
export function layoutBlocks<L extends MeasuredLine>(tokens: Token[], frame: Frame, doc: LayoutDoc<L>): Row<L>[] {
  const out: Row<L>[] = [];
  let keepNext = false;
  let breakNext = false;
  const push = (rows: Row<L>[], space: number, heading = false): void => {
    const first = rows[0];
    if (!first) return;
    first.spaceBefore = out.length === 0 ? 0 : keepNext && !heading ? Math.min(space, doc.half / 2) : space;
    if (keepNext) first.keepWithPrev = true;
    if (breakNext) {
      first.breakBefore = true;
      first.keepWithPrev = false;
      breakNext = false;
    }
    if (frame.cover) for (const r of rows) r.cover = true;
    out.push(...rows);
    keepNext = heading;
  };
  for (const token of tokens) {
    if (!isDirective(token)) {
      const block = buildBlock(token, frame, doc);
      push(block.rows, block.space, block.heading);
      continue;
    }
    const widget = WIDGETS[token.name];
    if (widget.placement === 'page-break') {
      breakNext = out.length > 0 || breakNext;
      keepNext = false;
      continue;
    }
    const rows = widget.layout(token, frame, doc);
    if (widget.placement === 'own-pages') {
      if (out.length > 0) breakNext = true;
      push(rows, 0);
      breakNext = true;
      keepNext = false;
      continue;
    }
    push(rows, doc.half * doc.theme.block.space);
  }
  return out;
}

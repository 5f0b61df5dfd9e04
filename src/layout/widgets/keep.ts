import type { Widget } from './registry.js';

/** `::: keep … :::`: its content on one page (unless it is taller than a page). */
export const keep: Widget = {
  placement: 'block',
  layout(directive, frame, doc) {
    const rows = doc.blocks(directive.tokens, frame);
    rows.slice(1).forEach((r) => (r.keepWithPrev = true));
    return rows;
  },
};

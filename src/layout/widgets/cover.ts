import type { Widget } from './registry.js';

/** `::: cover … :::`: its content on pages of their own, set larger, with no running header or footer. */
export const cover: Widget = {
  placement: 'own-pages',
  layout: (directive, frame, doc) => doc.blocks(directive.tokens, { ...frame, cover: true }),
};

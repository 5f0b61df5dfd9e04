import type { Widget } from './registry.js';

/** `::: pagebreak`: a new page (nothing at the top of a page). */
export const pagebreak: Widget = { placement: 'page-break', layout: () => [] };

import type { DirectiveName, DirectiveToken } from '../../markdown/directives.js';
import type { Frame, LayoutDoc } from '../frame.js';
import type { MeasuredLine, Row } from '../types.js';
import { cover } from './cover.js';
import { fillin } from './fillin.js';
import { keep } from './keep.js';
import { notes } from './notes.js';
import { pagebreak } from './pagebreak.js';
import { review, type ReviewLabels } from './review.js';
import { timeline, type TimelineData } from './timeline.js';
import { toc } from './toc.js';

/**
 * How a widget sits in the flow: `block` rows spaced like a paragraph, `own-pages` on pages of
 * its own (the cover), `page-break` nothing but a new page.
 */
export type Placement = 'block' | 'own-pages' | 'page-break';

/** The layout of one workbook directive (its syntax is in src/markdown/directives.ts). */
export interface Widget {
  placement: Placement;
  layout<L extends MeasuredLine>(directive: DirectiveToken, frame: Frame, doc: LayoutDoc<L>): Row<L>[];
}

/** What widgets need from the learner's workbook beyond the Markdown. */
export interface WidgetData {
  review: ReviewLabels;
  timeline?: TimelineData;
}

/** Every directive's widget: a directive without one does not compile. */
export const WIDGETS: Record<DirectiveName, Widget> = { pagebreak, toc, timeline, notes, review, fillin, cover, keep };

/**
 * The layout engine's data model. Layout is a pure function from `marked` tokens and a
 * measurer to pages of positioned boxes; nothing here knows about PDFKit, HarfBuzz or files,
 * so it runs in tests with a fake measurer (like remark-pdf's measure-then-place design).
 * Units are PDF points, y grows downwards from the top of the page.
 */
import type { MeasuredWidths, ParagraphOptions, Span, TextStyle } from '../text/types.js';

/** What layout needs from a line: its box. Real lines are the text engine's LaidLine. */
export interface MeasuredLine {
  width: number;
  height: number;
  baseline: number;
  text: string;
}

/** The measuring half of the text engine (TextEngine satisfies it). */
export interface Measurer<L extends MeasuredLine = MeasuredLine> {
  layoutParagraph(spans: Span[], options: ParagraphOptions): L[];
  measure(spans: Span[]): MeasuredWidths;
}

/** Anything drawn on a page. Coordinates are relative to a row while laying out, absolute on a page. */
export type Item<L> =
  | { kind: 'text'; x: number; y: number; line: L; width: number }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill?: string; stroke?: string; lineWidth?: number; radius?: number }
  | { kind: 'rule'; x1: number; y1: number; x2: number; y2: number; color: string; width: number; dash?: number[] }
  | { kind: 'checkbox'; x: number; y: number; size: number; field: string; checked?: boolean }
  | { kind: 'field'; x: number; y: number; w: number; h: number; field: string; multiline: boolean }
  | { kind: 'anchor'; x: number; y: number; id: string; title: string; depth: number }
  | { kind: 'link'; x: number; y: number; w: number; h: number; dest: string }
  /** A page number of `dest`, right-aligned at x (known only after pagination). */
  | { kind: 'pageref'; x: number; y: number; dest: string; style: TextStyle };

/**
 * The unit of pagination: a horizontal slice that is never split (a line of a paragraph, a
 * table row, a review box). Rules between rows decide where pages may break.
 */
export interface Row<L> {
  /** Height of the row's own content. */
  height: number;
  /** Space above the row; dropped when the row starts a page. */
  spaceBefore: number;
  /** Never break between this row and the previous one (keep-with-next, widows, keep). */
  keepWithPrev: boolean;
  /** Start a new page before this row. */
  breakBefore?: boolean;
  /** Items relative to the row's top-left corner (x from the content box's left edge). */
  items: Item<L>[];
  /** Drawn first when this row starts a page because of a break (a table's header row). */
  repeatHeader?: Row<L>;
  /** The row belongs on a cover page (no running header or footer). */
  cover?: boolean;
  /** Grows to fill the rest of the page (ruled note pages); `height` is its minimum. */
  fill?: (available: number) => { height: number; items: Item<L>[] };
  /** A heading row: it may never be the last row of a page (tests and debugging). */
  heading?: boolean;
}

export interface Page<L> {
  /** 0-based. */
  index: number;
  cover: boolean;
  items: Item<L>[];
}

export interface PageGeometry {
  width: number;
  height: number;
  /** The content box. */
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Running header and footer, inside the (smaller) printable margin. */
  margin: number;
}

export interface HeadingInfo {
  id: string;
  title: string;
  depth: number;
  /** Set by pagination. */
  page: number;
  inToc: boolean;
}

export interface LayoutResult<L> {
  pages: Page<L>[];
  headings: HeadingInfo[];
  geometry: PageGeometry;
  /** Destination id → 0-based page index. */
  destinations: Map<string, number>;
  /** Number of checkboxes laid out (tasks). */
  checkboxes: number;
  /** Form field names, in order. */
  fields: string[];
}

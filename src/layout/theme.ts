import type { FontStyleName, TextStyle } from '../text/types.js';
import type { PageGeometry } from './types.js';

export type PaperName = 'A4' | 'Letter';

/** Paper sizes in points. */
export const PAPER: Record<PaperName, { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  Letter: { width: 612, height: 792 },
};

const MM = 72 / 25.4;

/**
 * Page geometry: the running header and footer sit inside a 15 mm printable margin; the
 * content box is inset further (20 mm sides, room for header and footer above and below).
 */
export function geometryFor(paper: PaperName): PageGeometry {
  const { width, height } = PAPER[paper];
  return {
    width,
    height,
    margin: 15 * MM,
    left: 20 * MM,
    right: width - 20 * MM,
    top: 26 * MM,
    bottom: height - 24 * MM,
  };
}

/**
 * The type scale, colours and every measurement of the blocks and widgets, by name. One base
 * size and leading; vertical spaces are multiples of half the body leading, so facing pages
 * keep a common rhythm. Factors multiply a size, `…Space` values multiply half the leading,
 * everything else is in points.
 */
export interface Theme {
  body: number;
  leading: number;
  /** Line height factor for body text. */
  lineHeight: number;
  headings: Record<HeadingLevel, { size: number; font: FontStyleName; color: string; before: number; after: number; lineHeight: number }>;
  small: number;
  tableSize: number;
  codeSize: number;
  /** Inline code relative to the text around it. */
  codeScale: number;
  color: { text: string; muted: string; accent: string; accentLight: string; accentSoft: string; rule: string; calloutFill: string; calloutBar: string; codeFill: string; zebra: string; highlight: string; capstone: string; onAccent: string; code: string };
  block: BlockMeasures;
  cover: CoverMeasures;
  toc: TocMeasures;
  timeline: TimelineMeasures;
  notes: NotesMeasures;
  review: ReviewMeasures;
  fillin: FillinMeasures;
}

export type HeadingLevel = 1 | 2 | 3 | 4;

export interface BlockMeasures {
  /** Space between blocks, in half leadings: paragraphs, lists, code, html and directives. */
  space: number;
  /** Space before tables, callouts and (on the cover) paragraphs, in half leadings. */
  wideSpace: number;
  /** Under a `#` heading: a rule this far below the text, this wide, and this much room added. */
  h1Rule: { offset: number; width: number; room: number };
  /** Left of a `##` heading: an accent bar this far out and this wide. */
  h2Bar: { offset: number; width: number };
  list: { nestedSpace: number; tightItemSpace: number; minOrderedMarker: number; orderedMarkerGap: number; taskMarker: number; bulletMarker: number; bulletX: number; bullets: [string, string]; checkboxSize: number; checkboxRaise: number; checkboxX: number };
  code: { padding: number; lineHeight: number; tab: string };
  /** A callout of up to 1/`keepWholeShare` of the page is never split. */
  callout: { padding: number; barGap: number; barWidth: number; keepWholeShare: number };
  /** Tables of up to `shortRows` body rows stay whole. */
  table: { padX: number; padY: number; lineHeight: number; headerRule: number; bodyRule: number; shortRows: number; minColumn: number; slack: number };
  /** A thematic break: a rule from `from` to `to` of the width. */
  hr: { from: number; to: number; width: number };
}

export interface CoverMeasures {
  /** Body and table text on the cover are set this much larger. */
  scale: number;
  lineHeight: number;
  paragraphSpace: number;
  headingScale: number;
  /** The title: white on an accent panel, below a spacer of `spacerShare` of the content height. */
  title: { size: number; lineHeight: number; padding: number; radius: number; barWidth: number; barHeight: number; barGap: number; spacerShare: number };
}

export interface TocMeasures {
  /** Room for the page numbers, and the gap between a title and them. */
  numberColumn: number;
  gap: number;
  indentPerLevel: number;
  topSize: number;
  lineHeight: number;
  /** The dotted leader: its start after the title, its end past the number column, its dash. */
  leader: { gap: number; overhang: number; width: number; dash: [number, number] };
  /** Space before a top-level entry, in half leadings. */
  topSpace: number;
}

export interface TimelineMeasures {
  /** The label column: at most `maxShare` of the width, at least `min`, `pad` wider than the widest label. */
  label: { maxShare: number; min: number; pad: number; gap: number; sizeDelta: number; lineHeight: number; top: number };
  detail: { sizeDelta: number; lineHeight: number; lines: number };
  month: { y: number; lineHeight: number; yearSizeDelta: number; fallbackHeight: number };
  headHeight: number;
  headRule: number;
  rowHeight: number;
  rowRule: number;
  /** A bar is inset `x` from its columns and `y` from its row. */
  bar: { x: number; y: number; radius: number };
  bottom: number;
}

export interface NotesMeasures {
  /** Ruled lines are this many leadings apart. */
  lineGap: number;
  rule: number;
  /** The form field reaches `fieldSlack` below the last line; the row `bottom` below. */
  fieldSlack: number;
  bottom: number;
  minFillLines: number;
}

export interface ReviewMeasures {
  padding: number;
  titleSize: number;
  lineHeight: number;
  titlePad: number;
  titleY: number;
  fallbackTitle: number;
  areaTop: number;
  labelSize: number;
  fallbackLabel: number;
  lineGap: number;
  linesPerArea: number;
  areaGap: number;
  rule: number;
  fieldSlack: number;
  border: number;
}

export interface FillinMeasures {
  maxLabelShare: number;
  labelSlack: number;
  gap: number;
  lineLength: number;
  baselineDrop: number;
  rule: number;
  bottom: number;
}

export function defaultTheme(): Theme {
  const body = 10;
  const lineHeight = 1.5;
  const leading = body * lineHeight; // 15 pt
  const half = leading / 2;
  return {
    body,
    leading,
    lineHeight,
    headings: {
      1: { size: 22, font: 'bold', color: '#17406b', before: 4 * half, after: 2 * half, lineHeight: 1.25 },
      2: { size: 15, font: 'bold', color: '#1f5f99', before: 3 * half, after: half, lineHeight: 1.3 },
      3: { size: 12, font: 'bold', color: '#1d2330', before: 2 * half, after: half / 2, lineHeight: 1.35 },
      4: { size: 10.5, font: 'bold', color: '#1d2330', before: half * 1.5, after: half / 3, lineHeight: 1.4 },
    },
    small: 8,
    tableSize: 9,
    codeSize: 8.5,
    codeScale: 0.92,
    color: {
      text: '#1d2330',
      muted: '#6b7280',
      accent: '#1f5f99',
      accentLight: '#e6eef7',
      accentSoft: '#9dbbd9',
      rule: '#c5ccd6',
      calloutFill: '#fdf3e1',
      calloutBar: '#d98a1c',
      codeFill: '#f2f4f7',
      zebra: '#f7f8fa',
      highlight: '#fff4c7',
      capstone: '#d98a1c',
      onAccent: '#ffffff',
      code: '#24292f',
    },
    block: {
      space: 1,
      wideSpace: 1.5,
      h1Rule: { offset: 4, width: 1.2, room: 6 },
      h2Bar: { offset: 9, width: 3 },
      list: { nestedSpace: 2, tightItemSpace: 2.5, minOrderedMarker: 16, orderedMarkerGap: 5, taskMarker: 16, bulletMarker: 14, bulletX: 3, bullets: ['•', '–'], checkboxSize: 0.95, checkboxRaise: 0.36, checkboxX: 1 },
      code: { padding: 7, lineHeight: 1.4, tab: '    ' },
      callout: { padding: 9, barGap: 6, barWidth: 3, keepWholeShare: 3 },
      table: { padX: 5, padY: 4, lineHeight: 1.35, headerRule: 0.9, bodyRule: 0.4, shortRows: 5, minColumn: 8, slack: 0.5 },
      hr: { from: 0.3, to: 0.7, width: 0.8 },
    },
    cover: {
      scale: 1.25,
      lineHeight: 1.45,
      paragraphSpace: 1.5,
      headingScale: 1.1,
      title: { size: 30, lineHeight: 1.2, padding: 22, radius: 6, barWidth: 40, barHeight: 4, barGap: 20, spacerShare: 0.18 },
    },
    toc: { numberColumn: 34, gap: 8, indentPerLevel: 16, topSize: 1.05, lineHeight: 1.45, leader: { gap: 6, overhang: 4, width: 0.8, dash: [0.8, 3] }, topSpace: 0.8 },
    timeline: {
      label: { maxShare: 0.3, min: 70, pad: 10, gap: 6, sizeDelta: 0.5, lineHeight: 1.3, top: 3 },
      detail: { sizeDelta: 1, lineHeight: 1.25, lines: 2 },
      month: { y: 2, lineHeight: 1.3, yearSizeDelta: 1, fallbackHeight: 10 },
      headHeight: 26,
      headRule: 0.9,
      rowHeight: 36,
      rowRule: 0.3,
      bar: { x: 2, y: 11, radius: 3 },
      bottom: 4,
    },
    notes: { lineGap: 1.4, rule: 0.5, fieldSlack: 2, bottom: 4, minFillLines: 3 },
    review: { padding: 10, titleSize: 1.05, lineHeight: 1.4, titlePad: 8, titleY: 4, fallbackTitle: 14, areaTop: 6, labelSize: 0.9, fallbackLabel: 13, lineGap: 1.35, linesPerArea: 3, areaGap: 8, rule: 0.5, fieldSlack: 2, border: 0.9 },
    fillin: { maxLabelShare: 0.45, labelSlack: 2, gap: 8, lineLength: 200, baselineDrop: 2, rule: 0.6, bottom: 4 },
  };
}

/** Half the body leading: the unit of vertical space. */
export function halfLeading(theme: Theme): number {
  return theme.leading / 2;
}

export function style(font: FontStyleName, size: number, color?: string): TextStyle {
  return color ? { font, size, color } : { font, size };
}

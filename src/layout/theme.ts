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
 * The type scale and colours. One base size and leading; every vertical space is a multiple
 * of half the body leading, so facing pages keep a common rhythm.
 */
export interface Theme {
  body: number;
  leading: number;
  /** Line height factor for body text. */
  lineHeight: number;
  headings: Record<1 | 2 | 3 | 4, { size: number; font: FontStyleName; color: string; before: number; after: number; lineHeight: number }>;
  small: number;
  tableSize: number;
  codeSize: number;
  color: { text: string; muted: string; accent: string; accentLight: string; accentSoft: string; rule: string; calloutFill: string; calloutBar: string; codeFill: string; zebra: string; highlight: string; capstone: string };
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
    },
  };
}

export function style(font: FontStyleName, size: number, color?: string): TextStyle {
  return color ? { font, size, color } : { font, size };
}

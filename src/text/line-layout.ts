import type { LineContent } from './break-lines.js';
import type { Align, LaidLine, TextStyle } from './types.js';

/**
 * The engine-side view of a laid line: its shaped pieces and how to place them. Kept off
 * LaidLine so the layout engine's contract stays small; the PDF writer reads it with
 * `lineLayoutOf` to draw the line.
 */
export interface LineLayout {
  content: LineContent;
  align: Align;
  avail: number;
  indent: number;
  baseline: number;
  metricsOf(style: TextStyle): { ascent: number; descent: number };
}

const lineData = new WeakMap<LaidLine, LineLayout>();

export function setLineLayout(line: LaidLine, layout: LineLayout): void {
  lineData.set(line, layout);
}

/** The internal layout of a laid line: used by tests and by the PDF writer. */
export function lineLayoutOf(line: LaidLine): LineLayout {
  const d = lineData.get(line);
  if (!d) throw new Error('not a line laid out by this text engine');
  return d;
}

import { lineLayoutOf } from '../text/line-layout.js';
import type { LaidLine, Span, TextEngine } from '../text/types.js';
import { LineWriter } from './line-writer.js';

/** What the PDF writer was handed for one shaped piece: HarfBuzz's glyphs, in font units. */
export interface DrawnRun {
  /** Font file name from the configuration, e.g. `NotoSansBengali-Regular.ttf`. */
  fontFile: string;
  text: string;
  size: number;
  glyphs: ReadonlyArray<{ gid: number; cluster: number; ax: number; ay: number; dx: number; dy: number }>;
}

export interface DocumentTextOptions {
  /** Called for every piece drawn, with the exact glyph data written (tests, debugging). */
  trace?: (run: DrawnRun) => void;
}

/** The text engine's lines, written into one PDFKit document with fonts embedded as subsets. */
export interface DocumentText {
  /** Draw a laid line with the top of its line box at (x, y). Links become annotations. */
  drawLine(line: LaidLine, x: number, y: number, options?: { justifyWidth?: number }): void;
  /** Draw a single line of spans (no wrapping) at (x, y) top; returns its width. */
  drawText(spans: Span[], x: number, y: number): number;
  /** Must be called before `doc.end()`: writes subsets and ToUnicode maps. */
  finish(): void;
}

/**
 * Bind the engine's output to one PDFKit document. The engine shapes and breaks; this writes
 * the glyph runs, fonts and ToUnicode maps (and collects every page's content operators,
 * PDFKit's too, in one buffer per page).
 */
export function documentText(doc: PDFKit.PDFDocument, engine: TextEngine, options?: DocumentTextOptions): DocumentText {
  const writer = new LineWriter(doc, options);
  return {
    drawLine(line, x, y, o) {
      writer.drawLine(lineLayoutOf(line), x, y, o?.justifyWidth);
    },
    drawText(spans, x, y) {
      const [line] = engine.layoutParagraph(spans, { width: Number.POSITIVE_INFINITY });
      if (!line) return 0;
      writer.drawLine(lineLayoutOf(line), x, y);
      return line.width;
    },
    finish: () => writer.finish(),
  };
}

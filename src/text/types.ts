/**
 * The contract between the text engine (src/text/) and its users (the layout engine, the
 * typesetter, the `proof` command). The layout engine only ever sees these types: it never
 * touches HarfBuzz or fontkit. Units are PDF points unless a name says otherwise.
 */

/** A style slot; each maps to a font stack in the font configuration (fonts/stacks.json). */
export type FontStyleName = 'regular' | 'bold' | 'italic' | 'boldItalic' | 'mono';

export interface TextStyle {
  font: FontStyleName;
  /** Font size in points. */
  size: number;
  /** CSS-like hex colour, e.g. `#1a1a1a`; default black. */
  color?: string;
  /** External URL (`https://…`) or internal destination (`#dest-name`). */
  link?: string;
  underline?: boolean;
}

/** A piece of a paragraph with one style. A paragraph is an array of spans. */
export interface Span {
  text: string;
  style: TextStyle;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface ParagraphOptions {
  /** Available line width in points. */
  width: number;
  align?: Align;
  /** Line height as a multiple of the largest font size on the line (default 1.4). */
  lineHeight?: number;
  /** First-line indent in points (negative for hanging). */
  indent?: number;
}

/**
 * One laid-out line. Opaque to the layout engine except for its metrics; hand it back to
 * `DocumentText.drawLine` to draw it.
 */
export interface LaidLine {
  /** Natural width of the line's content (before justification). */
  width: number;
  /** Height of the line box (what the layout engine advances by). */
  height: number;
  /** Distance from the top of the line box to the baseline. */
  baseline: number;
  /** The source text of the line (for tests, search and debugging). */
  text: string;
  /** True for the last line of a paragraph (not justified). */
  last: boolean;
}

export interface MissingGlyph {
  /** The character (code point) no font in the stack covers. */
  char: string;
  codePoint: number;
  /** The text it came from, for the error message. */
  context: string;
  style: FontStyleName;
}

export interface MeasuredWidths {
  /** Widest unbreakable piece (min-content width). */
  min: number;
  /** Width of the whole text on one line (max-content width). */
  max: number;
}

export interface CacheStats {
  hits: number;
  misses: number;
  size: number;
  capacity: number;
}

/** Sizes and hit counts of the engine's bounded caches (see docs/benchmarks.md). */
export interface TextCacheStats {
  /** Process-wide HarfBuzz results, per (font, script, features, text). */
  shaping: CacheStats;
  /** This engine's laid-out paragraphs, per (spans, width, align, line height, indent). */
  layout: CacheStats;
  /** This engine's `measure` results, per spans. */
  measure: CacheStats;
}

/**
 * Per-process engine: fonts parsed and HarfBuzz objects made once, shaping and layout cached.
 * `layoutParagraph` may return the same (frozen) LaidLine objects for the same paragraph in every
 * document; they hold no per-document state.
 */
export interface TextEngine {
  layoutParagraph(spans: Span[], options: ParagraphOptions): LaidLine[];
  measure(spans: Span[]): MeasuredWidths;
  /** Ascent/descent/line metrics of a style at a size, for boxes drawn around text. */
  metrics(style: TextStyle): { ascent: number; descent: number; lineHeight: number };
  /** Characters no font covered, collected since the engine (or `resetMissing`) began. */
  missing(): MissingGlyph[];
  resetMissing(): void;
  /** Hit counts and sizes of the bounded caches. */
  cacheStats(): TextCacheStats;
}

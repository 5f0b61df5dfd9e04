import { breakLines, type LineContent } from './break-lines.js';
import { fontFilesOf, STYLE_NAMES, type FontConfig } from './config.js';
import { LineWriter, type LineLayout } from './draw.js';
import { loadFont, type LoadedFont } from './fonts.js';
import { shapeParagraph, type ParagraphContext, type ShapedParagraph } from './paragraph.js';
import { graphemes } from './script.js';
import { setShapingCacheCapacity } from './shape.js';
import type {
  DocumentText,
  DocumentTextOptions,
  FontStyleName,
  LaidLine,
  MeasuredWidths,
  MissingGlyph,
  ParagraphOptions,
  Span,
  TextEngine,
  TextStyle,
} from './types.js';

export interface TextEngineOptions {
  /** Font configuration (fonts/stacks.json, validated with parseFontConfig). */
  config: FontConfig;
  /** Font bytes by the file names the configuration uses. */
  fonts: Readonly<Record<string, Uint8Array>>;
  /** Bound of the process-wide shaping cache (entries); default 50 000. */
  shapingCacheSize?: number;
}

/** Extra, engine-side view of a laid line (kept off LaidLine so the contract stays small). */
const lineData = new WeakMap<LaidLine, LineLayout>();

/** The internal layout of a laid line: used by tests and by the writer. */
export function lineLayoutOf(line: LaidLine): LineLayout {
  const d = lineData.get(line);
  if (!d) throw new Error('not a line laid out by this text engine');
  return d;
}

const DEFAULT_LINE_HEIGHT = 1.4;

export async function createTextEngine(options: TextEngineOptions): Promise<TextEngine> {
  const { config } = options;
  if (options.shapingCacheSize !== undefined) setShapingCacheCapacity(options.shapingCacheSize);
  const byFile = new Map<string, LoadedFont>();
  for (const file of fontFilesOf(config)) {
    const bytes = options.fonts[file];
    if (!bytes) throw new Error(`font file ${file} named in the font configuration was not provided`);
    byFile.set(file, await loadFont(file, bytes));
  }
  const stacks = {} as Record<FontStyleName, LoadedFont[]>;
  for (const s of STYLE_NAMES) stacks[s] = config.stacks[s].map((f) => byFile.get(f) as LoadedFont);
  const replacementFont = byFile.get(config.replacement.font) as LoadedFont;
  if (![...config.replacement.char].every((ch) => replacementFont.has(ch.codePointAt(0) as number))) {
    throw new Error(`replacement font ${config.replacement.font} has no glyph for the replacement character`);
  }

  const ctx: ParagraphContext = {
    stackOf: (style) => stacks[style.font],
    replacementFont,
    replacementChar: config.replacement.char,
  };

  const missing = new Map<string, MissingGlyph>();
  const noteMissing = (p: ShapedParagraph): void => {
    for (const run of p.runs) {
      if (!run.missing) continue;
      const style = (p.spans[run.styleIndex] as Span).style.font;
      for (const g of graphemes(p.text.slice(run.start, run.end))) {
        const key = `${g.text}\u0000${p.text}\u0000${style}`;
        if (!missing.has(key)) missing.set(key, { char: g.text, codePoint: g.text.codePointAt(0) as number, context: p.text, style });
      }
    }
  };

  const metricsCache = new Map<FontStyleName, { ascent: number; descent: number }>();
  /** Ascent/descent per em: the largest of the stack, so a line's box fits any script in it. */
  const unitMetrics = (font: FontStyleName): { ascent: number; descent: number } => {
    let m = metricsCache.get(font);
    if (!m) {
      m = { ascent: 0, descent: 0 };
      for (const f of stacks[font]) {
        m.ascent = Math.max(m.ascent, f.ascent / f.upem);
        m.descent = Math.max(m.descent, -f.descent / f.upem);
      }
      metricsCache.set(font, m);
    }
    return m;
  };
  const metricsOf = (style: TextStyle): { ascent: number; descent: number } => {
    const m = unitMetrics(style.font);
    return { ascent: m.ascent * style.size, descent: m.descent * style.size };
  };

  const toLaid = (p: ShapedParagraph, c: LineContent, opts: ParagraphOptions, index: number): LaidLine => {
    const pieces = c.segments.flatMap((s) => [...s.body, ...s.tail]);
    const styles = pieces.length ? pieces.map((x) => x.style) : [(p.spans[0] as Span | undefined)?.style ?? { font: 'regular' as const, size: 10 }];
    const big = styles.reduce((a, b) => (b.size > a.size ? b : a));
    const height = (opts.lineHeight ?? DEFAULT_LINE_HEIGHT) * big.size;
    let ascent = 0;
    let descent = 0;
    for (const st of styles) {
      const m = metricsOf(st);
      ascent = Math.max(ascent, m.ascent);
      descent = Math.max(descent, m.descent);
    }
    const baseline = (height - (ascent + descent)) / 2 + ascent;
    const line: LaidLine = {
      width: c.width,
      height,
      baseline,
      text: p.text.slice(c.start, c.end).replace(/\s+$/u, ''),
      last: c.last,
    };
    lineData.set(line, {
      content: c,
      align: opts.align ?? 'left',
      avail: opts.width - (index === 0 ? opts.indent ?? 0 : 0),
      indent: index === 0 ? opts.indent ?? 0 : 0,
      baseline,
      metricsOf,
    });
    return line;
  };

  const layoutParagraph = (spans: Span[], opts: ParagraphOptions): LaidLine[] => {
    const p = shapeParagraph(ctx, spans);
    noteMissing(p);
    const indent = opts.indent ?? 0;
    const lines = breakLines(ctx, p, (i) => (i === 0 ? opts.width - indent : opts.width));
    return lines.map((c, i) => toLaid(p, c, opts, i));
  };

  const engine: TextEngine = {
    layoutParagraph,
    measure(spans: Span[]): MeasuredWidths {
      const p = shapeParagraph(ctx, spans);
      noteMissing(p);
      let min = 0;
      let max = 0;
      p.segments.forEach((s, i) => {
        min = Math.max(min, s.bodyWidth);
        max += s.bodyWidth + (i < p.segments.length - 1 ? s.tailWidth : 0);
      });
      return { min, max };
    },
    metrics(style: TextStyle) {
      const m = metricsOf(style);
      return { ascent: m.ascent, descent: m.descent, lineHeight: DEFAULT_LINE_HEIGHT * style.size };
    },
    missing: () => [...missing.values()],
    resetMissing: () => missing.clear(),
    forDocument(doc: PDFKit.PDFDocument, docOptions?: DocumentTextOptions): DocumentText {
      const writer = new LineWriter(doc, docOptions);
      return {
        drawLine(line, x, y, o) {
          writer.drawLine(lineLayoutOf(line), x, y, o?.justifyWidth);
        },
        drawText(spans, x, y) {
          const [line] = layoutParagraph(spans, { width: Number.POSITIVE_INFINITY });
          if (!line) return 0;
          writer.drawLine(lineLayoutOf(line), x, y);
          return line.width;
        },
        finish: () => writer.finish(),
      };
    },
  };
  return engine;
}

import { breakLines, type LineContent } from './break-lines.js';
import { fontFilesOf, STYLE_NAMES, type FontConfig } from './config.js';
import { setLineLayout } from './line-layout.js';
import { loadFont, type LoadedFont } from './fonts.js';
import { shapeParagraph, type ParagraphContext, type ShapedParagraph } from './paragraph.js';
import { graphemes } from './script.js';
import { Lru } from './lru.js';
import { setShapingCacheCapacity, shapingStats } from './shape.js';
import { itemAt } from '../item-at.js';
import type {
  FontStyleName,
  LaidLine,
  MeasuredWidths,
  MissingGlyph,
  ParagraphOptions,
  Span,
  TextCacheStats,
  TextEngine,
  TextStyle,
} from './types.js';

export interface TextEngineOptions {
  /** Font configuration (fonts/stacks.json, validated with parseFontConfig). */
  config: FontConfig;
  /** Font bytes by the file names the configuration uses. */
  fonts: Readonly<Record<string, Uint8Array>>;
  /** Bound of the process-wide shaping cache (entries); default 20 000. */
  shapingCacheSize?: number;
  /** Bound of this engine's paragraph layout cache (paragraphs); default 2 500. */
  layoutCacheSize?: number;
  /** Bound of this engine's `measure` cache (entries); default 2 500. */
  measureCacheSize?: number;
}

interface LayoutEntry {
  lines: readonly LaidLine[];
  /** What the paragraph added to `missing()`, replayed on every hit. */
  missing: readonly MissingGlyph[];
}

interface MeasureEntry {
  min: number;
  max: number;
  missing: readonly MissingGlyph[];
}

/** Everything of the spans that reaches the output: text and every style field. */
function spansKey(spans: readonly Span[]): string {
  let k = '';
  for (const s of spans) {
    const st = s.style;
    k += `${st.font}\u0001${st.size}\u0001${st.color ?? ''}\u0001${st.link ?? ''}\u0001${st.underline ? 1 : 0}\u0001${s.text}\u0002`;
  }
  return k;
}

/** A private copy, so a caller mutating its spans or styles later cannot change cached lines. */
function ownSpans(spans: readonly Span[]): Span[] {
  return spans.map((s) => ({ text: s.text, style: Object.freeze({ ...s.style }) }));
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
  // fontFilesOf lists every file the stacks and the replacement name, and each was loaded above.
  const fontOf = (file: string): LoadedFont => {
    const font = byFile.get(file);
    if (!font) throw new Error(`internal: font file ${file} was not loaded`);
    return font;
  };
  // Filled for every style name on the next line.
  const stacks = {} as Record<FontStyleName, LoadedFont[]>;
  for (const s of STYLE_NAMES) stacks[s] = config.stacks[s].map(fontOf);
  const replacementFont = fontOf(config.replacement.font);
  if (![...config.replacement.char].every((ch) => replacementFont.has(ch.codePointAt(0) ?? 0))) {
    throw new Error(`replacement font ${config.replacement.font} has no glyph for the replacement character`);
  }

  const ctx: ParagraphContext = {
    stackOf: (style) => stacks[style.font],
    replacementFont,
    replacementChar: config.replacement.char,
  };

  const missing = new Map<string, MissingGlyph>();
  const NONE: readonly MissingGlyph[] = Object.freeze([]);
  const missingOf = (p: ShapedParagraph): readonly MissingGlyph[] => {
    let out: MissingGlyph[] | undefined;
    for (const run of p.runs) {
      if (!run.missing) continue;
      const style = itemAt(p.spans, run.styleIndex).style.font;
      for (const g of graphemes(p.text.slice(run.start, run.end))) {
        (out ??= []).push({ char: g.text, codePoint: g.text.codePointAt(0) ?? 0, context: p.text, style });
      }
    }
    return out ?? NONE;
  };
  const noteMissing = (list: readonly MissingGlyph[]): void => {
    for (const m of list) {
      const key = `${m.char}\u0000${m.context}\u0000${m.style}`;
      if (!missing.has(key)) missing.set(key, { ...m });
    }
  };
  const layoutCache = new Lru<string, LayoutEntry>(options.layoutCacheSize ?? 2_500);
  const measureCache = new Lru<string, MeasureEntry>(options.measureCacheSize ?? 2_500);

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
    const styles = pieces.length ? pieces.map((x) => x.style) : [p.spans[0]?.style ?? { font: 'regular' as const, size: 10 }];
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
    // Frozen: a cached line is handed to every document that lays out the same paragraph.
    const line: LaidLine = Object.freeze({
      width: c.width,
      height,
      baseline,
      text: p.text.slice(c.start, c.end).replace(/\s+$/u, ''),
      last: c.last,
    });
    setLineLayout(line, {
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
    const align = opts.align ?? 'left';
    const lineHeight = opts.lineHeight ?? DEFAULT_LINE_HEIGHT;
    const indent = opts.indent ?? 0;
    const key = `${opts.width}\u0003${align}\u0003${lineHeight}\u0003${indent}\u0003${spansKey(spans)}`;
    let entry = layoutCache.get(key);
    if (!entry) {
      const own: ParagraphOptions = { width: opts.width, align, lineHeight, indent };
      const p = shapeParagraph(ctx, ownSpans(spans));
      const lines = breakLines(ctx, p, (i) => (i === 0 ? own.width - indent : own.width));
      entry = { lines: Object.freeze(lines.map((c, i) => toLaid(p, c, own, i))), missing: missingOf(p) };
      layoutCache.set(key, entry);
    }
    noteMissing(entry.missing);
    return entry.lines.slice();
  };

  const engine: TextEngine = {
    layoutParagraph,
    measure(spans: Span[]): MeasuredWidths {
      const key = spansKey(spans);
      let entry = measureCache.get(key);
      if (!entry) {
        const p = shapeParagraph(ctx, spans);
        let min = 0;
        let max = 0;
        p.segments.forEach((s, i) => {
          min = Math.max(min, s.bodyWidth);
          max += s.bodyWidth + (i < p.segments.length - 1 ? s.tailWidth : 0);
        });
        entry = { min, max, missing: missingOf(p) };
        measureCache.set(key, entry);
      }
      noteMissing(entry.missing);
      return { min: entry.min, max: entry.max };
    },
    metrics(style: TextStyle) {
      const m = metricsOf(style);
      return { ascent: m.ascent, descent: m.descent, lineHeight: DEFAULT_LINE_HEIGHT * style.size };
    },
    missing: () => [...missing.values()],
    resetMissing: () => missing.clear(),
    cacheStats: (): TextCacheStats => ({ shaping: shapingStats(), layout: layoutCache.stats(), measure: measureCache.stats() }),
  };
  return engine;
}

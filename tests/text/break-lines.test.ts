import { describe, expect, it } from 'vitest';
import type { LaidLine, ParagraphOptions, Span, TextStyle } from '../../src/text/types.js';
import { mupdfText, pdftotext } from '../helpers/pdf-tools.js';
import { collect, corpusLines, getEngine, newDoc, pdfjsText } from './helpers.js';
import { documentText, type DrawnRun } from '../../src/pdf/document-text.js';

const reg = (size = 12): TextStyle => ({ font: 'regular', size });
const X = 50;

async function layout(spans: Span[], opts: ParagraphOptions): Promise<LaidLine[]> {
  return (await getEngine()).layoutParagraph(spans, opts);
}

/** Draw lines, return the PDF, the runs drawn per line and the link annotations. */
async function draw(lines: LaidLine[], justifyWidth?: number) {
  const engine = await getEngine();
  const doc = newDoc();
  const perLine: DrawnRun[][] = [];
  const t = documentText(doc, engine, { trace: (r) => perLine[perLine.length - 1]?.push(r) });
  let y = 50;
  for (const l of lines) {
    perLine.push([]);
    t.drawLine(l, X, y, justifyWidth === undefined ? undefined : { justifyWidth });
    y += l.height;
  }
  t.finish();
  doc.end();
  const pdf = await collect(doc);
  return { pdf, perLine };
}

const graphemeStarts = (s: string): Set<number> =>
  new Set([...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)].map((g) => g.index).concat(s.length));

describe('line breaking', () => {
  const bengaliParagraph = corpusLines.filter((l) => /^[\u0980-\u09FF]+$/.test(l)).join(' ');

  it('wraps a long Bengali paragraph within the width, breaking only at spaces', async () => {
    const lines = await layout([{ text: bengaliParagraph, style: reg() }], { width: 300 });
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(300);
    // Greedy fill: a line only ends when the next word would not fit.
    for (const l of lines.slice(0, -1)) expect(l.width).toBeGreaterThan(200);
    expect(lines.map((l) => l.text).join(' ')).toBe(bengaliParagraph);
    expect(lines.at(-1)?.last).toBe(true);
    const { pdf } = await draw(lines);
    expect((await pdfjsText(pdf)).split('\n').filter(Boolean).join(' ')).toBe(bengaliParagraph);
  });

  it('measures exactly what it draws', async () => {
    const engine = await getEngine();
    const text = 'MLOps career-এর map — কোন level-এ কী জানতে হবে';
    const [line] = await layout([{ text, style: reg() }], { width: 10_000 });
    expect(line?.width).toBeCloseTo(engine.measure([{ text, style: reg() }]).max, 6);
    const { pdf, perLine } = await draw(line ? [line] : []);
    const drawn = (perLine[0] ?? []).reduce((w, r) => w + r.glyphs.reduce((a, g) => a + g.ax, 0) * (r.size / 1000), 0);
    expect(drawn).toBeCloseTo(line?.width ?? -1, 6);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const d = await pdfjs.getDocument({ data: pdf.slice() }).promise;
    const items = (await (await d.getPage(1)).getTextContent()).items.filter((i) => 'str' in i && i.str.length > 0);
    const right = Math.max(...items.map((i) => ('transform' in i ? (i.transform[4] as number) + i.width : 0)));
    expect(right - X).toBeCloseTo(line?.width ?? -1, 1);
  });

  it('breaks a long URL at its break opportunities and never overflows', async () => {
    const url = 'https://github.com/roadmap-press/roadmap-press/blob/main/docs/very/long/path/to/a/file-name-that-goes-on.md';
    const lines = await layout([{ text: url, style: reg() }], { width: 120 });
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(120);
    expect(lines.map((l) => l.text).join('')).toBe(url);
  });

  it('breaks an over-long Bengali word at cluster boundaries, never inside a grapheme', async () => {
    const word = 'বিশ্ববিদ্যালয়স্বাস্থ্যপ্রতিষ্ঠানশিক্ষার্থীক্রৌঞ্চ';
    const lines = await layout([{ text: word, style: reg(14) }], { width: 60 });
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(60);
    expect(lines.map((l) => l.text).join('')).toBe(word);
    const starts = graphemeStarts(word);
    let at = 0;
    for (const l of lines) {
      expect(starts.has(at)).toBe(true);
      expect(l.text).not.toMatch(/^[\p{M}\u09CD]/u);
      at += l.text.length;
    }
  });

  it('wraps mixed Latin and Bengali text with every piece in its own font', async () => {
    const text = 'MLOps career-এর map — কোন level-এ কী জানতে হবে, কোথায় থামতে হয়, কীভাবে এগোতে হয়।';
    const lines = await layout([{ text, style: reg() }], { width: 150 });
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(150);
    expect(lines.map((l) => l.text).join(' ')).toBe(text);
    const { perLine } = await draw(lines);
    for (const run of perLine.flat()) {
      const font = /[\u0980-\u09FF]/.test(run.text) ? 'NotoSansBengali-Regular.ttf' : 'NotoSans-Regular.ttf';
      if (run.text.trim()) expect(run.fontFile, run.text).toBe(font);
    }
  });

  it('justifies every line but the last to the full width, and copy/paste keeps single spaces', async (ctx) => {
    const text = corpusLines.slice(0, 40).join(' ');
    const lines = await layout([{ text, style: reg() }], { width: 300, align: 'justify' });
    const { pdf } = await draw(lines);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const d = await pdfjs.getDocument({ data: pdf.slice() }).promise;
    const items = (await (await d.getPage(1)).getTextContent()).items.flatMap((i) => ('str' in i && i.str.trim() ? [i] : []));
    const rows = new Map<number, number>();
    for (const i of items) {
      const y = Math.round(i.transform[5] as number);
      rows.set(y, Math.max(rows.get(y) ?? 0, (i.transform[4] as number) + i.width));
    }
    const rights = [...rows.entries()].sort((a, b) => b[0] - a[0]).map(([, r]) => r - X);
    expect(rights).toHaveLength(lines.length);
    for (const r of rights.slice(0, -1)) expect(r).toBeCloseTo(300, 0);
    expect(rights.at(-1)).toBeLessThan(299);
    expect((await pdfjsText(pdf)).split('\n').filter(Boolean).join(' ')).toBe(text);
    // The widened gaps must not read as extra spaces in the other extractors either.
    const norm = (t: string): string => t.replace(/\s+/g, ' ').trim();
    expect(norm(await mupdfText(pdf))).toBe(text);
    // poppler last: where it is not installed, the test is marked skipped only after every other check ran.
    expect(norm(pdftotext(ctx, pdf))).toBe(text);
  });

  it('centres and right-aligns by the shaped width', async () => {
    const span = [{ text: 'কোথায় থামতে', style: reg() }];
    const [c] = await layout(span, { width: 300, align: 'center' });
    const [r] = await layout(span, { width: 300, align: 'right' });
    const xOf = async (l: LaidLine | undefined): Promise<number> => {
      const { pdf } = await draw(l ? [l] : []);
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const d = await pdfjs.getDocument({ data: pdf.slice() }).promise;
      const it = (await (await d.getPage(1)).getTextContent()).items.find((i) => 'str' in i && i.str.trim());
      return it && 'transform' in it ? (it.transform[4] as number) - X : NaN;
    };
    expect(await xOf(c)).toBeCloseTo((300 - (c?.width ?? 0)) / 2, 1);
    expect(await xOf(r)).toBeCloseTo(300 - (r?.width ?? 0), 1);
  });

  it('keeps inline styles across a line break', async () => {
    const spans: Span[] = [
      { text: 'শুরু ', style: reg() },
      { text: 'জানতে হবে কোথায় থামতে হয় কীভাবে এগোতে', style: { font: 'bold', size: 12 } },
      { text: ' শেষ', style: reg() },
    ];
    const lines = await layout(spans, { width: 90 });
    expect(lines.length).toBeGreaterThan(2);
    const { perLine } = await draw(lines);
    const boldLines = perLine.filter((runs) => runs.some((r) => r.fontFile === 'NotoSansBengali-Bold.ttf' && r.text.trim()));
    expect(boldLines.length).toBeGreaterThanOrEqual(2);
    expect(perLine[0]?.[0]).toMatchObject({ fontFile: 'NotoSansBengali-Regular.ttf', text: 'শুরু' });
    expect(perLine.at(-1)?.at(-1)).toMatchObject({ fontFile: 'NotoSansBengali-Regular.ttf', text: 'শেষ' });
  });

  it('honours a first-line indent', async () => {
    const lines = await layout([{ text: bengaliParagraph, style: reg() }], { width: 300, indent: 40 });
    expect(lines[0]?.width).toBeLessThanOrEqual(260);
    expect(lines[1]?.width).toBeGreaterThan(260);
  });
});

describe('links', () => {
  it('become annotations over exactly their glyphs: URL and internal destination', async () => {
    const engine = await getEngine();
    const style = reg();
    const spans: Span[] = [
      { text: 'দেখুন ', style },
      { text: 'docs', style: { ...style, link: 'https://example.com/docs', underline: true } },
      { text: ' আর ', style },
      { text: 'অধ্যায় ২', style: { ...style, link: '#chapter-2' } },
    ];
    const [line] = engine.layoutParagraph(spans, { width: 400 });
    const doc = newDoc();
    const t = documentText(doc, engine);
    if (line) t.drawLine(line, X, 100);
    doc.addNamedDestination('chapter-2');
    t.finish();
    doc.end();
    const pdf = await collect(doc);

    const w = (text: string): number => engine.measure([{ text, style }]).max;
    const wWithSpace = (text: string): number => w(`${text}x`) - w('x');
    const x0 = X + wWithSpace('দেখুন ');
    const x1 = x0 + w('docs');
    const y0 = x1 + wWithSpace(' আর ');

    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const d = await pdfjs.getDocument({ data: pdf.slice() }).promise;
    const annots = (await (await d.getPage(1)).getAnnotations()) as Array<{ subtype: string; url?: string; dest?: unknown; rect: number[] }>;
    const links = annots.filter((a) => a.subtype === 'Link');
    expect(links).toHaveLength(2);
    const ext = links.find((a) => a.url);
    expect(ext?.url).toBe('https://example.com/docs');
    expect(ext?.rect[0]).toBeCloseTo(x0, 2);
    expect(ext?.rect[2]).toBeCloseTo(x1, 2);
    const internal = links.find((a) => !a.url);
    expect(internal?.dest).toBe('chapter-2');
    expect(internal?.rect[0]).toBeCloseTo(y0, 2);
    expect(internal?.rect[2]).toBeCloseTo(X + (line?.width ?? 0), 2);
  });
});

describe('control characters', () => {
  it('breaks at a newline, draws a tab as a space, and reports neither as a missing glyph', async () => {
    const engine = await getEngine();
    engine.resetMissing();
    const lines = await layout([{ text: 'প্রথম লাইন\nদ্বিতীয়\tলাইন', style: reg() }], { width: 500 });
    expect(lines.map((l) => l.text)).toEqual(['প্রথম লাইন', 'দ্বিতীয় লাইন']);
    expect(engine.missing()).toEqual([]);
    const { perLine } = await draw(lines);
    expect(perLine.flat().flatMap((r) => r.glyphs).some((g) => g.gid === 0)).toBe(false);
  });

  it('lays out an empty paragraph as one empty line with a height', async () => {
    const lines = await layout([{ text: '', style: reg() }], { width: 500 });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.width).toBe(0);
    expect(lines[0]?.height).toBeGreaterThan(0);
  });
});

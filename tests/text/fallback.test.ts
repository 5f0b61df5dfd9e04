import { describe, expect, it } from 'vitest';
import { runProof } from '../../src/pdf/proof.js';
import { isRoadmapError } from '../../src/errors.js';
import { checkMissingGlyphs, missingGlyphsError } from '../../src/text/missing.js';
import type { Span } from '../../src/text/types.js';
import { collect, getEngine, newDoc, pdfjsText } from './helpers.js';
import { documentText, type DrawnRun } from '../../src/pdf/document-text.js';

/** Draw one paragraph and return the runs handed to the writer, as [font file, text]. */
async function runsOf(spans: Span[]): Promise<Array<[string, string]>> {
  const engine = await getEngine();
  const doc = newDoc();
  const runs: DrawnRun[] = [];
  const text = documentText(doc, engine, { trace: (r) => runs.push(r) });
  let y = 50;
  for (const l of engine.layoutParagraph(spans, { width: 1000 })) {
    text.drawLine(l, 50, y);
    y += l.height;
  }
  text.finish();
  doc.end();
  await collect(doc);
  return runs.map((r) => [r.fontFile, r.text]);
}

const regular = (text: string): Span[] => [{ text, style: { font: 'regular', size: 12 } }];

describe('script itemization and font fallback', () => {
  it('sets MLOps career-এর map as Latin, Bengali, Latin with punctuation and spaces joining', async () => {
    expect(await runsOf(regular('MLOps career-এর map'))).toEqual([
      ['NotoSans-Regular.ttf', 'MLOps'],
      ['NotoSans-Regular.ttf', ' '],
      ['NotoSans-Regular.ttf', 'career-'],
      ['NotoSansBengali-Regular.ttf', 'এর'],
      ['NotoSansBengali-Regular.ttf', ' '],
      ['NotoSans-Regular.ttf', 'map'],
    ]);
  });

  it('keeps L3+ with Latin and এ in Bengali', async () => {
    const runs = await runsOf(regular('L3+ এ'));
    expect(runs).toEqual([
      ['NotoSans-Regular.ttf', 'L3+'],
      ['NotoSans-Regular.ttf', ' '],
      ['NotoSansBengali-Regular.ttf', 'এ'],
    ]);
  });

  it('falls back for one arrow only, not the whole line', async () => {
    const runs = await runsOf(regular('Junior → Mid'));
    expect(runs.filter(([f]) => f === 'NotoSansMono-Regular.ttf').map(([, t]) => t)).toEqual(['→']);
    expect(runs.filter(([f]) => f === 'NotoSans-Regular.ttf').map(([, t]) => t).join('')).toBe('Junior  Mid');
  });

  it('sets a danda after Latin text in the Bengali font', async () => {
    const runs = await runsOf(regular('(AWS/GCP/Azure)।'));
    expect(runs).toContainEqual(['NotoSansBengali-Regular.ttf', '।']);
  });

  it('uses the Bold Bengali face for bold and the upright Bengali face for italic', async () => {
    expect(await runsOf([{ text: 'জানতে', style: { font: 'bold', size: 12 } }])).toEqual([['NotoSansBengali-Bold.ttf', 'জানতে']]);
    expect(await runsOf([{ text: 'জানতে', style: { font: 'italic', size: 12 } }])).toEqual([['NotoSansBengali-Regular.ttf', 'জানতে']]);
    expect(await runsOf([{ text: 'code জানতে', style: { font: 'mono', size: 12 } }])).toEqual([
      ['NotoSansMono-Regular.ttf', 'code'],
      ['NotoSansMono-Regular.ttf', ' '],
      ['NotoSansBengali-Regular.ttf', 'জানতে'],
    ]);
  });
});

describe('missing glyphs', () => {
  const text = 'রিয়া 🙂 MLOps';

  it('are reported with the text they came from', async () => {
    const engine = await getEngine();
    engine.resetMissing();
    engine.layoutParagraph(regular(text), { width: 400 });
    expect(engine.missing()).toEqual([{ char: '🙂', codePoint: 0x1f642, context: text, style: 'regular' }]);
    engine.resetMissing();
    expect(engine.missing()).toEqual([]);
  });

  it('fail the proof with RoadmapError kind glyphs (exit 1) unless allowed', async () => {
    const engine = await getEngine();
    const err = await runProof({ text, engine }).catch((e: unknown) => e);
    expect(isRoadmapError(err)).toBe(true);
    if (!isRoadmapError(err)) return;
    expect(err.kind).toBe('glyphs');
    expect(err.exitCode).toBe(1);
    expect(err.report()).toContain('U+1F642');
    expect(err.report()).toContain(text);
  });

  it('are drawn as a visible replacement with a warning when allowed, and still copy out as the source', async () => {
    const engine = await getEngine();
    const { pdf, summary } = await runProof({ text, engine, allowMissingGlyphs: true });
    expect(summary.missing.map((m) => m.char)).toEqual(['🙂']);
    expect(summary.warnings).toHaveLength(1);
    expect(summary.warnings[0]).toMatch(/U\+1F642/);
    expect((await pdfjsText(pdf)).trim()).toBe(text);
  });

  it('draw the replacement glyph, never .notdef', async () => {
    const engine = await getEngine();
    const doc = newDoc();
    const runs: DrawnRun[] = [];
    const t = documentText(doc, engine, { trace: (r) => runs.push(r) });
    for (const l of engine.layoutParagraph(regular(text), { width: 400 })) t.drawLine(l, 50, 50);
    t.finish();
    doc.end();
    await collect(doc);
    const emoji = runs.find((r) => r.text === '🙂');
    expect(emoji?.fontFile).toBe('NotoSans-Regular.ttf');
    expect(runs.flatMap((r) => r.glyphs).every((g) => g.gid !== 0)).toBe(true);
  });

  it('helpers turn the list into the error or into warnings', () => {
    const m = [{ char: '🙂', codePoint: 0x1f642, context: 'x 🙂', style: 'bold' as const }];
    expect(checkMissingGlyphs([], false)).toEqual([]);
    expect(() => checkMissingGlyphs(m, false)).toThrow(/no glyph/);
    expect(checkMissingGlyphs(m, true)[0]).toContain('"x 🙂"');
    expect(missingGlyphsError(m).problems[0]?.message).toContain('(bold)');
  });
});

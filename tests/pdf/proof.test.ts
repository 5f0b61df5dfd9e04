import { describe, expect, it } from 'vitest';
import { formatProofSummary, proofParagraphs, runProof } from '../../src/pdf/proof.js';
import { pdffonts } from '../helpers/pdf-tools.js';
import { corpusLines, corpusText, getEngine, pdfjsText } from '../text/helpers.js';

describe('proof command', async () => {
  const engine = await getEngine();

  it('skips # comment lines and blank lines', () => {
    expect(proofParagraphs('# note\nএক\n\n  \nদুই\r\n#x')).toEqual(['এক', 'দুই']);
    expect(proofParagraphs(corpusText)).toEqual(corpusLines);
  });

  it('typesets every corpus line and counts runs per font', async () => {
    const { pdf, summary } = await runProof({ text: corpusText, engine });
    expect(summary.paragraphs).toBe(corpusLines.length);
    expect(summary.missing).toEqual([]);
    expect(summary.pages).toBeGreaterThan(1);
    // Every line with Bengali has at least one Bengali run; Latin only in the mixed lines.
    const bengaliLines = corpusLines.filter((l) => /[\u0980-\u09FF]/.test(l)).length;
    expect(summary.runsPerFont['NotoSansBengali-Regular.ttf']).toBeGreaterThanOrEqual(bengaliLines);
    expect(summary.runsPerFont['NotoSans-Regular.ttf']).toBeGreaterThan(0);
    expect(Object.keys(summary.runsPerFont).sort()).toEqual(['NotoSans-Regular.ttf', 'NotoSansBengali-Regular.ttf']);
    expect((await pdfjsText(pdf)).split('\n').filter(Boolean)).toEqual(corpusLines);
  });

  it('uses the requested style and size', async (ctx) => {
    const { pdf, summary } = await runProof({ text: 'কোথায় থামতে হয় MLOps', engine, style: 'bold', size: 20 });
    expect(Object.keys(summary.runsPerFont).sort()).toEqual(['NotoSans-Bold.ttf', 'NotoSansBengali-Bold.ttf']);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const d = await pdfjs.getDocument({ data: pdf.slice() }).promise;
    const item = (await (await d.getPage(1)).getTextContent()).items.find((i) => 'str' in i && i.str);
    expect(item && 'transform' in item ? item.transform[0] : 0).toBe(20);
    // poppler last: where it is not installed, the test is marked skipped only after every other check ran.
    expect(pdffonts(ctx, pdf)).toMatch(/\+NotoSansBengali-Bold/);
  });

  it('formats a summary with runs per font and the missing characters', async () => {
    const { summary } = await runProof({ text: 'এক 🙂\nMLOps', engine, allowMissingGlyphs: true });
    const out = formatProofSummary(summary);
    expect(out).toContain('2 paragraph(s), 1 page(s)');
    expect(out).toMatch(/NotoSansBengali-Regular\.ttf\s+\d+/);
    expect(out).toContain('characters with no glyph: 1');
    expect(out).toContain('U+1F642 🙂 in "এক 🙂"');
    const clean = formatProofSummary((await runProof({ text: 'এক', engine })).summary);
    expect(clean).toContain('characters with no glyph: none');
  });
});

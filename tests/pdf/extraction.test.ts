import { describe, expect, it } from 'vitest';
import { proofParagraphs, runProof } from '../../src/pdf/proof.js';
import { mupdfText, pdftotext, type SkipContext } from '../helpers/pdf-tools.js';
import { corpusLines, corpusText, getEngine, pdfjsText, seedText, testPageWords, wordsFound } from '../text/helpers.js';

const lines = (t: string): string[] => t.split('\n').filter((l) => l.trim().length > 0);
const norm = (t: string): string => t.replace(/\s+/g, ' ').trim();

describe('copy/paste of the proof PDF of the corpus', async () => {
  const engine = await getEngine();
  const { pdf } = await runProof({ text: corpusText, engine });

  it('reads back line for line with pdf.js (getTextContent)', async () => {
    expect(lines(await pdfjsText(pdf))).toEqual(corpusLines);
  });

  it('reads back line for line with poppler pdftotext', (ctx) => {
    // pdftotext ends each page with a form feed; that is pagination, not text.
    expect(lines(pdftotext(ctx, pdf).replace(/\f/g, ''))).toEqual(corpusLines);
  });

  it('reads back line for line with mupdf (as mutool draw -F txt)', async () => {
    expect(lines((await mupdfText(pdf)).replace(/\f/g, ''))).toEqual(corpusLines);
  });
});

describe('the test page (seed page + corpus)', async () => {
  const engine = await getEngine();
  const words = testPageWords();
  const { pdf } = await runProof({ text: `${seedText}\n${corpusText}`, engine });

  it('has the expected distinct Bengali words', () => {
    expect(words.length).toBe(119);
    expect(words).toContain('জানতে');
    expect(words).toContain('কোথায়');
  });

  it.for([
    ['pdf.js', () => pdfjsText(pdf)],
    ['poppler', (ctx: SkipContext) => pdftotext(ctx, pdf)],
    ['mupdf', () => mupdfText(pdf)],
  ] as const)('every Bengali word survives %s', async ([, extract], ctx) => {
    const text = await extract(ctx);
    const lost = words.filter((w) => wordsFound([w], text) === 0);
    expect(lost).toEqual([]);
  });

  it('gives back the whole seed page exactly (whitespace aside) in pdf.js and mupdf', async () => {
    const { pdf: seedPdf } = await runProof({ text: seedText, engine });
    const want = norm(proofParagraphs(seedText).join(' '));
    expect(norm(await pdfjsText(seedPdf))).toBe(want);
    expect(norm(await mupdfText(seedPdf))).toBe(want);
  });
});

describe('joiners (ZWJ/ZWNJ) copy out too', async () => {
  const engine = await getEngine();
  // র‍্যাব (ra + ZWJ: ya-phala after ra), ক্‌ষ and সৎ‌ভাবে (ZWNJ: explicit hasanta), ক্‍ (half form).
  const words = ['র\u200D্যাব', 'ক্\u200Cষ', 'সৎ\u200Cভাবে', 'ক্\u200D', 'অ্যাপ'];
  const { pdf } = await runProof({ text: words.join('\n'), engine });

  it.for([
    ['pdf.js', () => pdfjsText(pdf)],
    ['poppler', (ctx: SkipContext) => pdftotext(ctx, pdf)],
    ['mupdf', () => mupdfText(pdf)],
  ] as const)('in %s', async ([, extract], ctx) => {
    expect(lines((await extract(ctx)).replace(/\f/g, ''))).toEqual(words);
  });
});

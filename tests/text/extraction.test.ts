import { describe, expect, it } from 'vitest';
import { proofParagraphs, runProof } from '../../src/cli/commands/proof.js';
import {
  corpusLines,
  corpusText,
  getEngine,
  mupdfText,
  pdfjsText,
  popplerText,
  seedText,
  testPageWords,
  wordsFound,
} from './helpers.js';

const lines = (t: string): string[] => t.split('\n').filter((l) => l.trim().length > 0);
const norm = (t: string): string => t.replace(/\s+/g, ' ').trim();

describe('copy/paste of the proof PDF of the corpus', async () => {
  const engine = await getEngine();
  const { pdf } = await runProof({ text: corpusText, engine });

  it('reads back line for line with pdf.js (getTextContent)', async () => {
    expect(lines(await pdfjsText(pdf))).toEqual(corpusLines);
  });

  it('reads back line for line with poppler pdftotext', () => {
    // pdftotext starts each page with a form feed; that is pagination, not text.
    expect(lines(popplerText(pdf).replace(/\f/g, ''))).toEqual(corpusLines);
  });

  it('reads back line for line with mupdf (mutool draw -F txt)', () => {
    expect(lines(mupdfText(pdf))).toEqual(corpusLines);
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

  it.each([
    ['pdf.js', async () => pdfjsText(pdf)],
    ['poppler', async () => popplerText(pdf)],
    ['mupdf', async () => mupdfText(pdf)],
  ] as const)('every Bengali word survives %s', async (_name, extract) => {
    const text = await extract();
    const lost = words.filter((w) => wordsFound([w], text) === 0);
    expect(lost).toEqual([]);
  });

  it('gives back the whole seed page exactly (whitespace aside) in pdf.js and mupdf', async () => {
    const { pdf: seedPdf } = await runProof({ text: seedText, engine });
    const want = norm(proofParagraphs(seedText).join(' '));
    expect(norm(await pdfjsText(seedPdf))).toBe(want);
    expect(norm(mupdfText(seedPdf))).toBe(want);
  });
});

describe('joiners (ZWJ/ZWNJ) copy out too', async () => {
  const engine = await getEngine();
  // র‍্যাব (ra + ZWJ: ya-phala after ra), ক্‌ষ and সৎ‌ভাবে (ZWNJ: explicit hasanta), ক্‍ (half form).
  const words = ['র\u200D্যাব', 'ক্\u200Cষ', 'সৎ\u200Cভাবে', 'ক্\u200D', 'অ্যাপ'];
  const { pdf } = await runProof({ text: words.join('\n'), engine });

  it.each([
    ['pdf.js', async () => pdfjsText(pdf)],
    ['poppler', async () => popplerText(pdf)],
    ['mupdf', async () => mupdfText(pdf)],
  ] as const)('in %s', async (_name, extract) => {
    expect(lines((await extract()).replace(/\f/g, ''))).toEqual(words);
  });
});

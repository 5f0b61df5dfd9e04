import { describe, expect, it } from 'vitest';
import { splitForPdfjs } from '../../src/pdf/extractable-text.js';

describe('splitForPdfjs', () => {
  it('leaves text without nonspacing marks on one glyph', () => {
    expect(splitForPdfjs('কো', true)).toEqual(['কো', '', '']);
    expect(splitForPdfjs('তে', true)).toEqual(['তে', '', '']);
    expect(splitForPdfjs('fi', true)).toEqual(['fi', '', '']);
  });

  it('moves everything from the first nonspacing mark onto the zero-width glyph', () => {
    expect(splitForPdfjs('পু', true)).toEqual(['প', 'ু', '']);
    expect(splitForPdfjs('ন্ত', true)).toEqual(['ন', '্ত', '']);
    expect(splitForPdfjs('স্ত্রী', true)).toEqual(['স', '্ত্রী', '']);
  });

  it('keeps a text that starts with a mark whole (nothing to put before it)', () => {
    expect(splitForPdfjs('ু', true)).toEqual(['ু', '', '']);
  });

  it('never leaves a joiner at the end of the real glyph text', () => {
    expect(splitForPdfjs('র\u200D্যা', true)).toEqual(['র', '\u200D্যা', '']);
    expect(splitForPdfjs('ক\u200C', true)).toEqual(['ক', '', '\u200C']);
    // Nothing after it to carry to: keep it (only pdf.js loses the invisible joiner).
    expect(splitForPdfjs('ক\u200C', false)).toEqual(['ক\u200C', '', '']);
  });

  it('puts every character somewhere, in order', () => {
    for (const t of ['কিছুই', 'র\u200D্যাব', 'ক্\u200Cষ', 'উজ্জ্বল', 'a\u0301b']) {
      const [own, trailing, carry] = splitForPdfjs(t, true);
      expect(own + trailing + carry).toBe(t);
      expect(own.length).toBeGreaterThan(0);
    }
  });
});

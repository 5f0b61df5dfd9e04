/**
 * How a cluster's text is spread over the glyphs written for it so that every extractor reads
 * it back. The composite-glyph representation (one glyph per HarfBuzz cluster) is enough for
 * poppler and mupdf; what is here is for pdf.js's text classification.
 */

const NONSPACING_MARK = /\p{Mn}/u;
const FORMAT_SUFFIX = /\p{Cf}+$/u;
/** Text that is only format characters (ZWJ, ZWNJ): pdf.js drops a glyph reading as this. */
export const ONLY_FORMAT = /^\p{Cf}+$/u;

/**
 * Split a cluster's text into what its glyph reads as, what a zero-width empty glyph after it
 * reads as, and what is carried to the start of the next cluster's text.
 *
 * Why: pdf.js (5.x) classifies a glyph's text with `/^(\s)|(\p{Mn})|(\p{Cf})$/u`. Without a group
 * around the alternation, any text *containing* a nonspacing mark counts as a zero-width
 * diacritic (pdf.js stops advancing, and পু, ন্ত or ক্ষ on one wide glyph knock the rest of the
 * line out of place), and a text *ending* in a format character (ZWJ/ZWNJ) with no mark before
 * it is dropped as invisible. So: the text up to the first nonspacing mark goes on the real
 * glyph; the rest goes on a glyph that really is zero-width; a ZWJ/ZWNJ that would end a glyph's
 * text moves to the next glyph. poppler and mupdf read the pieces in order either way.
 */
export function splitForPdfjs(text: string, canCarry: boolean): [own: string, trailing: string, carry: string] {
  const m = NONSPACING_MARK.exec(text);
  let own = !m || m.index === 0 ? text : text.slice(0, m.index);
  let trailing = text.slice(own.length);
  const cf = FORMAT_SUFFIX.exec(own);
  if (cf && cf.index > 0) {
    if (trailing) {
      trailing = own.slice(cf.index) + trailing;
      own = own.slice(0, cf.index);
    } else if (canCarry) {
      return [own.slice(0, cf.index), '', own.slice(cf.index)];
    }
  }
  return [own, trailing, ''];
}

/**
 * Numbers in content streams and dictionaries, rounded to `decimals` places. PDFKit writes its own
 * operators with 6 (PDFObject.number); the text writer and form appearances use 3, which is finer
 * than a printer's dot and keeps the streams short. `-0` comes out as `0` either way.
 */
export function pdfNumber(value: number, decimals: 3 | 6 = 3): string {
  if (!(value > -1e21 && value < 1e21)) throw new Error(`unsupported number in PDF output: ${value}`);
  const scale = decimals === 3 ? 1e3 : 1e6;
  return String(Math.round(value * scale) / scale);
}

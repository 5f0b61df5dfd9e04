import PDFDocument from 'pdfkit';
import type { LaidLine, TextEngine } from '../src/text/types.js';
import { documentText } from '../src/pdf/document-text.js';

/**
 * Draws laid-out lines down A4 pages (56 pt margins), a new page when one is full, and returns
 * the PDF's size in bytes: the drawing half of the text benchmarks.
 */
export async function drawLines(engine: TextEngine, lines: Iterable<LaidLine>): Promise<number> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { CreationDate: new Date(0) } });
  let bytes = 0;
  doc.on('data', (c: Uint8Array) => (bytes += c.length));
  const done = new Promise<void>((r) => doc.on('end', () => r()));
  const text = documentText(doc, engine);
  let y = 56;
  for (const line of lines) {
    if (y + line.height > 786) {
      doc.addPage();
      y = 56;
    }
    text.drawLine(line, 56, y);
    y += line.height;
  }
  text.finish();
  doc.end();
  await done;
  return bytes;
}

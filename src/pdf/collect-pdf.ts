/**
 * Collects a PDFKit document's output into one byte array. Call it right after creating the
 * document (PDFKit starts emitting data at once); await `bytes` after `doc.end()`.
 */
export function collectPdf(doc: PDFKit.PDFDocument): { bytes: Promise<Uint8Array> } {
  const chunks: Uint8Array[] = [];
  doc.on('data', (c: Uint8Array) => chunks.push(c));
  const bytes = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => {
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let off = 0;
      for (const c of chunks) {
        out.set(c, off);
        off += c.length;
      }
      resolve(out);
    });
    doc.on('error', reject);
  });
  return { bytes };
}

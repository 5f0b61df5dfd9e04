/**
 * The few PDFKit internals the engine needs that @types/pdfkit does not describe. PDFKit 0.20's
 * own text path shapes with fontkit, so we write fonts and glyphs ourselves through these.
 */
export interface PdfRef {
  data: Record<string, unknown>;
  write(chunk: Uint8Array | string): void;
  end(chunk?: Uint8Array | string): void;
  toString(): string;
}

export interface PdfDocInternals {
  ref(data?: Record<string, unknown>): PdfRef;
  addContent(data: string): unknown;
  page: { fonts: Record<string, PdfRef>; height: number; width: number };
  _ctm: number[];
}

export function internals(doc: PDFKit.PDFDocument): PdfDocInternals {
  // The typings declare only part of PDFKit; these members exist in pdfkit 0.20 (read in
  // node_modules/pdfkit/js/pdfkit.js: PDFDocument.ref, addContent, page.fonts).
  return doc as unknown as PdfDocInternals;
}

/** PDF literal string with the escapes PDF requires. */
export function pdfString(s: string): string {
  return `(${s.replace(/([\\()])/g, '\\$1')})`;
}

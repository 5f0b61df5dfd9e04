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
  /** Whether streams are compressed (the `compress` option). */
  compress: boolean;
  page: { fonts: Record<string, PdfRef>; height: number; width: number };
  _ctm: number[];
}

export function internals(doc: PDFKit.PDFDocument): PdfDocInternals {
  // The typings declare only part of PDFKit; these members exist in pdfkit 0.20 (read in
  // node_modules/pdfkit/js/pdfkit.js: PDFDocument.ref, addContent, page.fonts).
  return doc as unknown as PdfDocInternals;
}

type RefClass = new (document: object, id: number, data: Record<string, unknown>) => PdfRef;

/**
 * PDFKit's own stream compression, so streams compressed ahead come out byte for byte as the
 * ones PDFKit compresses: a detached PDFReference (the class of the document's catalog) is
 * ended into a sink that keeps the stream bytes. Nothing is added to the document. A string
 * chunk gets the newline PDFKit adds to every string written to a stream.
 */
export function pdfkitDeflate(doc: PDFKit.PDFDocument): (chunk: Uint8Array | string) => Uint8Array {
  const Ref = (doc as unknown as { _root: { constructor: RefClass } })._root.constructor;
  return (chunk) => {
    let out: Uint8Array | undefined;
    const sink = {
      compress: true,
      _offset: 0,
      _security: null,
      _write(data: unknown): void {
        if (data instanceof Uint8Array) out = data;
      },
      _refEnd(): void {},
    };
    new Ref(sink, 0, {}).end(chunk);
    if (!out) throw new Error('PDFKit wrote no stream bytes');
    return out;
  };
}

/** PDF literal string with the escapes PDF requires. */
export function pdfString(s: string): string {
  return `(${s.replace(/([\\()])/g, '\\$1')})`;
}

/**
 * Every use of PDFKit's undocumented members, in one file, so a PDFKit upgrade is this file's
 * work. PDFKit 0.20's own text path shapes with fontkit, so the PDF writer writes fonts, glyph
 * runs, forms and metadata itself through these. Each member below was read in
 * node_modules/pdfkit/js/pdfkit.js (0.20.2); @types/pdfkit does not declare them.
 */
import type { XmpInfo } from './xmp-info.js';

/** A PDF object (PDFReference): a dictionary, optionally with a stream. */
export interface PdfRef {
  data: Record<string, unknown>;
  write(chunk: Uint8Array | string): void;
  end(chunk?: Uint8Array | string): void;
  toString(): string;
}

/** The members of PDFKit's PDFPage the writer uses. */
export interface PdfPage {
  readonly width: number;
  readonly height: number;
  /** The page's Font resources (a getter that makes the dictionary on first use). */
  readonly fonts: Record<string, PdfRef>;
  readonly dictionary: PdfRef;
  readonly annotations: PdfRef[];
  write(chunk: Uint8Array): void;
}

/** PDFDocument's internals, as PDFKit 0.20 has them. */
interface DocInternals {
  ref(data?: Record<string, unknown>): PdfRef;
  addContent(data: string): unknown;
  compress: boolean;
  page: PdfPage | null;
  _root: PdfRef;
  _acroform?: unknown;
  _fillColor?: unknown;
  info: XmpInfo;
  appendXML(xml: string, newline?: boolean): void;
  _addInfo(): void;
}

function inner(doc: PDFKit.PDFDocument): DocInternals {
  // The one cast from PDFKit's declared type to what the object has (see the file comment).
  return doc as unknown as DocInternals;
}

/** A new indirect object of the document. */
export function newRef(doc: PDFKit.PDFDocument, data?: Record<string, unknown>): PdfRef {
  return inner(doc).ref(data);
}

/** Whether the document compresses its streams (the `compress` option). */
export function compresses(doc: PDFKit.PDFDocument): boolean {
  return inner(doc).compress;
}

/** The page being drawn. */
export function currentPage(doc: PDFKit.PDFDocument): PdfPage {
  const page = inner(doc).page;
  if (!page) throw new Error('PDF content without a page');
  return page;
}

/** The page's own dictionary, for a widget's /P entry. */
export function pageDictionary(page: PdfPage): PdfRef {
  return page.dictionary;
}

/** End a stream with bytes compressed beforehand; the dictionary comes out as PDFKit's own (Length, Filter). */
export function endCompressed(ref: PdfRef, compressed: Uint8Array): void {
  // PDFReference.compress decides whether `end` deflates; the bytes are deflated already.
  const r = ref as PdfRef & { compress: boolean };
  r.compress = false;
  r.write(compressed);
  r.data.Filter = 'FlateDecode';
  r.end();
}

/**
 * Put an AcroForm dictionary in the catalog. PDFKit ends the AcroForm in `doc.end()` through its
 * own bookkeeping object (`_acroform`), which must exist for that.
 */
export function setAcroForm(doc: PDFKit.PDFDocument, acroForm: PdfRef, defaultFont: string): void {
  const d = inner(doc);
  d._root.data.AcroForm = acroForm;
  d._acroform = { fonts: {}, defaultFont };
}

/** Record a fill colour as PDFKit's fillColor() does (annotations read it). */
export function recordFillColor(doc: PDFKit.PDFDocument, color: string): void {
  inner(doc)._fillColor = [color, undefined];
}

/** Append to the page content as PDFKit's own drawing does (a newline after each string). */
export function addContent(doc: PDFKit.PDFDocument, data: string): void {
  inner(doc).addContent(data);
}

/**
 * Route the document's page content through `content`: every `addContent` of PDFKit's own drawing
 * goes to `content.add`, and `content.flush` runs before PDFKit adds, switches or flushes pages
 * (which `end()` does first), so each page gets its bytes before it is written.
 */
export function interceptPageContent(doc: PDFKit.PDFDocument, content: { add(data: string): void; flush(): void }): void {
  const d = doc as unknown as Record<string, unknown>;
  const proto = Object.getPrototypeOf(doc) as Record<string, (...args: unknown[]) => unknown>;
  d.addContent = (data: string): PDFKit.PDFDocument => {
    content.add(data);
    return doc;
  };
  for (const name of ['addPage', 'switchToPage', 'flushPages']) {
    const original = proto[name];
    if (typeof original !== 'function') throw new Error(`PDFKit has no PDFDocument.${name}`);
    d[name] = (...args: unknown[]): unknown => {
      content.flush();
      return original.apply(doc, args);
    };
  }
}

/** Make the document write the XMP Info description with `write` instead of PDFKit's `_addInfo`. */
export function replaceXmpInfo(doc: PDFKit.PDFDocument, write: (append: (xml: string, newline?: boolean) => void, info: XmpInfo) => void): void {
  const d = inner(doc);
  d._addInfo = () => write((xml, newline) => d.appendXML(xml, newline), d.info);
}

type RefClass = new (document: object, id: number, data: Record<string, unknown>) => PdfRef;

/**
 * PDFKit's own stream compression, so streams compressed ahead come out byte for byte as the
 * ones PDFKit compresses: a detached PDFReference (the class of the document's catalog) is
 * ended into a sink that keeps the stream bytes. Nothing is added to the document. A string
 * chunk gets the newline PDFKit adds to every string written to a stream.
 */
export function pdfkitDeflate(doc: PDFKit.PDFDocument): (chunk: Uint8Array | string) => Uint8Array {
  // The catalog is a PDFReference; its constructor is the class PDFKit does not export.
  const Ref = inner(doc)._root.constructor as RefClass;
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

/**
 * Document options PDFKit accepts beyond its typings: `font: null` loads no default font. Every
 * glyph goes through our text engine, and loading Helvetica's AFM metrics costs each document
 * ~0.2 MB and ~1 ms for nothing (a standard font writes no object unless used).
 */
export function withoutDefaultFont(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocumentOptions {
  // @types/pdfkit types `font` as a string; PDFKit reads `null` as "none".
  return { ...options, ...({ font: null } as object) };
}

/**
 * An outline item whose destination is (left, top) on the current page. PDFKit reads `top` and
 * `left` options its typings leave out, and computes the destination's left as (page width −
 * left): pass the page width for 0.
 */
export function addOutlineItem(parent: PDFKit.PDFOutline, title: string, options: { expanded: boolean; top: number; left: number }): PDFKit.PDFOutline {
  // PDFOutline.addItem's typed options are { expanded }; the object carries the other two.
  return parent.addItem(title, options);
}

import { currentPage, interceptPageContent } from './pdfkit-internals.js';

/**
 * A document's page content, collected as bytes and handed to PDFKit once per page.
 *
 * PDFKit's `addContent` turns every operator string into its own byte array (the string plus a
 * newline, one byte per code unit) and concatenates them when the page ends. Here the same
 * bytes go into one growing buffer; the text writer adds its cached operator bytes and CID
 * tokens without making strings at all. The buffer is written to the current page before PDFKit
 * adds a page, switches pages or flushes them (which `end()` does first), so every page gets
 * exactly the bytes it got before, in the same order.
 */
export class PageContent {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    interceptPageContent(doc, {
      add: (data) => {
        this.text(data);
        this.byte(10);
      },
      flush: () => this.flush(),
    });
  }

  private reserve(n: number): Uint8Array {
    if (this.length + n > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    return this.bytes;
  }

  byte(b: number): void {
    this.reserve(1)[this.length++] = b;
  }

  /** A string's code units, low 8 bits each (as PDFKit writes strings). */
  text(s: string): void {
    const b = this.reserve(s.length);
    let l = this.length;
    for (let i = 0; i < s.length; i++) b[l++] = s.charCodeAt(i) & 0xff;
    this.length = l;
  }

  /** Bytes `start` to `end` of `src`. */
  raw(src: Uint8Array, start: number, end: number): void {
    const n = end - start;
    const b = this.reserve(n);
    if (n > 32) b.set(src.subarray(start, end), this.length);
    else for (let i = 0, l = this.length; i < n; i++) b[l + i] = src[start + i] ?? 0;
    this.length += n;
  }

  /** A CID as a TJ operand: `<hhhh>`, lower-case hex. */
  cid(cid: number): void {
    const b = this.reserve(6);
    const l = this.length;
    b[l] = 0x3c;
    b[l + 1] = HEX.charCodeAt((cid >> 12) & 15);
    b[l + 2] = HEX.charCodeAt((cid >> 8) & 15);
    b[l + 3] = HEX.charCodeAt((cid >> 4) & 15);
    b[l + 4] = HEX.charCodeAt(cid & 15);
    b[l + 5] = 0x3e;
    this.length = l + 6;
  }

  /** Write what was collected to the current page. */
  flush(): void {
    if (this.length === 0) return;
    currentPage(this.doc).write(this.bytes.slice(0, this.length));
    this.length = 0;
  }
}

const HEX = '0123456789abcdef';

const contents = new WeakMap<PDFKit.PDFDocument, PageContent>();

/** The document's PageContent, installed on first use. */
export function pageContent(doc: PDFKit.PDFDocument): PageContent {
  let c = contents.get(doc);
  if (!c) contents.set(doc, (c = new PageContent(doc)));
  return c;
}

/** ASCII text as bytes (operator fragments cached by the writer). */
export function asciiBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

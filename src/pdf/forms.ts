import type { Rgb } from './color.js';
import { pdfNumber } from './pdf-number.js';
import { currentPage, newRef, pageDictionary, setAcroForm, type PdfRef } from './pdfkit-internals.js';

/**
 * AcroForm fields with their own appearance streams. PDFKit's form API writes none and sets
 * NeedAppearances, so checked boxes show blank in Chrome, Preview and poppler (see
 * shared/notes/pdfkit-facts.md). Here every widget carries /AP /N (on and off for checkboxes),
 * and NeedAppearances is not set. The printed box itself is vector graphics on the page, so
 * the widget's "Off" appearance is empty and its "Yes" appearance is just the tick.
 */
export class FormWriter {
  private readonly fields: PdfRef[] = [];
  private readonly font: PdfRef;
  private readonly acroForm: PdfRef;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    // Only for what a user types into a field; the viewer draws that text, not us.
    this.font = newRef(doc, { Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' });
    this.font.end();
    this.acroForm = newRef(doc, { Fields: this.fields, DA: new String('/Helv 0 Tf 0 g'), DR: { Font: { Helv: this.font } } });
    setAcroForm(doc, this.acroForm, 'Helv');
  }

  private stream(w: number, h: number, content: string, resources: Record<string, unknown> = {}): PdfRef {
    const ref = newRef(this.doc, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, w, h], Resources: resources });
    ref.end(content);
    return ref;
  }

  private rect(x: number, y: number, w: number, h: number): number[] {
    const H = this.doc.page.height;
    return [x, H - y - h, x + w, H - y].map((n) => Number(pdfNumber(n)));
  }

  checkbox(name: string, x: number, y: number, size: number, accent: Rgb): void {
    const s = size;
    const f = (n: number): string => pdfNumber(n);
    const tick = `q ${accent.map(f).join(' ')} RG 1.4 w 1 J 1 j ${f(s * 0.22)} ${f(s * 0.52)} m ${f(s * 0.42)} ${f(s * 0.28)} l ${f(s * 0.8)} ${f(s * 0.78)} l S Q`;
    const on = this.stream(s, s, tick);
    const off = this.stream(s, s, '');
    this.widget({
      FT: 'Btn',
      T: new String(name),
      Rect: this.rect(x, y, s, s),
      V: 'Off',
      AS: 'Off',
      MK: {},
      AP: { N: { Yes: on, Off: off }, D: { Yes: on, Off: off } },
    });
  }

  text(name: string, x: number, y: number, w: number, h: number, multiline: boolean): void {
    const ap = this.stream(w, h, '/Tx BMC EMC', { Font: { Helv: this.font } });
    this.widget({
      FT: 'Tx',
      T: new String(name),
      Rect: this.rect(x, y, w, h),
      Ff: multiline ? 4096 : 0,
      DA: new String('/Helv 10 Tf 0 g'),
      V: new String(''),
      MK: {},
      AP: { N: ap },
    });
  }

  private widget(data: Record<string, unknown>): void {
    const page = currentPage(this.doc);
    const ref = newRef(this.doc, { Type: 'Annot', Subtype: 'Widget', F: 4, P: pageDictionary(page), ...data });
    ref.end();
    page.annotations.push(ref);
    this.fields.push(ref);
  }
}

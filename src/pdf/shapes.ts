/**
 * The vector shapes of a workbook page (rules, boxes, checkboxes) written as PDFKit writes
 * them, in one `addContent` per shape instead of a dozen PDFKit calls: the same operators,
 * numbers formatted as PDFKit's (rounded to 6 decimals) and colours as PDFKit normalizes them,
 * so the content bytes are unchanged. A notes page has hundreds of these.
 */

import { rgbOf } from './color.js';
import { pdfNumber } from './pdf-number.js';
import { addContent, recordFillColor } from './pdfkit-internals.js';

/** PDFKit's `PDFObject.number`, as text. */
const n = (v: number): string => pdfNumber(v, 6);

const KAPPA = 4.0 * ((Math.sqrt(2) - 1.0) / 3.0);

export class ShapeWriter {
  /** Colour operators per colour and direction (`cs`/`CS`), as PDFKit's _setColorCore writes them. */
  private readonly colors = new Map<string, string>();
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  /**
   * `/DeviceRGB CS\nr g b SCN\n`, the components unrounded as PDFKit writes them. The theme's
   * colours are hex RGB.
   */
  private color(color: string, stroke: boolean): string {
    const key = `${stroke ? 'S' : 'f'}${color}`;
    let ops = this.colors.get(key);
    if (ops === undefined) {
      ops = `/DeviceRGB ${stroke ? 'CS' : 'cs'}\n${rgbOf(color).join(' ')} ${stroke ? 'SCN' : 'scn'}\n`;
      this.colors.set(key, ops);
    }
    return ops;
  }

  private fill(color: string): string {
    recordFillColor(this.doc, color);
    return this.color(color, false);
  }

  /** `roundedRect`'s path, as PDFKit draws it. */
  private roundedRect(x: number, y: number, w: number, h: number, borderRadius: number): string {
    const limit = Math.min(0.5 * w, 0.5 * h);
    const r = Math.max(0, Math.min(borderRadius || 0, limit));
    const cp = r * (1.0 - KAPPA);
    let s = `${n(x + r)} ${n(y)} m\n${n(x + w - r)} ${n(y)} l\n`;
    if (r > 0) s += `${n(x + w - cp)} ${n(y)} ${n(x + w)} ${n(y + cp)} ${n(x + w)} ${n(y + r)} c\n`;
    s += `${n(x + w)} ${n(y + h - r)} l\n`;
    if (r > 0) s += `${n(x + w)} ${n(y + h - cp)} ${n(x + w - cp)} ${n(y + h)} ${n(x + w - r)} ${n(y + h)} c\n`;
    s += `${n(x + r)} ${n(y + h)} l\n`;
    if (r > 0) s += `${n(x + cp)} ${n(y + h)} ${n(x)} ${n(y + h - cp)} ${n(x)} ${n(y + h - r)} c\n`;
    s += `${n(x)} ${n(y + r)} l\n`;
    if (r > 0) s += `${n(x)} ${n(y + cp)} ${n(x + cp)} ${n(y)} ${n(x + r)} ${n(y)} c\n`;
    return `${s}h\n`;
  }

  /** save, path, then fill and/or stroke, restore: the typesetter's `rect` item. */
  rect(x: number, y: number, w: number, h: number, radius: number | undefined, fill: string | undefined, stroke: string | undefined, lineWidth: number | undefined): void {
    let s = 'q\n';
    s += radius ? this.roundedRect(x, y, w, h, radius) : `${n(x)} ${n(y)} ${n(w)} ${n(h)} re\n`;
    if (fill && stroke) s += `${n(lineWidth ?? 0.5)} w\n${this.fill(fill)}${this.color(stroke, true)}B\n`;
    else if (fill) s += `${this.fill(fill)}f\n`;
    else if (stroke) s += `${n(lineWidth ?? 0.5)} w\n${this.color(stroke, true)}S\n`;
    addContent(this.doc, `${s}Q`);
  }

  /** A straight stroked line, optionally dashed with round caps. */
  rule(x1: number, y1: number, x2: number, y2: number, width: number, color: string, dash?: readonly number[]): void {
    let s = `q\n${n(x1)} ${n(y1)} m\n${n(x2)} ${n(y2)} l\n${n(width)} w\n`;
    if (dash) {
      // typeset calls doc.dash(dash[0], { space: dash[1] }); PDFKit uses the length as the space when none is given.
      const a = dash[0] ?? Number.NaN;
      const b = dash[1] || a;
      if (!(Number.isFinite(a) && a > 0 && Number.isFinite(b) && b > 0)) throw new Error(`dash(${JSON.stringify(a)}, ${JSON.stringify({ space: dash[1] })}) invalid, lengths must be numeric and greater than zero`);
      s += `[${n(a)} ${n(b)}] 0 d\n1 J\n`;
    }
    addContent(this.doc, `${s}${this.color(color, true)}S\nQ`);
  }

  /** A rounded box outline and, when checked, its tick. */
  checkbox(x: number, y: number, size: number, checked: boolean, color: string): void {
    const stroke = this.color(color, true);
    let s = `q\n${this.roundedRect(x, y, size, size, 1.5)}0.8 w\n${stroke}S\nQ`;
    if (checked) {
      s += `\nq\n${n(x + size * 0.22)} ${n(y + size * 0.48)} m\n${n(x + size * 0.42)} ${n(y + size * 0.72)} l\n${n(x + size * 0.8)} ${n(y + size * 0.22)} l\n1.4 w\n${stroke}S\nQ`;
    }
    addContent(this.doc, s);
  }
}

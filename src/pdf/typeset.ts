import PDFDocument from 'pdfkit';
import type { LayoutResult } from '../layout/types.js';
import type { LaidLine, TextEngine, TextStyle } from '../text/types.js';
import { FormWriter } from './forms.js';
import { collectPdf } from './collect-pdf.js';
import { ShapeWriter } from './shapes.js';
import { escapeXmpInfo } from './xmp-info.js';
import { rgbOf } from './color.js';
import { addOutlineItem, withoutDefaultFont } from './pdfkit-internals.js';
import { documentText } from './document-text.js';

export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  /** BCP 47 language of the document (`bn`, `en`). */
  lang: string;
  /** CreationDate and ModDate; the file ID is derived from the info dictionary, so fixing it makes rebuilds byte-identical. */
  date: Date;
  creator: string;
  producer: string;
}

export interface TypesetOptions {
  info: DocumentInfo;
  /** Running header: title on the left, learner on the right. */
  header: { left: string; right: string };
  /** Footer text for a page, e.g. "Page ৩ of ২০" (numbers already in the locale's digits). */
  footer(page: number, total: number): string;
  /** Page numbers in TOC entries, in the locale's digits. */
  pageNumber(page: number): string;
  /** AcroForm checkboxes and text fields (with appearance streams) over the printed ones. */
  fillable: boolean;
  colors: { text: string; muted: string; accent: string; rule: string };
  small: number;
}

/**
 * Draws laid-out pages with PDFKit. Every glyph goes through the text engine's DocumentText;
 * PDFKit only draws vector shapes, annotations, the outline and the file structure. Synchronous
 * from the first page to `doc.end()`, so object order (and the bytes) never vary.
 */
export async function typeset(layout: LayoutResult<LaidLine>, engine: TextEngine, o: TypesetOptions): Promise<Uint8Array> {
  const g = layout.geometry;
  const doc = new PDFDocument(withoutDefaultFont({
    size: [g.width, g.height],
    margin: 0,
    autoFirstPage: false,
    compress: true,
    pdfVersion: '1.7',
    lang: o.info.lang,
    displayTitle: true,
    info: {
      Title: o.info.title,
      Author: o.info.author,
      Subject: o.info.subject,
      Keywords: o.info.keywords,
      Creator: o.info.creator,
      Producer: o.info.producer,
      CreationDate: o.info.date,
      ModDate: o.info.date,
    },
  }));
  escapeXmpInfo(doc);
  const output = collectPdf(doc);

  // Also collects every page's content operators (PDFKit's too) in one buffer per page.
  const text = documentText(doc, engine);
  const forms = o.fillable ? new FormWriter(doc) : undefined;
  const shapes = new ShapeWriter(doc);
  const total = layout.pages.length;
  const accent = rgbOf(o.colors.accent);
  const outlineStack: { depth: number; item: PDFKit.PDFOutline }[] = [];
  const smallStyle = (color: string, bold = false): TextStyle => ({ font: bold ? 'bold' : 'regular', size: o.small, color });
  const oneLine = (s: string, st: TextStyle): LaidLine | undefined => engine.layoutParagraph([{ text: s, style: st }], { width: Number.POSITIVE_INFINITY, lineHeight: 1.3 })[0];

  // The running header is the same on every page: lay it out once.
  const headLeft = oneLine(o.header.left, smallStyle(o.colors.muted));
  const headRight = oneLine(o.header.right, smallStyle(o.colors.accent, true));
  for (const page of layout.pages) {
    doc.addPage({ size: [g.width, g.height], margin: 0 });
    for (const it of page.items) {
      switch (it.kind) {
        case 'text':
          text.drawLine(it.line, it.x, it.y);
          break;
        case 'rect':
          shapes.rect(it.x, it.y, it.w, it.h, it.radius, it.fill, it.stroke, it.lineWidth);
          break;
        case 'rule':
          shapes.rule(it.x1, it.y1, it.x2, it.y2, it.width, it.color, it.dash);
          break;
        case 'checkbox':
          shapes.checkbox(it.x, it.y, it.size, Boolean(it.checked), o.colors.accent);
          forms?.checkbox(it.field, it.x, it.y, it.size, accent);
          break;
        case 'field':
          forms?.text(it.field, it.x, it.y, it.w, it.h, it.multiline);
          break;
        case 'anchor': {
          doc.addNamedDestination(it.id, 'XYZ', null, it.y, null);
          while ((outlineStack.at(-1)?.depth ?? 0) >= it.depth) outlineStack.pop();
          const parent = outlineStack.at(-1)?.item ?? doc.outline;
          const item = addOutlineItem(parent, it.title, { expanded: it.depth === 1, top: it.y, left: g.width });
          outlineStack.push({ depth: it.depth, item });
          break;
        }
        case 'link':
          doc.goTo(it.x, it.y, it.w, it.h, it.dest, {});
          break;
        case 'pageref': {
          const p = layout.destinations.get(it.dest);
          if (p === undefined) break;
          const line = oneLine(o.pageNumber(p + 1), it.style);
          if (line) text.drawLine(line, it.x - line.width, it.y);
          break;
        }
      }
    }
    if (!page.cover) {
      const muted = o.colors.muted;
      const left = headLeft;
      const right = headRight;
      const top = g.margin + 2;
      if (left) text.drawLine(left, g.left, top);
      if (right) text.drawLine(right, g.right - right.width, top);
      const ruleY = top + (left?.height ?? 10) + 3;
      shapes.rule(g.left, ruleY, g.right, ruleY, 0.4, o.colors.rule);
      const foot = oneLine(o.footer(page.index + 1, total), smallStyle(muted));
      if (foot) {
        const fy = g.height - g.margin - foot.height - 2;
        text.drawLine(foot, (g.width - foot.width) / 2, fy);
      }
    }
  }
  if (layout.pages.length === 0) doc.addPage({ size: [g.width, g.height], margin: 0 });
  text.finish();
  doc.end();
  return output.bytes;
}

/**
 * The layout assertions every shipped roadmap's workbook must pass, read off the PDF as pdf.js
 * sees it: shared by the seed's own test (workbook-pdf.test.ts) and the per-roadmap one
 * (roadmap-workbooks.test.ts), so a second roadmap is held to exactly the seed's rules.
 */
import { expect } from 'vitest';
import { geometryFor, type PaperName as Paper } from '../../src/layout/theme.js';
import type { ParsedPdf } from './pdf-helpers.js';

const MM = 72 / 25.4;

export const pageText = (p: ParsedPdf, i: number): string => (p.pages[i]?.items ?? []).map((t) => t.str).join(' ');
export const allText = (p: ParsedPdf): string => p.pages.map((_, i) => pageText(p, i)).join('\n');

export function expectPaper(pdf: ParsedPdf, paper: Paper): void {
  const want = paper === 'A4' ? [595, 842] : [612, 792];
  for (const pg of pdf.pages) expect([pg.width, pg.height].map(Math.round)).toEqual(want);
}

export function expectInsideMargins(pdf: ParsedPdf): void {
  for (const [i, pg] of pdf.pages.entries()) {
    for (const t of pg.items) {
      const where = `page ${i + 1} "${t.str}"`;
      expect(t.x, where).toBeGreaterThanOrEqual(15 * MM - 0.5);
      expect(t.x + t.width, where).toBeLessThanOrEqual(pg.width - 15 * MM + 0.5);
      expect(t.top, where).toBeGreaterThanOrEqual(15 * MM - 0.5);
      expect(t.bottom, where).toBeLessThanOrEqual(pg.height - 15 * MM + 0.5);
    }
  }
}

export function expectNoOverlaps(pdf: ParsedPdf): void {
  for (const [i, pg] of pdf.pages.entries()) {
    const boxes = pg.items;
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) {
        const p = boxes[a]!;
        const q = boxes[b]!;
        const w = Math.min(p.x + p.width, q.x + q.width) - Math.max(p.x, q.x);
        const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (w > 1 && h > 1) expect.fail(`page ${i + 1}: "${p.str}" overlaps "${q.str}" (${w.toFixed(1)} × ${h.toFixed(1)} pt)`);
      }
    }
  }
}

/** Every outline entry's first word is drawn on the page the outline points to. */
export function expectOutlineOnItsPages(pdf: ParsedPdf): void {
  for (const h of pdf.outline) {
    expect(h.title.trim(), 'an outline entry with no title').not.toBe('');
    const first = h.title.split(/\s+/)[0] as string;
    expect(pageText(pdf, h.page).replace(/\s+/g, ' '), h.title).toContain(first.replace(/\s+/g, ''));
  }
}

/**
 * No page (the cover aside) ends with a heading. Build the PDF with --fillable: a note area or
 * review box is drawn as lines, which pdf.js does not see as text, but its form field is seen.
 */
export function expectNoStrandedHeadings(fillable: ParsedPdf, paper: Paper): void {
  const g = geometryFor(paper);
  for (const [i, pg] of fillable.pages.entries()) {
    if (i === 0) continue; // cover
    const body = pg.items.filter((t) => t.top > g.top - 2 && t.bottom < g.bottom + 4);
    const fieldTops = pg.annotations.filter((a) => a.subtype === 'Widget').map((a) => pg.height - (a.rect[1] as number));
    const lowestText = Math.max(...body.map((t) => t.bottom));
    if (fieldTops.some((y) => y > lowestText)) continue; // a note area or review box comes last
    const last = body.filter((t) => t.bottom > lowestText - 1);
    for (const t of last) expect(t.size, `page ${i + 1} ends with "${t.str}"`).toBeLessThan(11.5); // headings are ≥ 12 pt
  }
}

/**
 * A table row is never split over two pages: each row's cells, given as the texts it must hold,
 * are all drawn on one page.
 */
export function expectRowsOnOnePage(pdf: ParsedPdf, rows: readonly (readonly string[])[]): void {
  const pages = pdf.pages.map((_, i) => pageText(pdf, i).replace(/\s+/g, ''));
  for (const cells of rows) {
    const squeezed = cells.map((c) => c.replace(/\s+/g, ''));
    expect(
      pages.some((p) => squeezed.every((c) => p.includes(c))),
      `row ${JSON.stringify(cells)} is not on one page`,
    ).toBe(true);
  }
}

/** Form field names are unique: a repeated id would merge two fields into one in every viewer. */
export function expectUniqueFieldNames(fillable: ParsedPdf): void {
  const names = fillable.pages.flatMap((p) => p.annotations.filter((a) => a.subtype === 'Widget').map((a) => a.fieldName));
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  expect([...new Set(repeated)]).toEqual([]);
}

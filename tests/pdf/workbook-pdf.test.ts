import { beforeAll, describe, expect, it } from 'vitest';
import { qpdfCheck } from '../helpers/pdf-tools.js';
import { buildWorkbook, parsePdf, taskCount, type ParsedPdf } from './pdf-helpers.js';
import { allText, expectInsideMargins, expectNoOverlaps, expectNoStrandedHeadings, expectOutlineOnItsPages, expectPaper, pageText } from './workbook-checks.js';

const BN = { name: 'Rahim Uddin', start: '2027-01', track: 'llmops' } as const;
const EN = { name: 'Ada Lovelace', start: '2027-03', locale: 'en', paper: 'Letter', level: 'L2' } as const;

let bn: Awaited<ReturnType<typeof buildWorkbook>>;
let en: Awaited<ReturnType<typeof buildWorkbook>>;
let bnPdf: ParsedPdf;
let enPdf: ParsedPdf;

beforeAll(async () => {
  bn = await buildWorkbook(BN);
  en = await buildWorkbook(EN);
  bnPdf = await parsePdf(bn.bytes);
  enPdf = await parsePdf(en.bytes);
});

describe('workbook.pdf', () => {
  it('is A4 or Letter as asked', () => {
    expectPaper(bnPdf, 'A4');
    expectPaper(enPdf, 'Letter');
  });

  it('carries the metadata: title, author = learner, subject, keywords, creator', () => {
    expect(enPdf.info).toMatchObject({ Author: 'Ada Lovelace', Creator: 'roadmap-press' });
    expect(String(enPdf.info.Title)).toContain('Ada Lovelace');
    expect(String(enPdf.info.Subject).length).toBeGreaterThan(5);
    expect(String(enPdf.info.Keywords)).toContain('General path');
    expect(String(bnPdf.info.Keywords)).toContain('LLMOps');
    expect(Buffer.from(bn.bytes).toString('latin1')).toMatch(/\/Lang \(bn\)/);
  });

  it("prints the learner's name, track and real calendar months", () => {
    const t = allText(enPdf);
    expect(t).toContain('Ada Lovelace');
    expect(t).toContain('General path');
    for (const m of ['March 2027', 'February 2028', 'Mar', 'Dec']) expect(t).toContain(m);
    const b = allText(bnPdf);
    expect(b).toContain('Rahim Uddin');
    expect(b).toContain('LLMOps');
    // the timeline's month row and the plan's dates, in Bengali
    expect(b).toMatch(/জানু/);
    expect(b).toMatch(/২০২৭/);
  });

  it('has a footer "page n of N" with Bengali digits in bn and none on the cover', () => {
    const n = bnPdf.pages.length;
    const toBn = (k: number) => String(k).replace(/\d/g, (d) => '০১২৩৪৫৬৭৮৯'[Number(d)] as string);
    expect(pageText(bnPdf, 2).replace(/\s+/g, '')).toContain(`পৃষ্ঠা${toBn(3)}/${toBn(n)}`);
    expect(pageText(enPdf, 2)).toContain(`Page 3 of ${enPdf.pages.length}`);
    expect(pageText(enPdf, 0)).not.toMatch(/Page 1 of/);
  });

  it('keeps every word inside the 15 mm margins', () => {
    for (const pdf of [bnPdf, enPdf]) expectInsideMargins(pdf);
  });

  it('never draws two words on top of each other', () => {
    for (const pdf of [bnPdf, enPdf]) expectNoOverlaps(pdf);
  });

  it('has every heading in the outline, on the page where it is drawn', () => {
    for (const pdf of [bnPdf, enPdf]) {
      const headings = pdf.outline;
      expect(headings.length).toBeGreaterThan(15);
      expectOutlineOnItsPages(pdf);
    }
    const titles = enPdf.outline.map((o) => o.title);
    expect(titles).toEqual(expect.arrayContaining(['Contents', 'How to use this workbook', 'Your 12-month plan', 'Timeline', 'Generation parameters', 'Portfolio checklist']));
    expect(titles.filter((t) => /^Month \d/.test(t))).toHaveLength(en.view.plan.length);
    expect(en.view.plan.length).toBe(7);
  });

  it('has a table of contents whose links and page numbers match where the headings are', () => {
    const toc = enPdf.pages[1]!;
    const links = toc.annotations.filter((a) => a.subtype === 'Link' && a.dest);
    const outlineDepth12 = enPdf.outline.filter((o) => o.depth <= 2 && o.title !== 'Contents');
    expect(links.length).toBe(outlineDepth12.length);
    for (const l of links) {
      const target = enPdf.destinations[l.dest!];
      expect(target, l.dest).toBeDefined();
      // the page number printed at the right end of the entry's row
      const [, y0, x1, y1] = l.rect as [number, number, number, number];
      const num = toc.items.find((t) => /^\d+$/.test(t.str) && t.x + t.width > x1 - 2 && t.x + t.width <= x1 + 1 && toc.height - (t.bottom + t.top) / 2 > y0 && toc.height - (t.bottom + t.top) / 2 < y1);
      expect(num?.str, l.dest).toBe(String(target! + 1));
    }
  });

  it('never leaves a heading as the last content of a page', async () => {
    expectNoStrandedHeadings(await parsePdf((await buildWorkbook(EN, { fillable: true })).bytes), 'Letter');
  });

  it('draws one checkbox per task and, with --fillable, names the AcroForm fields', async () => {
    const { bytes, markdown } = await buildWorkbook(BN, { fillable: true });
    const pdf = await parsePdf(bytes);
    const widgets = pdf.pages.flatMap((p) => p.annotations.filter((a) => a.subtype === 'Widget'));
    const boxes = widgets.filter((w) => w.fieldType === 'Btn');
    expect(boxes.length).toBe(taskCount(markdown));
    expect(boxes.length).toBeGreaterThan(40);
    const names = widgets.map((w) => w.fieldName);
    for (const id of ['month-1-2', 'month-12']) {
      expect(names).toEqual(expect.arrayContaining([`${id}.check-1`, `${id}.notes`, `${id}.review.wentWell`, `${id}.review.blockedBy`, `${id}.review.nextSteps`, `${id}.fillin`]));
    }
    expect(new Set(names).size).toBe(names.length);
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).not.toContain('NeedAppearances');
    // not fillable: no form at all
    expect(bnPdf.pages.flatMap((p) => p.annotations).filter((a) => a.subtype === 'Widget')).toHaveLength(0);
  });

  it('is byte-identical when rebuilt with the same inputs', async () => {
    const again = await buildWorkbook(BN);
    expect(Buffer.from(again.bytes).equals(Buffer.from(bn.bytes))).toBe(true);
  });

  it('stays small: the default workbook is under 300 KB', () => {
    expect(bn.bytes.byteLength).toBeLessThan(300 * 1024);
    expect(en.bytes.byteLength).toBeLessThan(300 * 1024);
  });

  it('passes qpdf --check (fillable too)', async (ctx) => {
    const check = (bytes: Uint8Array): void => {
      const out = qpdfCheck(ctx, bytes);
      expect(out).toContain('No syntax or stream encoding errors');
      expect(out).not.toMatch(/WARNING/i);
    };
    // bn first: where qpdf is not installed, the test skips before building the fillable one.
    check(bn.bytes);
    check((await buildWorkbook(EN, { fillable: true })).bytes);
  });
});

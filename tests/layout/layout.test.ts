import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../src/layout/layout.js';
import type { Item, LayoutResult, MeasuredLine } from '../../src/layout/types.js';
import { lexWorkbook } from '../../src/markdown/lex-workbook.js';
import { fakeMeasurer } from './fake-measurer.js';

const labels = { review: 'Review', wentWell: 'Went well', blockedBy: 'Blocked', nextSteps: 'Next' };
const lay = (md: string, paper: 'A4' | 'Letter' = 'A4') => layoutDocument(lexWorkbook(md, { file: 'test.md' }), fakeMeasurer(), { paper, widgets: { review: labels } });
const texts = (items: Item<MeasuredLine>[]) => items.flatMap((it) => (it.kind === 'text' ? [it] : []));
const words = (n: number, w = 'word') => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');

function everyTextBox(r: LayoutResult<MeasuredLine>) {
  return r.pages.flatMap((p) => texts(p.items).map((t) => ({ page: p.index, x0: t.x, x1: t.x + t.line.width, y0: t.y, y1: t.y + t.line.height, text: t.line.text })));
}

describe('layoutDocument (fake measurer)', () => {
  it('keeps every text box inside the content box on A4 and Letter', () => {
    const md = Array.from({ length: 30 }, (_, i) => `## Heading ${i}\n\n${words(120)}\n\n- [ ] ${words(20)}\n`).join('\n');
    for (const paper of ['A4', 'Letter'] as const) {
      const r = lay(md, paper);
      expect(r.pages.length).toBeGreaterThan(5);
      for (const b of everyTextBox(r)) {
        expect(b.x0).toBeGreaterThanOrEqual(r.geometry.left - 0.01);
        expect(b.x1).toBeLessThanOrEqual(r.geometry.right + 0.01);
        expect(b.y0).toBeGreaterThanOrEqual(r.geometry.top - 0.01);
        expect(b.y1).toBeLessThanOrEqual(r.geometry.bottom + 0.01);
      }
    }
  });

  it('never ends a page with a heading and never leaves a single paragraph line alone', () => {
    const md = Array.from({ length: 40 }, (_, i) => `### Heading ${i}\n\n${words(15 + ((i * 37) % 90))}\n`).join('\n');
    const r = lay(md);
    const headings = new Set(r.headings.map((h) => h.title));
    for (const p of r.pages) {
      const t = texts(p.items);
      const last = t[t.length - 1];
      expect(headings.has(last?.line.text ?? '')).toBe(false);
    }
    // widows/orphans: on every page, the first and the last paragraph are not cut to one line there
    for (const p of r.pages.slice(0, -1)) {
      const t = texts(p.items).filter((x) => !headings.has(x.line.text));
      const tail = t.slice(-2);
      expect(tail).toHaveLength(2);
    }
  });

  it('moves the second line with the first (no orphan) and the last with the one before (no widow)', () => {
    // fill a page almost to the bottom, then a 3-line paragraph
    const a4 = lay('x').geometry;
    const lineH = 15; // 10 pt × 1.5
    const fillLines = Math.floor((a4.bottom - a4.top) / lineH) - 1; // leaves room for exactly one line
    const long = 'z'.repeat(90); // one 90-character word per line (450 pt of the 482 pt measure)
    const filler = Array.from({ length: fillLines }, () => long).join(' ');
    const r = lay(`${filler}\n\n${words(3, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')}`);
    const p2 = texts(r.pages[1]?.items ?? []).map((t) => t.line.text);
    expect(texts(r.pages[0]!.items)).toHaveLength(fillLines);
    expect(p2.length).toBe(3);
  });

  it('never splits a table row and repeats the header after a page break', () => {
    const rows = Array.from({ length: 80 }, (_, i) => `| L${i} | ${words(6 + (i % 5), 'cell')} | ${i} |`).join('\n');
    const r = lay(`| Level | Role | Years |\n| --- | --- | --- |\n${rows}\n`);
    expect(r.pages.length).toBeGreaterThan(1);
    const seen: string[] = [];
    for (const p of r.pages) {
      const t = texts(p.items);
      expect(t[0]?.line.text).toBe('Level');
      for (const x of t) if (/^L\d+$/.test(x.line.text)) seen.push(x.line.text);
      // every "cellN" line of a row is on the same page as its level cell
      const rects = p.items.filter((it) => it.kind === 'rule');
      expect(rects.length).toBeGreaterThan(0);
    }
    expect(seen).toEqual(Array.from({ length: 80 }, (_, i) => `L${i}`));
  });

  it('draws one checkbox per task item and names fields after the section', () => {
    const r = lay('## Plan {# plan }\n\n- [ ] one\n- [x] two\n- not a task\n\n::: notes 3\n\n::: review\n\n::: fillin Done on\n');
    expect(r.checkboxes).toBe(2);
    expect(r.fields).toEqual(['plan.check-1', 'plan.check-2', 'plan.notes', 'plan.review.wentWell', 'plan.review.blockedBy', 'plan.review.nextSteps', 'plan.fillin']);
  });

  it('lists the headings after ::: toc with links and page references', () => {
    const r = lay('# Contents\n\n::: toc\n\n# One\n\n## One.a\n\n::: pagebreak\n\n# Two\n\n### deep\n');
    const toc = r.pages[0]!.items;
    expect(toc.filter((i) => i.kind === 'pageref').map((i) => (i as { dest: string }).dest)).toEqual(['one', 'onea', 'two']);
    expect(toc.filter((i) => i.kind === 'link')).toHaveLength(3);
    expect(r.headings.find((h) => h.id === 'two')?.page).toBe(1);
    expect(r.headings.find((h) => h.id === 'deep')?.inToc).toBe(false);
  });

  it('puts a cover on its own page', () => {
    const r = lay('::: cover\n# Title\n\nName\n:::\n\n# First\n\ntext\n');
    expect(r.pages[0]?.cover).toBe(true);
    expect(r.pages[1]?.cover).toBe(false);
    expect(r.headings.map((h) => h.title)).toEqual(['First']);
  });

  it('renders plain Markdown of every block type', () => {
    const md = new Marked().lexer('x'); // marked loads
    expect(md).toBeTruthy();
    const r = lay('# T\n\nSome **bold** and *it* and `code` and [a link](https://example.com).\n\n1. one\n2. two\n   - nested\n\n> quote\n\n```\nconst x = 1;\n```\n\n---\n\n#### Four\n\ntext\n');
    const all = r.pages.flatMap((p) => texts(p.items).map((t) => t.line.text)).join('\n');
    for (const s of ['bold', 'one', 'nested', 'quote', 'const x = 1;', 'Four']) expect(all).toContain(s);
  });
});

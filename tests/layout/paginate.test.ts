import { describe, expect, it } from 'vitest';
import { paginate } from '../../src/layout/paginate.js';
import type { PageGeometry, Row } from '../../src/layout/types.js';

// A tiny page: content box 100 pt tall.
const g: PageGeometry = { width: 200, height: 160, margin: 10, left: 20, right: 180, top: 30, bottom: 130 };

function row(label: string, height = 20, extra: Partial<Row<string>> = {}): Row<string> {
  return { height, spaceBefore: 0, keepWithPrev: false, items: [{ kind: 'text', x: 0, y: 0, line: label, width: 10 }], ...extra };
}
const labels = (pages: ReturnType<typeof paginate<string>>) =>
  pages.map((p) => p.items.flatMap((it) => (it.kind === 'text' ? [it.line] : [])));

describe('paginate', () => {
  it('fills pages in order and never places a row below the content box', () => {
    const pages = paginate(Array.from({ length: 12 }, (_, i) => row(`r${i}`)), g);
    expect(labels(pages)).toEqual([['r0', 'r1', 'r2', 'r3', 'r4'], ['r5', 'r6', 'r7', 'r8', 'r9'], ['r10', 'r11']]);
    for (const p of pages) for (const it of p.items) if (it.kind === 'text') expect(it.y + 20).toBeLessThanOrEqual(g.bottom);
  });

  it('moves a heading to the next page with the block it is kept with', () => {
    const rows = [row('a'), row('b'), row('c'), row('d'), row('H', 20, { heading: true }), row('p1', 20, { keepWithPrev: true }), row('p2', 20, { keepWithPrev: true })];
    const pages = labels(paginate(rows, g));
    expect(pages[0]).toEqual(['a', 'b', 'c', 'd']);
    expect(pages[1]).toEqual(['H', 'p1', 'p2']);
  });

  it('breaks a chain taller than a page where it must (no endless loop)', () => {
    const rows = Array.from({ length: 8 }, (_, i) => row(`k${i}`, 20, { keepWithPrev: i > 0 }));
    const pages = labels(paginate(rows, g));
    expect(pages.flat()).toEqual(rows.map((_, i) => `k${i}`));
    expect(pages[0]).toHaveLength(5);
  });

  it('drops space before a row at the top of a page', () => {
    const rows = [row('a', 90), row('b', 20, { spaceBefore: 15 })];
    const pages = paginate(rows, g);
    const b = pages[1]?.items[0];
    expect(b && b.kind === 'text' ? b.y : -1).toBe(g.top);
  });

  it('repeats a table header row when a body row starts a page', () => {
    const header = row('HEAD', 15);
    const body = Array.from({ length: 8 }, (_, i) => row(`row${i}`, 20, { repeatHeader: header, keepWithPrev: i === 0 }));
    const pages = labels(paginate([row('intro', 20), header, ...body], g));
    expect(pages[0]?.[1]).toBe('HEAD');
    expect(pages[1]?.[0]).toBe('HEAD');
    expect(pages[1]?.[1]).toMatch(/^row/);
    // every body row exactly once
    expect(pages.flat().filter((l) => l.startsWith('row'))).toEqual(body.map((_, i) => `row${i}`));
  });

  it('starts a new page on breakBefore and gives cover rows their own page', () => {
    const pages = paginate([row('cover', 20, { cover: true }), row('a'), row('b', 20, { breakBefore: true })], g);
    expect(pages.map((p) => p.cover)).toEqual([true, false, false]);
    expect(labels(pages)).toEqual([['cover'], ['a'], ['b']]);
  });

  it('lets a fill row take the rest of the page', () => {
    let got = 0;
    const fill = (available: number) => {
      got = available;
      return { height: available, items: [] };
    };
    paginate([row('a', 30), { height: 20, spaceBefore: 0, keepWithPrev: false, items: [], fill }], g);
    expect(got).toBeCloseTo(70);
  });

  it('ends a page-long keep-chain whose last row is a fill row (no endless loop)', () => {
    const fill = (available: number) => ({ height: available, items: [{ kind: 'text' as const, x: 0, y: 0, line: 'notes', width: 10 }] });
    const chain = Array.from({ length: 4 }, (_, i) => row(`k${i}`, 20, { keepWithPrev: i > 0 }));
    const pages = labels(paginate([...chain, { height: 40, spaceBefore: 0, keepWithPrev: true, items: [], fill }], g));
    expect(pages).toEqual([['k0', 'k1', 'k2', 'k3'], ['notes']]);
  });
});

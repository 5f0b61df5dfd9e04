import type { Item, Page, PageGeometry, Row } from './types.js';

/** The items moved by (dx, dy), as new objects (rows are laid out once and placed once). */
export function offset<L>(items: Item<L>[], dx: number, dy: number): Item<L>[] {
  return items.map((it) => {
    if (it.kind === 'rule') return { ...it, x1: it.x1 + dx, x2: it.x2 + dx, y1: it.y1 + dy, y2: it.y2 + dy };
    return { ...it, x: it.x + dx, y: it.y + dy };
  });
}

/**
 * Places rows on pages. A row that does not fit moves to the next page together with the
 * chain of rows it is kept with (`keepWithPrev`), unless that chain already starts the page
 * (then it breaks where it must: a chain taller than a page cannot be kept). Space before a
 * row is dropped at the top of a page; a table's header row is repeated when a body row
 * starts a page. Pure: the same rows always give the same pages.
 */
export function paginate<L>(rows: Row<L>[], g: PageGeometry): Page<L>[] {
  const pages: Page<L>[] = [];
  interface Placed {
    index: number;
    items: Item<L>[];
  }
  let placed: Placed[] = [];
  let first = 0; // index of the first row on the current page
  let y = g.top;
  let cover = false;
  const flush = (): void => {
    pages.push({ index: pages.length, cover, items: placed.flatMap((p) => p.items) });
    placed = [];
    y = g.top;
    cover = false;
  };

  let i = 0;
  while (i < rows.length) {
    const row = rows[i];
    if (!row) break;
    const empty = placed.length === 0;
    if (row.breakBefore && !empty) {
      flush();
      first = i;
      continue;
    }
    if (!empty && Boolean(row.cover) !== cover) {
      // A cover row never shares a page with body rows.
      flush();
      first = i;
      continue;
    }
    if (empty) first = i;
    const space = empty ? 0 : row.spaceBefore;
    let rowHeight = row.height;
    let items = row.items;
    let top = y + space;
    const header = empty && i > 0 && row.repeatHeader && !row.breakBefore ? row.repeatHeader : undefined;
    if (header) top += header.height;
    if (row.fill) {
      // When not even the minimum fits, the filled row overflows and moves on below like any
      // other row (with the rows kept with it).
      const filled = row.fill(Math.max(row.height, g.bottom - top));
      rowHeight = filled.height;
      items = filled.items;
    }
    if (top + rowHeight > g.bottom + 1e-6 && !empty) {
      const back = chainStart(rows, i, first);
      if (back > first) {
        placed = placed.filter((p) => p.index < back);
        flush();
        i = back;
      } else {
        flush();
      }
      first = i;
      continue;
    }
    if (empty) cover = Boolean(row.cover);
    if (header) {
      placed.push({ index: -1, items: offset(header.items, g.left, y) });
      y += header.height;
    }
    placed.push({ index: i, items: offset(items, g.left, y + space) });
    y += space + rowHeight;
    i++;
  }
  if (placed.length > 0 || pages.length === 0) flush();
  return pages;
}

/** The first row of the keep-chain ending at row i, not before `first`. */
function chainStart<L>(rows: Row<L>[], i: number, first: number): number {
  let j = i;
  while (j > first && rows[j]?.keepWithPrev) j--;
  return j;
}

import type { Span } from '../../text/types.js';

/**
 * Column widths from content, as browsers do for automatic table layout: every column gets its
 * min-content width, and the remaining space goes to columns in proportion to how much more
 * they would like (max − min). Tables always span the full width. `minColumn` is the narrowest
 * column's content, `slack` what is added to every measured cell.
 */
export function columnWidths(
  cells: Span[][][],
  cols: number,
  width: number,
  padX: number,
  measure: (spans: Span[]) => { min: number; max: number },
  { minColumn, slack }: { minColumn: number; slack: number },
): number[] {
  const floor = 2 * padX + minColumn;
  const min = new Array<number>(cols).fill(floor);
  const max = new Array<number>(cols).fill(floor);
  for (const row of cells) {
    for (let c = 0; c < cols; c++) {
      const spans = row[c];
      if (!spans || spans.length === 0) continue;
      const measured = measure(spans);
      min[c] = Math.max(min[c] ?? floor, measured.min + 2 * padX + slack);
      max[c] = Math.max(max[c] ?? floor, measured.max + 2 * padX + slack);
    }
  }
  const sumMin = min.reduce((a, b) => a + b, 0);
  const sumMax = max.reduce((a, b) => a + b, 0);
  if (sumMax <= width) {
    const extra = width - sumMax;
    return max.map((w) => w + (extra * w) / sumMax);
  }
  if (sumMin >= width) return min.map((w) => (w * width) / sumMin);
  const want = sumMax - sumMin;
  return min.map((w, c) => w + ((width - sumMin) * ((max[c] ?? w) - w)) / want);
}

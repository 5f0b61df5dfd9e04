import { describe, expect, it } from 'vitest';
import { columnWidths } from '../../../src/layout/blocks/column-widths.js';
import { defaultTheme } from '../../../src/layout/theme.js';
import { fakeMeasurer } from '../fake-measurer.js';

const words = (n: number, w = 'word') => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');

describe('columnWidths', () => {
  it('gives table columns widths from their content', () => {
    const m = fakeMeasurer();
    const span = (t: string) => [{ text: t, style: { font: 'regular' as const, size: 10 } }];
    const w = columnWidths([[span('a'), span(words(40))], [span('bb'), span('x')]], 2, 400, 5, (s) => m.measure(s), defaultTheme().block.table);
    expect(w[0]! + w[1]!).toBeCloseTo(400);
    expect(w[1]!).toBeGreaterThan(w[0]! * 5);
  });
});

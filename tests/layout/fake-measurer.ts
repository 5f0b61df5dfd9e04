import type { Measurer, MeasuredLine } from '../../src/layout/types.js';
import type { Span } from '../../src/text/types.js';

/** Monospaced fake: every character is half the font size wide; words wrap greedily. */
export function fakeMeasurer(): Measurer<MeasuredLine> {
  const charW = (s: Span) => s.style.size * 0.5;
  return {
    layoutParagraph(spans, { width, lineHeight = 1.4 }) {
      const size = Math.max(...spans.map((s) => s.style.size));
      const w = charW(spans[0] as Span);
      const words = spans.map((s) => s.text).join('').split(/\s+/).filter(Boolean);
      const lines: MeasuredLine[] = [];
      let cur = '';
      for (const word of words) {
        const next = cur ? `${cur} ${word}` : word;
        if (cur && next.length * w > width) {
          lines.push({ text: cur, width: cur.length * w, height: size * lineHeight, baseline: size * lineHeight * 0.75 });
          cur = word;
        } else cur = next;
      }
      lines.push({ text: cur, width: cur.length * w, height: size * lineHeight, baseline: size * lineHeight * 0.75 });
      return lines;
    },
    measure(spans) {
      const text = spans.map((s) => s.text).join('');
      const w = charW(spans[0] as Span);
      return { min: Math.max(0, ...text.split(/\s+/).map((x) => x.length * w)), max: text.length * w };
    },
  };
}

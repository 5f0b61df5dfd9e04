import { describe, expect, it } from 'vitest';
import { createNodeTextEngine } from '../../src/node/load-fonts.js';
import { resetSplitOverlongWork, splitOverlongWork } from '../../src/text/paragraph.js';
import { clearShapingCache, resetShapingStats, shapingStats } from '../../src/text/shape.js';
import type { Span } from '../../src/text/types.js';
import { collect, newDoc, pdfjsText } from './helpers.js';
import { documentText } from '../../src/pdf/document-text.js';

/**
 * A word without break opportunities, Latin and Bengali conjuncts mixed (UAX #14 gives no break
 * inside either), so cuts fall between clusters of two fonts.
 */
function longWord(length: number): string {
  const unit = 'abcক্ষdefপ্রghiস্ত্রjkl0123';
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length).replace(/[\u09cd]$/u, 'x');
}

const regular = (text: string): Span[] => [{ text, style: { font: 'regular', size: 11 } }];
const WIDTH = 180;

/** Shaping and cut work for breaking one fresh word of `length` characters. */
async function workFor(length: number): Promise<{ shapedUnits: number; cutsExamined: number; lines: number }> {
  const engine = await createNodeTextEngine();
  clearShapingCache();
  resetShapingStats();
  resetSplitOverlongWork();
  const lines = engine.layoutParagraph(regular(longWord(length)), { width: WIDTH });
  return { shapedUnits: shapingStats().shapedUnits, cutsExamined: splitOverlongWork().cutsExamined, lines: lines.length };
}

describe('an over-long word', () => {
  it('is broken into lines that each fit the width and give back the word exactly', async () => {
    const engine = await createNodeTextEngine();
    const word = longWord(3_000);
    const lines = engine.layoutParagraph(regular(word), { width: WIDTH });
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) {
      expect(line.width).toBeLessThanOrEqual(WIDTH + 1e-6);
      expect(line.text.length).toBeGreaterThan(0);
    }
    expect(lines.map((l) => l.text).join('')).toBe(word);
    // Greedy: every line but the last is full enough that the next cluster would not have fit.
    for (const line of lines.slice(0, -1)) expect(line.width).toBeGreaterThan(WIDTH - 20);
  });

  it('is drawn whole: the PDF text of its lines is the word', async () => {
    const engine = await createNodeTextEngine();
    const word = longWord(1_500);
    const doc = newDoc();
    const done = collect(doc);
    const text = documentText(doc, engine);
    let y = 40;
    for (const line of engine.layoutParagraph(regular(word), { width: WIDTH })) {
      text.drawLine(line, 50, y);
      y += line.height;
    }
    text.finish();
    doc.end();
    expect((await pdfjsText(await done)).replace(/\s+/gu, '')).toBe(word);
  });

  it('costs shaping and cut examination linear in its length, not in its square', async () => {
    const small = await workFor(4_000);
    const large = await workFor(16_000);
    expect(large.lines).toBeGreaterThan(3.5 * small.lines);
    // Each character is shaped about twice (the whole word once, then its line once); shaping
    // growing prefixes would be hundreds of times the length.
    expect(small.shapedUnits).toBeLessThan(3 * 4_000);
    expect(large.shapedUnits).toBeLessThan(3 * 16_000);
    // Each cut is looked at about once; scanning all cuts per line grows with length × lines.
    expect(small.cutsExamined).toBeLessThan(2 * 4_000);
    expect(large.cutsExamined).toBeLessThan(2 * 16_000);
    expect(large.cutsExamined / small.cutsExamined).toBeLessThan(4.5);
  });
});

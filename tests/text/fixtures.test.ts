import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FontStyleName } from '../../src/text/types.js';
import type { HbFixture as Fixture } from '../../scripts/hb-fixture-format.js';
import { collect, corpusLines, getEngine, newDoc, root } from './helpers.js';
import { documentText, type DrawnRun } from '../../src/pdf/document-text.js';


function fixture(font: string): Fixture {
  return JSON.parse(readFileSync(join(root, 'tests/fixtures/text', `hb-${font}.json`), 'utf8')) as Fixture;
}

/** UTF-16 index → code point index, the unit hb-shape reports clusters in. */
function cpIndex(text: string, utf16: number): number {
  return [...text.slice(0, utf16)].length;
}

/** Draw each corpus line into a PDF and record exactly what the engine handed the writer. */
async function drawnRuns(style: FontStyleName): Promise<DrawnRun[][]> {
  const engine = await getEngine();
  const doc = newDoc();
  const perLine: DrawnRun[][] = [];
  let current: DrawnRun[] = [];
  const text = documentText(doc, engine, { trace: (r) => current.push(r) });
  let y = 50;
  for (const line of corpusLines) {
    current = [];
    for (const l of engine.layoutParagraph([{ text: line, style: { font: style, size: 12 } }], { width: 480 })) {
      if (y > 780) {
        doc.addPage();
        y = 50;
      }
      text.drawLine(l, 50, y);
      y += l.height;
    }
    perLine.push(current);
  }
  text.finish();
  doc.end();
  await collect(doc);
  return perLine;
}

describe.each([
  ['regular', 'NotoSansBengali-Regular'],
  ['bold', 'NotoSansBengali-Bold'],
] as const)('glyphs drawn in %s equal hb-shape with %s', (style, font) => {
  it('for every corpus line (100%)', async () => {
    const fx = fixture(font);
    expect(fx.lines.map((l) => l.line)).toEqual(corpusLines);
    const drawn = await drawnRuns(style);
    let equal = 0;
    const diffs: string[] = [];
    fx.lines.forEach((fl, i) => {
      const runs = (drawn[i] ?? [])
        .filter((r) => r.fontFile === `${font}.ttf` && r.text.trim().length > 0)
        .map((r) => ({
          text: r.text,
          glyphs: r.glyphs.map((g) => ({ g: g.gid, cl: cpIndex(r.text, g.cluster), ax: g.ax, ay: g.ay, dx: g.dx, dy: g.dy })),
        }));
      const same = JSON.stringify(runs) === JSON.stringify(fl.runs);
      if (same) equal++;
      else diffs.push(fl.line);
    });
    expect(diffs).toEqual([]);
    expect(equal).toBe(corpusLines.length);
  });

  it('is a comparison that can fail: the other weight does not match', async () => {
    const other = fixture(font.endsWith('Bold') ? 'NotoSansBengali-Regular' : 'NotoSansBengali-Bold');
    const drawn = await drawnRuns(style);
    const firstBengali = drawn.findIndex((runs) => runs.some((r) => r.fontFile === `${font}.ttf`));
    const run = drawn[firstBengali]?.find((r) => r.fontFile === `${font}.ttf`);
    const ax = run?.glyphs.map((g) => g.ax);
    expect(ax).not.toEqual(other.lines[firstBengali]?.runs[0]?.glyphs.map((g) => g.ax));
  });
});

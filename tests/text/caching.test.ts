import { describe, expect, it } from 'vitest';
import { createNodeTextEngine } from '../../src/node/load-fonts.js';
import type { Span, TextEngine } from '../../src/text/types.js';
import { pdftotext } from '../helpers/pdf-tools.js';
import { collect, newDoc, pdfjsText } from './helpers.js';
import { documentText } from '../../src/pdf/document-text.js';

const regular = (text: string, size = 11): Span[] => [{ text, style: { font: 'regular', size } }];

async function draw(engine: TextEngine, paragraphs: Span[][], width = 400): Promise<Uint8Array> {
  const doc = newDoc();
  const done = collect(doc);
  const text = documentText(doc, engine);
  let y = 50;
  for (const spans of paragraphs) {
    for (const line of engine.layoutParagraph(spans, { width })) {
      text.drawLine(line, 50, y);
      y += line.height;
    }
  }
  text.finish();
  doc.end();
  return done;
}

describe('layout cache', () => {
  it('hands back the same frozen lines for the same paragraph, in a fresh array', async () => {
    const engine = await createNodeTextEngine(undefined, { layoutCacheSize: 10 });
    const spans = regular('শেখার পরিকল্পনা: প্রতি সপ্তাহে দুটি ছোট প্রজেক্ট, একটি ব্লগ পোস্ট।');
    const a = engine.layoutParagraph(spans, { width: 150 });
    const b = engine.layoutParagraph(regular(spans[0]?.text ?? ''), { width: 150 });
    expect(b).not.toBe(a);
    expect(b).toEqual(a);
    b.forEach((line, i) => expect(line).toBe(a[i]));
    expect(Object.isFrozen(a[0])).toBe(true);
    // Any option or style difference is a different paragraph.
    expect(engine.layoutParagraph(spans, { width: 151 })[0]).not.toBe(a[0]);
    expect(engine.layoutParagraph(regular(spans[0]?.text ?? '', 12), { width: 150 })[0]).not.toBe(a[0]);
    expect(engine.layoutParagraph(spans, { width: 150, align: 'justify' })[0]).not.toBe(a[0]);
    const stats = engine.cacheStats().layout;
    expect(stats).toMatchObject({ hits: 1, misses: 4, size: 4, capacity: 10 });
  });

  it('is bounded', async () => {
    const engine = await createNodeTextEngine(undefined, { layoutCacheSize: 3, measureCacheSize: 2 });
    for (let i = 0; i < 20; i++) {
      engine.layoutParagraph(regular(`paragraph ${i}`), { width: 200 });
      engine.measure(regular(`cell ${i}`));
    }
    expect(engine.cacheStats().layout.size).toBe(3);
    expect(engine.cacheStats().measure.size).toBe(2);
  });

  it('does not see later changes to the spans it was given', async () => {
    const engine = await createNodeTextEngine();
    const spans = regular('colour me');
    const [first] = engine.layoutParagraph(spans, { width: 200 });
    (spans[0] as Span).style.color = '#ff0000';
    const [second] = engine.layoutParagraph(spans, { width: 200 });
    expect(second).not.toBe(first);
    (spans[0] as Span).style.color = undefined;
    expect(engine.layoutParagraph(spans, { width: 200 })[0]).toBe(first);
  });

  it('reports missing glyphs again after resetMissing, from a cache hit', async () => {
    const engine = await createNodeTextEngine();
    const text = 'রিয়া 🙂 MLOps';
    engine.layoutParagraph(regular(text), { width: 400 });
    engine.measure(regular(text));
    expect(engine.missing()).toHaveLength(1);
    engine.resetMissing();
    engine.layoutParagraph(regular(text), { width: 400 });
    expect(engine.missing()).toEqual([{ char: '🙂', codePoint: 0x1f642, context: text, style: 'regular' }]);
    engine.resetMissing();
    engine.measure(regular(text));
    expect(engine.missing()).toEqual([{ char: '🙂', codePoint: 0x1f642, context: text, style: 'regular' }]);
    expect(engine.cacheStats().layout.hits).toBe(1);
    expect(engine.cacheStats().measure.hits).toBe(1);
  });

  it('measures from the cache with the same widths', async () => {
    const engine = await createNodeTextEngine();
    const a = engine.measure(regular('বাংলা table cell'));
    const b = engine.measure(regular('বাংলা table cell'));
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
  });

  it('lets documents share lines: CIDs are per document, so each PDF reads back its own text', async (ctx) => {
    const engine = await createNodeTextEngine();
    const shared = regular('স্বাগতম — the same roadmap paragraph in every workbook, ক্ষমতা ও দক্ষতা।');
    const onlyFirst = regular('প্রথম শিক্ষার্থী: রহিম উদ্দিন');
    const onlySecond = regular('Second learner: Zoë');
    // Different first-use order in each document gives the shared line different CIDs.
    const one = await draw(engine, [onlyFirst, shared]);
    const two = await draw(engine, [onlySecond, shared]);
    const three = await draw(engine, [shared]);
    const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
    expect(norm(await pdfjsText(one))).toBe(norm(`${onlyFirst[0]?.text} ${shared[0]?.text}`));
    expect(norm(await pdfjsText(two))).toBe(norm(`${onlySecond[0]?.text} ${shared[0]?.text}`));
    expect(norm(await pdfjsText(three))).toBe(norm(`${shared[0]?.text}`));
    expect(engine.cacheStats().layout.hits).toBeGreaterThanOrEqual(2);
    // poppler last: where it is not installed, the test is marked skipped only after every other check ran.
    expect(norm(pdftotext(ctx, two))).toBe(norm(`${onlySecond[0]?.text} ${shared[0]?.text}`));
  });
});

import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runProof } from '../../src/pdf/proof.js';
import { createTextEngine } from '../../src/text/engine.js';
import { loadedFontCount } from '../../src/text/fonts.js';
import { loadFontConfig, loadFontFiles } from '../../src/node/load-fonts.js';
import { clearShapingCache, DEFAULT_SHAPING_CACHE_SIZE, resetShapingStats, setShapingCacheCapacity, shapingStats } from '../../src/text/shape.js';
import { pdffonts } from '../helpers/pdf-tools.js';
import { collect, corpusText, getEngine, newDoc, seedText } from '../text/helpers.js';
import { documentText } from '../../src/pdf/document-text.js';

describe('fonts in the PDF', async () => {
  const engine = await getEngine();
  const { pdf } = await runProof({ text: `${seedText}\n${corpusText}`, engine });

  it('are embedded TrueType subsets with a ToUnicode map (pdffonts)', (ctx) => {
    const rows = pdffonts(ctx, pdf).split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBe(3);
    for (const row of rows) {
      // name type encoding emb sub uni
      expect(row).toMatch(/^[A-Z]{6}\+NotoSans\S*\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    }
    expect(rows.some((r) => r.includes('+NotoSansBengali-Regular'))).toBe(true);
  });

  it('are small subsets, not whole files: every FontFile2 has a few hundred glyphs at most', () => {
    const raw = Buffer.from(pdf).toString('latin1');
    const refs = [...raw.matchAll(/\/FontFile2 (\d+) 0 R/g)].map((m) => m[1]);
    expect(refs).toHaveLength(3);
    for (const id of refs) {
      const obj = raw.indexOf(`\n${id} 0 obj`);
      const start = raw.indexOf('stream\n', obj) + 'stream\n'.length;
      const end = raw.indexOf('\nendstream', start);
      const ttf = inflateSync(Buffer.from(raw.slice(start, end), 'latin1'));
      expect([0x00010000, 0x74727565]).toContain(ttf.readUInt32BE(0)); // TrueType ('true' from fontkit)
      const tables = ttf.readUInt16BE(4);
      let numGlyphs = -1;
      for (let i = 0; i < tables; i++) {
        const rec = 12 + i * 16;
        if (ttf.toString('latin1', rec, rec + 4) === 'maxp') numGlyphs = ttf.readUInt16BE(ttf.readUInt32BE(rec + 8) + 4);
      }
      // Whole fonts: Noto Sans 3317 glyphs, Noto Sans Bengali 679.
      expect(numGlyphs).toBeGreaterThan(1);
      expect(numGlyphs).toBeLessThan(400);
    }
  });

  it('leave PDFKit tagged PDF intact: marked, language set, structure tree with content', async () => {
    const raw = new TextDecoder('latin1').decode(pdf);
    expect(raw).toContain('/Lang (bn)');
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const d = await pdfjs.getDocument({ data: pdf.slice() }).promise;
    expect(await d.getMarkInfo()).toMatchObject({ Marked: true });
    const tree = (await (await d.getPage(1)).getStructTree()) as { children: Array<{ role: string; children: unknown[] }> };
    const roles = JSON.stringify(tree);
    expect(roles).toContain('"role":"P"');
    expect(roles).toContain('"type":"content"');
    // Every BDC is closed on the page.
    const content = await (await d.getPage(1)).getTextContent({ includeMarkedContent: true });
    const opens = content.items.filter((i) => 'type' in i && i.type === 'beginMarkedContentProps').length;
    const closes = content.items.filter((i) => 'type' in i && i.type === 'endMarkedContent').length;
    expect(opens).toBeGreaterThan(0);
    expect(opens).toBe(closes);
  });

  it('writes the same bytes for the same input (deterministic subsets and tags)', async () => {
    const a = await runProof({ text: corpusText, engine });
    const b = await runProof({ text: corpusText, engine });
    expect(Buffer.from(a.pdf).equals(Buffer.from(b.pdf))).toBe(true);
  });
});

describe('shaping cache and HarfBuzz objects', () => {
  it('reuses parsed fonts across engines and documents', async () => {
    await getEngine();
    const before = loadedFontCount();
    const config = await loadFontConfig();
    await createTextEngine({ config, fonts: await loadFontFiles(config) });
    expect(loadedFontCount()).toBe(before);
  });

  it('reads font files into shared memory that hashes like a private copy', async () => {
    await getEngine();
    const before = loadedFontCount();
    const config = await loadFontConfig();
    const shared = await loadFontFiles(config);
    // A batch passes these to every worker thread by reference instead of copying 3 MB each.
    for (const bytes of Object.values(shared)) expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    const private_ = Object.fromEntries(Object.entries(shared).map(([f, b]) => [f, b.slice()]));
    expect(Object.values(private_)[0]?.buffer).toBeInstanceOf(ArrayBuffer);
    await createTextEngine({ config, fonts: private_ });
    expect(loadedFontCount()).toBe(before);
  });

  it('hits the cache on repeated words and stays within its bound', async () => {
    const engine = await getEngine();
    clearShapingCache();
    const spans = [{ text: 'জানতে জানতে জানতে কোথায় কোথায়', style: { font: 'regular' as const, size: 12 } }];
    engine.layoutParagraph(spans, { width: 500 });
    const first = shapingStats();
    expect(first.hits).toBeGreaterThan(0);
    expect(first.misses).toBeGreaterThan(0);
    resetShapingStats();
    engine.layoutParagraph(spans, { width: 500 });
    expect(shapingStats().misses).toBe(0);

    setShapingCacheCapacity(5);
    engine.layoutParagraph([{ text: corpusText, style: { font: 'regular', size: 12 } }], { width: 500 });
    expect(shapingStats().size).toBeLessThanOrEqual(5);
    setShapingCacheCapacity(DEFAULT_SHAPING_CACHE_SIZE);
  });

  it('embeds into several documents from one engine', async (ctx) => {
    const engine = await getEngine();
    for (let i = 0; i < 2; i++) {
      const doc = newDoc();
      const t = documentText(doc, engine);
      const [line] = engine.layoutParagraph([{ text: 'কীভাবে এগোতে হয়', style: { font: 'bold', size: 12 } }], { width: 300 });
      if (line) t.drawLine(line, 50, 50);
      t.finish();
      doc.end();
      const pdf = await collect(doc);
      expect(pdffonts(ctx, pdf)).toMatch(/\+NotoSansBengali-Bold/);
    }
  });
});

/**
 * Text engine benchmark: shape and lay out the whole seed page 100 times (one A4 text column,
 * 11 pt), then the same with drawing into a PDF. Reports time per page and the shaping-cache hit
 * rate. Run: node --import tsx bench/text.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNodeTextEngine } from '../src/node/load-fonts.js';
import { clearShapingCache, DEFAULT_SHAPING_CACHE_SIZE, resetShapingStats, setShapingCacheCapacity, shapingStats } from '../src/text/shape.js';
import type { Span, TextEngine } from '../src/text/types.js';
import { drawLines } from './draw-lines.js';

const ITERATIONS = 100;
const root = join(import.meta.dirname, '..');
const paragraphs = readFileSync(join(root, 'tests/fixtures/seed-page.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.trim());
const spans: Span[][] = paragraphs.map((text) => [{ text, style: { font: 'regular', size: 11 } }]);
const WIDTH = 483;

function layoutPage(engine: TextEngine): number {
  let lines = 0;
  for (const s of spans) lines += engine.layoutParagraph(s, { width: WIDTH, align: 'left' }).length;
  return lines;
}

function drawPage(engine: TextEngine): Promise<number> {
  return drawLines(engine, spans.flatMap((s) => engine.layoutParagraph(s, { width: WIDTH })));
}

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const t0 = process.hrtime.bigint();
const cachedEngine = await createNodeTextEngine();
const startup = ms(t0);
// Same fonts, paragraph layout cache of one entry: every paragraph is shaped (or found in the
// shaping cache) and broken again, which is what a paragraph seen for the first time costs.
const uncachedEngine = await createNodeTextEngine(undefined, { layoutCacheSize: 1, measureCacheSize: 1 });
let engine = cachedEngine;

const results: Array<[string, string]> = [];
const run = async (label: string, capacity: number, draw: boolean, layoutCache = false): Promise<void> => {
  engine = layoutCache ? cachedEngine : uncachedEngine;
  setShapingCacheCapacity(capacity);
  clearShapingCache();
  const l0 = engine.cacheStats().layout;
  const first = process.hrtime.bigint();
  if (draw) await drawPage(engine);
  else layoutPage(engine);
  const cold = ms(first);
  const c = shapingStats();
  const coldRate = c.hits + c.misses ? (100 * c.hits) / (c.hits + c.misses) : 0;
  resetShapingStats();
  const t = process.hrtime.bigint();
  let bytes = 0;
  for (let i = 0; i < ITERATIONS; i++) {
    if (draw) bytes = await drawPage(engine);
    else layoutPage(engine);
  }
  const per = ms(t) / ITERATIONS;
  const s = shapingStats();
  const rate = s.hits + s.misses ? (100 * s.hits) / (s.hits + s.misses) : 0;
  const l1 = engine.cacheStats().layout;
  const l = { hits: l1.hits - l0.hits, misses: l1.misses - l0.misses, size: l1.size };
  results.push([
    label,
    `first page ${cold.toFixed(1)} ms (cache hits ${coldRate.toFixed(0)}% within it), then ${per.toFixed(2)} ms/page over ${ITERATIONS}; cache hits ${rate.toFixed(1)}% (${s.hits}/${s.hits + s.misses}), ${s.size} entries; layout cache ${l.hits}/${l.hits + l.misses} hits, ${l.size} entries${draw ? `, PDF ${(bytes / 1024).toFixed(0)} KiB` : ''}`,
  ]);
};

await run('shape + lay out (shaping cache on, layout cache off)', 50_000, false);
await run('shape + lay out (shaping cache capacity 1, layout cache off)', 1, false);
await run('shape + lay out + draw PDF (shaping cache on, layout cache off)', 50_000, true);
await run('lay out (both caches on)', 50_000, false, true);
await run('lay out + draw PDF (both caches on)', 50_000, true, true);
setShapingCacheCapacity(DEFAULT_SHAPING_CACHE_SIZE);

console.log(`engine start-up (WASM, 7 fonts parsed): ${startup.toFixed(0)} ms`);
console.log(`seed page: ${paragraphs.length} paragraphs, ${layoutPage(engine)} lines at ${WIDTH} pt`);
for (const [label, text] of results) console.log(`${label}: ${text}`);
console.log(`node ${process.version}, ${process.platform} ${process.arch}`);

/**
 * Over-long words: lay out and draw one paragraph holding a single word without break
 * opportunities (10 k, 100 k and 400 k characters by default) into a PDF, one fresh process per
 * size, and report the wall time and the process's peak RSS.
 *   node --import tsx bench/long-words.ts [--sizes 10000,100000,400000]
 * The word is wider than any line, so nearly all of the time is the emergency breaking of
 * `splitOverlong`; a linear algorithm shows as time growing with the size, not with its square.
 */
import { spawnSync } from 'node:child_process';
import { createNodeTextEngine } from '../src/node/load-fonts.js';
import type { Span } from '../src/text/types.js';
import { drawLines } from './draw-lines.js';

const WIDTH = 483;
const args = process.argv.slice(2);
const child = args.indexOf('--child');

/** A word of `n` characters: Latin letters and digits, which UAX #14 gives no break between. */
export function longWord(n: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  while (s.length < n) s += alphabet;
  return s.slice(0, n);
}

async function runOne(size: number): Promise<void> {
  const t0 = performance.now();
  const engine = await createNodeTextEngine();
  const spans: Span[] = [{ text: longWord(size), style: { font: 'regular', size: 11 } }];
  const lines = engine.layoutParagraph(spans, { width: WIDTH });
  const bytes = await drawLines(engine, lines);
  const ms = performance.now() - t0;
  // maxRSS is in kilobytes.
  console.log(JSON.stringify({ size, lines: lines.length, ms, rssMb: process.resourceUsage().maxRSS / 1024, pdfKb: bytes / 1024 }));
}

if (child >= 0) {
  await runOne(Number(args[child + 1]));
} else {
  const sizesArg = args.indexOf('--sizes');
  const sizes = (sizesArg >= 0 ? (args[sizesArg + 1] ?? '') : '10000,100000,400000').split(',').map(Number);
  console.log(`Node ${process.version}, one process per size, ${WIDTH} pt lines of 11 pt Noto Sans\n`);
  console.log('| characters | lines | time (s) | peak RSS (MB) | PDF (KB) |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const size of sizes) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', String(size)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) {
      console.log(`| ${size} | failed (exit ${r.status ?? r.signal}) | | | |`);
      process.stderr.write(r.stderr);
      continue;
    }
    // The child prints one JSON line; its shape is the object runOne logs.
    const m = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { size: number; lines: number; ms: number; rssMb: number; pdfKb: number };
    console.log(`| ${m.size.toLocaleString('en')} | ${m.lines} | ${(m.ms / 1000).toFixed(2)} | ${m.rssMb.toFixed(0)} | ${m.pdfKb.toFixed(0)} |`);
  }
}

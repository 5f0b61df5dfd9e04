/**
 * Memory over many builds in one process (what a batch worker does):
 *   node --expose-gc --import tsx bench/memory.ts [--builds 1000] [--write]
 * Builds learners one after another with one prepared project and records the heap (after a
 * full GC), external memory (WASM, buffers) and RSS every 100 builds. A flat heap means the
 * caches are bounded and documents are not retained.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readProjectSources } from '../src/node/read-sources.js';
import { buildLearner } from '../src/pipeline/build-learner.js';
import { prepareProject } from '../src/pipeline/prepare-project.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const args = process.argv.slice(2);
const builds = Number(args[args.indexOf('--builds') + 1] || 1000) || 1000;
const tracks = ['llmops', 'platform', 'edge-ml', 'ml-infra', 'responsible-ai', 'general'];
const project = prepareProject(await readProjectSources());
const now = new Date(1796083200 * 1000);
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
const rows: string[] = ['| builds | heap used (MB) | external (MB) | RSS (MB) | shaping cache entries | layout cache entries |', '| --- | --- | --- | --- | --- | --- |'];
const engine = await project.textEngine!();
const sample = (n: number) => {
  gc();
  const m = process.memoryUsage();
  const c = engine.cacheStats();
  rows.push(`| ${n} | ${mb(m.heapUsed)} | ${mb(m.external)} | ${mb(m.rss)} | ${c.shaping.size} | ${c.layout.size} |`);
  console.log(rows[rows.length - 1]);
};
const started = performance.now();
for (let i = 0; i <= builds; i++) {
  if (i % 100 === 0) sample(i);
  if (i === builds) break;
  // Every learner different: names, tracks, locales, papers and start months vary.
  await buildLearner(project, { name: `Learner ${i} ${'ক'.repeat(i % 7)}`, track: tracks[i % tracks.length], locale: i % 2 ? 'en' : 'bn', paper: i % 3 ? 'A4' : 'Letter', start: `2027-${String((i % 12) + 1).padStart(2, '0')}` }, now);
}
const secs = (performance.now() - started) / 1000;
const summary = `${builds} builds in ${secs.toFixed(0)} s (${((secs * 1000) / builds).toFixed(0)} ms each), Node ${process.version}.`;
console.log(summary);
if (args.includes('--write')) {
  const path = 'docs/benchmarks.md';
  const doc = readFileSync(path, 'utf8');
  const begin = '<!-- memory-bench:begin -->';
  const end = '<!-- memory-bench:end -->';
  const block = `${begin}\n${summary}\n\n${rows.join('\n')}\n${end}`;
  writeFileSync(path, doc.includes(begin) ? doc.replace(new RegExp(`${begin}[\\s\\S]*?${end}`), block) : `${doc.trimEnd()}\n\n## Memory over many builds (\`bench/memory.ts\`)\n\n\`node --expose-gc --import tsx bench/memory.ts --write\`: one process builds learner after learner with one prepared project, as a batch worker does; heap after a full GC every 100 builds.\n\n${block}\n`);
}

/**
 * Batch benchmark (issue: batch exports). Run after `npm ci` (which compiles dist/):
 *   node --import tsx bench/batch.ts [--learners 200] [--runs 3] [--write]
 * Measures a cold CLI build, in-process builds, and `roadmap-press batch` over N learners
 * (every track × locale × paper, repeated) at --jobs 1 and --jobs 2: documents per second,
 * per-document latency, peak RSS and output bytes. `--write` replaces the batch section of
 * docs/benchmarks.md with the table.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Manifest } from '../src/batch/manifest.js';
import { readProjectSources } from '../src/node/read-sources.js';
import { buildLearner } from '../src/pipeline/build-learner.js';
import { prepareProject } from '../src/pipeline/prepare-project.js';

const args = process.argv.slice(2);
const learners = Number(args[args.indexOf('--learners') + 1] || 200) || 200;
const cli = resolve('dist/cli/main.js');
const env = { ...process.env, SOURCE_DATE_EPOCH: '1796083200', CI: 'true' };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const work = mkdtempSync(join(tmpdir(), 'roadmap-bench-'));

/** Wall seconds and peak RSS (MB) of a command, from GNU time. */
function timed(cmd: string[]): { secs: number; rssMb: number; stdout: string } {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', ...cmd], { env, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd.join(' ')} failed: ${r.stderr}`);
  const [secs, kb] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { secs: secs!, rssMb: kb! / 1024, stdout: r.stdout };
}

// 1. Cold CLI: a new process each time, as a user runs it.
const cold = Array.from({ length: 5 }, () => timed([process.execPath, cli, 'build', '--out', join(work, 'cold'), '--name', 'Bench']));

// 2. In-process: project prepared once, then one learner after another.
const project = prepareProject(await readProjectSources());
const now = new Date(1796083200 * 1000);
let t = performance.now();
await buildLearner(project, { name: 'First' }, now);
const firstMs = performance.now() - t;
const warm: number[] = [];
for (let i = 0; i < 20; i++) {
  t = performance.now();
  await buildLearner(project, { name: `Learner ${i}`, track: ['llmops', 'platform', 'edge-ml', 'ml-infra', 'responsible-ai'][i % 5], locale: i % 2 ? 'en' : 'bn' }, now);
  warm.push(performance.now() - t);
}

// 3. Batches.
const repeats = Math.ceil(learners / 20);
const names = Array.from({ length: repeats }, (_, i) => `Learner ${i + 1}`);
const list = join(work, 'learners.yaml');
writeFileSync(list, `matrix:\n  track: [llmops, platform, edge-ml, ml-infra, responsible-ai]\n  locale: [bn, en]\n  paper: [A4, Letter]\n  start: [${names.map((_, i) => `2027-${String((i % 12) + 1).padStart(2, '0')}`).join(', ')}]\n`);
// Each batch runs `--runs` times (default 3), the two --jobs settings interleaved so that a
// noisy neighbour on a shared machine hits both alike; the table gives the median run and the
// range.
const runs = Number(args[args.indexOf('--runs') + 1] || 3) || 3;
const samples = new Map<number, Array<{ secs: number; rssMb: number; docs: number; perDocMs: number; bytes: number; pdfKb: number }>>();
for (let r = 0; r < runs; r++) {
  for (const jobs of [1, 2]) {
    const out = join(work, `batch-${jobs}-${r}`);
    const run = timed([process.execPath, cli, 'batch', list, '--out', out, '--jobs', String(jobs), '--json']);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const docs = manifest.learners.filter((l) => l.status === 'ok');
    const bytes = docs.flatMap((l) => l.files).reduce((n, f) => n + f.bytes, 0);
    const pdfBytes = docs.flatMap((l) => l.files.filter((f) => f.name === 'workbook.pdf')).map((f) => f.bytes);
    const list_ = samples.get(jobs) ?? [];
    list_.push({ secs: run.secs, rssMb: run.rssMb, docs: docs.length, perDocMs: median(docs.map((l) => l.durationMs)), bytes, pdfKb: median(pdfBytes) / 1024 });
    samples.set(jobs, list_);
    rmSync(out, { recursive: true, force: true });
  }
}
const batches = [...samples].map(([jobs, xs]) => {
  const secs = xs.map((x) => x.secs);
  const mid = xs.find((x) => x.secs === median(secs))!;
  return { jobs, ...mid, minSecs: Math.min(...secs), maxSecs: Math.max(...secs), rssRange: [Math.min(...xs.map((x) => x.rssMb)), Math.max(...xs.map((x) => x.rssMb))] };
});

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const lines = [
  `Machine: ${availableParallelism()} cores (${cpu}), Node ${process.version}; ${new Date().toISOString().slice(0, 10)}.`,
  '',
  '| what | result |',
  '| --- | --- |',
  `| cold CLI build of one learner (README, calendar, PDF), median of 5 | ${median(cold.map((c) => c.secs)).toFixed(2)} s, peak RSS ${median(cold.map((c) => c.rssMb)).toFixed(0)} MB |`,
  `| in-process build, first learner (cold caches) | ${firstMs.toFixed(0)} ms |`,
  `| in-process build, median of the next 20 | ${median(warm).toFixed(0)} ms |`,
  ...batches.map((b) => `| batch of ${b.docs} at --jobs ${b.jobs}, median of ${runs} runs | ${b.secs.toFixed(1)} s wall (runs ${b.minSecs.toFixed(1)}–${b.maxSecs.toFixed(1)} s), ${(b.docs / b.secs).toFixed(1)} docs/s (${(b.docs / b.secs / b.jobs).toFixed(1)} per core), ${b.perDocMs} ms per document (median), peak RSS ${b.rssMb.toFixed(0)} MB (runs ${b.rssRange[0]!.toFixed(0)}–${b.rssRange[1]!.toFixed(0)} MB), ${(b.bytes / 1024 / 1024).toFixed(1)} MB written (median workbook ${b.pdfKb.toFixed(0)} KB) |`),
];
console.log(lines.join('\n'));

if (args.includes('--write')) {
  const path = 'docs/benchmarks.md';
  const doc = readFileSync(path, 'utf8');
  const begin = '<!-- batch-bench:begin -->';
  const end = '<!-- batch-bench:end -->';
  const block = `${begin}\n${lines.join('\n')}\n${end}`;
  writeFileSync(path, doc.includes(begin) ? doc.replace(new RegExp(`${begin}[\\s\\S]*?${end}`), block) : `${doc.trimEnd()}\n\n## Batch (\`bench/batch.ts\`)\n\n\`node --import tsx bench/batch.ts --write\` (after \`npm ci\`).\n\n${block}\n`);
}
rmSync(work, { recursive: true, force: true });


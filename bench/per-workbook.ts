/**
 * Per-workbook benchmark across roadmaps (issue 12: "no slower per workbook"): warm in-process
 * build time of each shipped roadmap's workbook in bn and en, and optionally the same against
 * another checkout, interleaved round by round (before, after, before, after …) so machine noise
 * falls on both sides alike.
 *
 *   node --import tsx bench/per-workbook.ts                     one round here, JSON on stdout
 *   node --import tsx bench/per-workbook.ts --against DIR [--rounds K] [--write]
 *
 * DIR is another checkout (built, with node_modules) holding a copy of this file at
 * bench/per-workbook.ts; it must only share buildLearner / readProjectSources, which every
 * version since the general roadmap model has. A case that checkout cannot build is reported
 * as "n/a" (e.g. a roadmap it does not ship).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readProjectSources } from '../src/node/read-sources.js';
import { buildLearner } from '../src/pipeline/build-learner.js';
import { prepareProject } from '../src/pipeline/prepare-project.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const now = new Date(Date.UTC(2026, 10, 29));
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

interface Case {
  label: string;
  roadmap: string;
  params: Record<string, string>;
}
const cases: readonly Case[] = [
  { label: 'mlops-engineer (seed), bn, A4', roadmap: 'mlops-engineer', params: {} },
  { label: 'mlops-engineer (seed), en, A4', roadmap: 'mlops-engineer', params: { locale: 'en' } },
  { label: 'data-engineer, bn, A4', roadmap: 'data-engineer', params: {} },
  { label: 'data-engineer, en, Letter', roadmap: 'data-engineer', params: { locale: 'en', paper: 'Letter' } },
];

/** One case's figures from one process: the first build (cold caches) and the warm median. */
interface Round {
  first: number;
  warm: number;
  /** CPU time (user + system, all threads) of a warm build, median: less moved by other load than wall time. */
  cpu: number;
  kb: number;
}

async function measure(c: Case, warmRuns: number): Promise<Round | null> {
  const project = prepareProject(await readProjectSources({ data: join(root, 'roadmaps', c.roadmap, 'roadmap.yaml') }));
  const s0 = performance.now();
  let b;
  try {
    b = await buildLearner(project, c.params, now);
  } catch {
    // An older checkout may read the data but not build it (e.g. its default level is the seed's L1).
    return null;
  }
  const first = performance.now() - s0;
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < warmRuns; i++) {
    const c0 = process.cpuUsage();
    const s = performance.now();
    await buildLearner(project, c.params, now);
    times.push(performance.now() - s);
    const c1 = process.cpuUsage(c0);
    cpus.push((c1.user + c1.system) / 1000);
  }
  const pdf = b.artifacts.find((a) => a.name === 'workbook.pdf');
  return { first, warm: median(times), cpu: median(cpus), kb: (pdf?.bytes.byteLength ?? 0) / 1024 };
}

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};
const against = arg('--against');

if (against === undefined) {
  const warmRuns = Number(process.env.BENCH_RUNS ?? 20);
  const out: Record<string, Round | null> = {};
  for (const c of cases) out[c.label] = await measure(c, warmRuns);
  console.log(JSON.stringify(out));
} else {
  const rounds = Number(arg('--rounds') ?? 8);
  const trees = { before: against, after: root } as const;
  const seen: Record<keyof typeof trees, Record<string, Round[]>> = { before: {}, after: {} };
  for (let r = 0; r < rounds; r++) {
    for (const side of ['before', 'after'] as const) {
      const dir = trees[side];
      const p = spawnSync(process.execPath, ['--import', 'tsx', join(dir, 'bench/per-workbook.ts')], { cwd: dir, encoding: 'utf8' });
      if (p.status !== 0) throw new Error(`${side} (${dir}) failed: ${p.stderr}`);
      // The child prints one JSON object, the shape written just above.
      const got = JSON.parse(p.stdout.trim().split('\n').pop() ?? '{}') as Record<string, Round | null>;
      for (const [label, v] of Object.entries(got)) if (v) (seen[side][label] ??= []).push(v);
      process.stderr.write(`round ${r + 1}/${rounds} ${side} done\n`);
    }
  }
  const fmt = (xs: readonly Round[] | undefined, pick: (r: Round) => number): string => {
    if (!xs || xs.length === 0) return 'n/a';
    const v = xs.map(pick);
    return `${median(v).toFixed(1)} ms (${Math.min(...v).toFixed(1)}–${Math.max(...v).toFixed(1)})`;
  };
  const rows = cases.map((c) => {
    const b = seen.before[c.label];
    const a = seen.after[c.label];
    const kb = (xs: readonly Round[] | undefined) => (xs?.[0] ? `${xs[0].kb.toFixed(0)} KB` : 'n/a');
    return `| ${c.label} | ${fmt(b, (x) => x.warm)} | ${fmt(a, (x) => x.warm)} | ${fmt(b, (x) => x.cpu)} | ${fmt(a, (x) => x.cpu)} | ${fmt(b, (x) => x.first)} | ${fmt(a, (x) => x.first)} | ${kb(b)} / ${kb(a)} |`;
  });
  const report = [
    `Node ${process.version}, ${process.platform}/${process.arch}; ${rounds} interleaved rounds (before, after, …), each a fresh process building every case once cold and ${process.env.BENCH_RUNS ?? 20} times warm; figures are the median over rounds of each round's median, with the min–max over rounds in brackets. CPU is user + system time of the process (all threads) during one build.`,
    '',
    '| workbook | warm wall before | warm wall after | warm CPU before | warm CPU after | first build before | first build after | PDF size before / after |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
  console.log(report);
  if (process.argv.includes('--write')) {
    const path = join(root, 'docs/benchmarks.md');
    const begin = '<!-- per-workbook-bench:begin -->';
    const end = '<!-- per-workbook-bench:end -->';
    const doc = readFileSync(path, 'utf8');
    if (!doc.includes(begin)) throw new Error(`${path} has no ${begin} marker`);
    writeFileSync(path, doc.replace(new RegExp(`${begin}[\\s\\S]*?${end}`), `${begin}\n${report}\n${end}`));
  }
}

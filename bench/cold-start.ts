/**
 * Cold-start benchmark (issue 11, point 7): wall time of `roadmap-press build` of one learner in
 * a new process, as a user runs it, for one or more builds of the CLI side by side:
 *   node --import tsx bench/cold-start.ts [--runs 15] [--batch N] [label=path/to/main.js ...]
 * Without labels it times dist/cli/main.js. With --batch N it times `batch --jobs 2` of N
 * learners instead (every track × locale × paper, as bench/batch.ts), which is where the batch
 * workers' start shows. The variants run interleaved (A B A B …), after one
 * unmeasured run each, so that a noisy neighbour on a shared machine hits them all alike; it
 * prints each one's median and range of wall time, and the median CPU time (user + system,
 * which a neighbour's load inflates less).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) || 15 : 15;
const batchAt = args.indexOf('--batch');
const learners = batchAt >= 0 ? Number(args[batchAt + 1]) || 200 : 0;
const named = args.filter((a) => a.includes('='));
const variants = (named.length > 0 ? named : ['dist=dist/cli/main.js']).map((a) => {
  const at = a.indexOf('=');
  return { label: a.slice(0, at), main: resolve(a.slice(at + 1)), wall: [] as number[], cpu: [] as number[] };
});
const env = { ...process.env, SOURCE_DATE_EPOCH: '1796083200', CI: 'true' };
const work = mkdtempSync(join(tmpdir(), 'roadmap-cold-'));
const list = join(work, 'learners.yaml');
const starts = Array.from({ length: Math.ceil(learners / 20) }, (_, i) => `2027-${String((i % 12) + 1).padStart(2, '0')}`);
writeFileSync(list, `matrix:\n  track: [llmops, platform, edge-ml, ml-infra, responsible-ai]\n  locale: [bn, en]\n  paper: [A4, Letter]\n  start: [${starts.join(', ')}]\n`);
const command = (out: string) => (learners > 0 ? ['batch', list, '--out', out, '--jobs', '2', '--quiet'] : ['build', '--out', out]);

/** Wall and CPU (user + system) milliseconds of one command, from GNU time. */
function once(main: string): { wall: number; cpu: number } {
  const out = mkdtempSync(join(work, 'out-'));
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', process.execPath, main, ...command(out)], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${main} failed: ${r.stderr}`);
  rmSync(out, { recursive: true, force: true });
  const [wall = NaN, user = NaN, sys = NaN] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { wall: wall * 1000, cpu: (user + sys) * 1000 };
}

try {
  for (const v of variants) once(v.main);
  for (let r = 0; r < runs; r++) {
    for (const v of variants) {
      const { wall, cpu } = once(v.main);
      v.wall.push(wall);
      v.cpu.push(cpu);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
/** The q-quantile of xs, in whole milliseconds. */
function quantile(xs: number[], q: number): string {
  const sorted = [...xs].sort((a, b) => a - b);
  return (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN).toFixed(0);
}
for (const v of variants) {
  const wall = `wall median ${quantile(v.wall, 0.5)} ms (min ${quantile(v.wall, 0)}, p25 ${quantile(v.wall, 0.25)}, p75 ${quantile(v.wall, 0.75)}, max ${quantile(v.wall, 1)})`;
  console.log(`${v.label.padEnd(16)} ${wall}; CPU median ${quantile(v.cpu, 0.5)} ms (min ${quantile(v.cpu, 0)}); ${runs} runs`);
}

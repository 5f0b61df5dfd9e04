/**
 * Workbook benchmark: in-process build time (warm engine, median of N), its stages, the cold
 * CLI (a fresh Node process per run, the compiled dist/ as `npm start` runs it) and peak memory.
 * Run after `npm ci` (which compiles dist/): `npm run bench:workbook` (`--write` updates
 * docs/benchmarks.md between the workbook-bench markers).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readProjectSources } from '../src/node/read-sources.js';
import { personalizeFor } from '../src/pipeline/build-learner.js';
import { buildLearner } from '../src/pipeline/build-learner.js';
import { prepareProject } from '../src/pipeline/prepare-project.js';
import { resolveParams } from '../src/load/validate-document.js';
import { layoutDocument } from '../src/layout/layout.js';
import { lexWorkbook } from '../src/markdown/lex-workbook.js';
import { renderWorkbookMarkdown } from '../src/render/render-workbook-markdown.js';
import { timelineData } from '../src/workbook/render-workbook.js';

const N = Number(process.env.BENCH_RUNS ?? 10);
const root = fileURLToPath(new URL('..', import.meta.url));
const now = new Date(Date.UTC(2026, 10, 29));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ms = (n: number) => `${n.toFixed(0)} ms`;

const t0 = performance.now();
const project = prepareProject(await readProjectSources());
const tPrepare = performance.now() - t0;
const t1 = performance.now();
const engine = await project.textEngine!();
const tEngine = performance.now() - t1;

const cases = [
  { label: 'default (bn, A4, general path)', params: {} },
  { label: 'en, Letter, llmops', params: { name: 'Ada Lovelace', locale: 'en', paper: 'Letter', track: 'llmops' } },
  { label: 'bn, A4, --fillable', params: { name: 'Rahim Uddin', track: 'llmops' }, fillable: true },
] as const;

const rows: string[] = [];
for (const c of cases) {
  const opts = { fillable: 'fillable' in c ? c.fillable : false };
  const first = performance.now();
  const b = await buildLearner(project, c.params, now, opts);
  const firstMs = performance.now() - first;
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const s = performance.now();
    await buildLearner(project, c.params, now, opts);
    times.push(performance.now() - s);
  }
  const pdf = b.artifacts.find((a) => a.name === 'workbook.pdf')!;
  rows.push(`| ${c.label} | ${ms(firstMs)} | ${ms(median(times))} | ${(pdf.bytes.byteLength / 1024).toFixed(0)} KB |`);
}

// Stages of the default workbook (warm).
const view = personalizeFor(project, resolveParams({}), now);
const stage = { markdown: [] as number[], lex: [] as number[], layout: [] as number[] };
for (let i = 0; i < N; i++) {
  let s = performance.now();
  const md = renderWorkbookMarkdown(project.templates.render, view);
  stage.markdown.push(performance.now() - s);
  s = performance.now();
  const tokens = lexWorkbook(md, project.workbookTemplate);
  stage.lex.push(performance.now() - s);
  s = performance.now();
  layoutDocument(tokens, engine, { paper: 'A4', widgets: { review: view.labels, timeline: timelineData(view) } });
  stage.layout.push(performance.now() - s);
}
const inProcessRss = process.resourceUsage().maxRSS / 1024;

// Cold CLI: a fresh process per run of the compiled CLI, as `npm start` runs it.
const cold: number[] = [];
let cliRss = 0;
const out = mkdtempSync(join(tmpdir(), 'bench-wb-'));
for (let i = 0; i < 5; i++) {
  const s = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(root, 'dist/cli/main.js'), 'build', '--out', out], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1796083200' },
  });
  cold.push(performance.now() - s);
  if (r.status !== 0) throw new Error(`CLI failed: ${r.stderr}`);
  cliRss = Math.max(cliRss, Number(r.stderr.trim().split('\n').pop()) / 1024);
}

const report = [
  `Node ${process.version}, ${process.platform}/${process.arch}; ${N} warm runs per case (median).`,
  '',
  `- Reading sources + validating: ${ms(tPrepare)}; importing and creating the text engine (fontkit, HarfBuzz WASM, 7 fonts): ${ms(tEngine)}`,
  '',
  '| workbook | first build (cold caches) | warm build (median) | size |',
  '| --- | --- | --- | --- |',
  ...rows,
  '',
  `Default workbook stages (warm median): template → Markdown ${ms(median(stage.markdown))}, lexing ${ms(median(stage.lex))}, layout ${ms(median(stage.layout))}; the rest of a build is drawing the PDF.`,
  '',
  `- Cold CLI \`node dist/cli/main.js build\` (new process each run): ${cold.map(ms).join(', ')} (median ${ms(median(cold))})`,
  `- Peak RSS: in-process bench ${inProcessRss.toFixed(0)} MB; cold CLI ${cliRss.toFixed(0)} MB`,
].join('\n');
console.log(report);

if (process.argv.includes('--write')) {
  const path = join(root, 'docs/benchmarks.md');
  const begin = '<!-- workbook-bench:begin -->';
  const end = '<!-- workbook-bench:end -->';
  const doc = readFileSync(path, 'utf8');
  if (!doc.includes(begin)) throw new Error(`${path} has no ${begin} marker`);
  writeFileSync(path, doc.replace(new RegExp(`${begin}[\\s\\S]*?${end}`), `${begin}\n${report}\n${end}`));
}

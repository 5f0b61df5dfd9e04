/** The commands that read the roadmap data (or its schema) and print it: no build, no fonts. */
import { resolve } from 'node:path';
import { checkRoadmapId, checkWantedRoadmap, chooseRoadmap, listRoadmaps, projectFolderOf, resolveRoadmap } from '../../node/project.js';
import { formatProblem, RoadmapError } from '../../errors.js';
import type { ProjectSources } from '../../pipeline/sources.js';
import { displayName, readProjectSources } from '../../node/read-sources.js';
import { readTextFile } from '../../node/read-text-file.js';
import { FALLBACK_LABELS_LOCALE, loadRoadmap, type LoadedRoadmap } from '../../load/load-roadmap.js';
import { parseDocumentText } from '../../load/parse-document.js';
import { validateDocument } from '../../load/validate-document.js';
import { roadmapJsonSchema } from '../../schema/json-schema.js';
import { MAX_DATA_FILE_BYTES } from '../../schema/limits.js';
import { RoadmapSchema, type Roadmap } from '../../schema/roadmap.js';
import type { CliIO } from '../run-command.js';

/** `roadmap-press validate [file]`: every problem of a data file, or of every roadmap of the project. */
export async function runValidate(args: ProjectArgs & { file?: string | undefined }, io: CliIO): Promise<number> {
  const file = args.file ?? args.data;
  if (file !== undefined) {
    validateOne(await readProjectSources({ data: resolve(file) }), null, [], io);
    return 0;
  }
  const listed = await listRoadmaps(await projectFolderOf({ project: args.project }));
  const ids = listed.map((r) => r.id);
  const chosen = args.roadmap === undefined ? listed : [chooseRoadmap(listed, args.roadmap)];
  // Every roadmap is checked, so one run reports the problems of all of them.
  const failed: RoadmapError[] = [];
  for (const r of chosen) {
    try {
      validateOne(await readProjectSources({ project: args.project, data: r.file }), r.id, ids, io);
    } catch (e) {
      if (!(e instanceof RoadmapError) || e.kind !== 'data') throw e;
      io.out(`${displayName(r.file)}: ${e.problems.length} problem${e.problems.length === 1 ? '' : 's'}`);
      failed.push(e);
    }
  }
  const first = failed[0];
  if (first === undefined) return 0;
  if (failed.length === 1) throw first;
  // A shared label file's problem is every roadmap's: reported once.
  const problems = [...new Map(failed.flatMap((e) => e.problems).map((p) => [formatProblem(p), p])).values()];
  throw new RoadmapError('data', `${failed.length} of ${chosen.length} roadmaps have problems (${problems.length} in all):`, problems);
}

/** One roadmap's data validated (the schemas always run: asked to validate, nothing is taken as validated ahead), with its locale report. */
function validateOne(sources: ProjectSources, folderId: string | null, ids: readonly string[], io: CliIO): void {
  const loaded = loadRoadmap(sources, new Map());
  checkRoadmapId(loaded, folderId, sources.data, ids);
  const { roadmap } = loaded;
  io.out(`${sources.data.file}: ok (${roadmap.levels.length} levels, ${roadmap.plan.entries.length} plan entries, ${roadmap.specializations.length} specializations)`);
  for (const line of localeReport(loaded)) io.out(`  ${line}`);
}

/** Per locale with labels: whether the content is translated, and what falls back to another language. */
export function localeReport(loaded: LoadedRoadmap): string[] {
  const source = loaded.roadmap.meta.language;
  const lines: string[] = [];
  for (const locale of Object.keys(loaded.labels).sort()) {
    const gaps = loaded.gaps[locale] ?? { texts: [], labels: [] };
    if (locale === source) lines.push(`${locale}: the data's own language`);
    else if (!loaded.translations[locale]) lines.push(`${locale}: not translated (no roadmap.${locale}.yaml): the content stays in ${source}`);
    else if (gaps.texts.length === 0) lines.push(`${locale}: translated, complete`);
    else lines.push(`${locale}: ${gaps.texts.length} text${gaps.texts.length === 1 ? '' : 's'} not translated (they stay in ${source}): ${gaps.texts.join(', ')}`);
    if (gaps.labels.length > 0) lines.push(`${locale}: ${gaps.labels.length} label${gaps.labels.length === 1 ? '' : 's'} taken from ${FALLBACK_LABELS_LOCALE}: ${gaps.labels.join(', ')}`);
  }
  return lines;
}

/** `roadmap-press schema`: the data file's JSON Schema, for editors. */
export function runSchema(io: CliIO): number {
  io.out(JSON.stringify(roadmapJsonSchema(), null, 2));
  return 0;
}

/** Where `tracks`, `levels` and `roadmaps` read from: `--project`, `--data`, `--roadmap`. */
export interface ProjectArgs {
  project?: string | undefined;
  data?: string | undefined;
  roadmap?: string | undefined;
}

/** The roadmap the arguments name, checked as a build checks it. */
async function chosenRoadmap(args: ProjectArgs): Promise<Roadmap> {
  const choice = await resolveRoadmap({ project: args.project, data: args.data }, args.roadmap);
  const sources = await readProjectSources(choice.sources);
  const loaded = loadRoadmap(sources);
  checkRoadmapId(loaded, choice.folderId, sources.data, choice.roadmapIds);
  checkWantedRoadmap(loaded.roadmap.meta.id, args.roadmap);
  return loaded.roadmap;
}

/** `roadmap-press roadmaps`: the project's roadmaps, which `--roadmap` takes. */
export async function runRoadmaps(args: ProjectArgs, io: CliIO): Promise<number> {
  const dir = await projectFolderOf({ project: args.project });
  const rows: string[][] = [];
  const listed = await listRoadmaps(dir);
  const ids = listed.map((r) => r.id);
  for (const r of listed) {
    const file = displayName(r.file);
    const text = await readTextFile(r.file, file, 'cannot read data file', { limit: { bytes: MAX_DATA_FILE_BYTES, what: 'data file' } });
    const roadmap = validateDocument(parseDocumentText(text, file), RoadmapSchema, 'the roadmap data');
    checkRoadmapId({ roadmap }, r.id, { file, text }, ids);
    const months = Math.max(...roadmap.plan.entries.map((e) => e.months.to));
    const languages = [roadmap.meta.language, ...r.overlays.filter((l) => l !== roadmap.meta.language)];
    rows.push([r.id, roadmap.meta.title, `${roadmap.levels.length} levels`, `${months} months`, languages.join(', ')]);
  }
  const widths = rows.reduce((w, row) => row.map((c, i) => Math.max(w[i] ?? 0, c.length)), [] as number[]);
  for (const row of rows) io.out(row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  '));
  return 0;
}

/** `roadmap-press tracks`: the data's specialization ids, which `--track` takes. */
export async function runTracks(args: ProjectArgs, io: CliIO): Promise<number> {
  const roadmap = await chosenRoadmap(args);
  const width = Math.max('general'.length, ...roadmap.specializations.map((s) => s.id.length));
  const capstone = roadmap.plan.capstone;
  io.out(`${'general'.padEnd(width)}  General path${capstone ? ` (${capstone.title})` : ''}`);
  for (const s of roadmap.specializations) io.out(`${s.id.padEnd(width)}  ${s.name}: ${s.summary}`);
  return 0;
}

/** `roadmap-press levels`: the data's level codes, which `--level` takes. */
export async function runLevels(args: ProjectArgs, io: CliIO): Promise<number> {
  const roadmap = await chosenRoadmap(args);
  const width = Math.max(...roadmap.levels.map((l) => l.code.length));
  for (const l of roadmap.levels) io.out(`${l.code.padEnd(width)}  ${l.title}`);
  return 0;
}

/** The commands that read the roadmap data (or its schema) and print it: no build, no fonts. */
import { resolve } from 'node:path';
import { readProjectSources } from '../../node/read-sources.js';
import { FALLBACK_LABELS_LOCALE, loadRoadmap, type LoadedRoadmap } from '../../load/load-roadmap.js';
import { roadmapJsonSchema } from '../../schema/json-schema.js';
import type { CliIO } from '../run-command.js';

/** `roadmap-press validate [file]`: every problem of a data file, or a one-line summary. */
export async function runValidate(file: string | undefined, io: CliIO): Promise<number> {
  const sources = await readProjectSources(file === undefined ? {} : { data: resolve(file) });
  // Asked to validate: always run the schemas, even on files the bundle validated ahead.
  const loaded = loadRoadmap(sources, new Map());
  const { roadmap } = loaded;
  io.out(`${sources.data.file}: ok (${roadmap.levels.length} levels, ${roadmap.plan.entries.length} plan entries, ${roadmap.specializations.length} specializations)`);
  for (const line of localeReport(loaded)) io.out(`  ${line}`);
  return 0;
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

/** `roadmap-press tracks`: the data's specialization ids, which `--track` takes. */
export async function runTracks(data: string | undefined, io: CliIO): Promise<number> {
  const { roadmap } = loadRoadmap(await readProjectSources(data === undefined ? {} : { data }));
  const width = Math.max('general'.length, ...roadmap.specializations.map((s) => s.id.length));
  const capstone = roadmap.plan.capstone;
  io.out(`${'general'.padEnd(width)}  General path${capstone ? ` (${capstone.title})` : ''}`);
  for (const s of roadmap.specializations) io.out(`${s.id.padEnd(width)}  ${s.name}: ${s.summary}`);
  return 0;
}

/** `roadmap-press levels`: the data's level codes, which `--level` takes. */
export async function runLevels(data: string | undefined, io: CliIO): Promise<number> {
  const { roadmap } = loadRoadmap(await readProjectSources(data === undefined ? {} : { data }));
  const width = Math.max(...roadmap.levels.map((l) => l.code.length));
  for (const l of roadmap.levels) io.out(`${l.code.padEnd(width)}  ${l.title}`);
  return 0;
}

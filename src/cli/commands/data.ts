/** The commands that read the roadmap data (or its schema) and print it: no build, no fonts. */
import { resolve } from 'node:path';
import { readProjectSources } from '../../node/read-sources.js';
import { loadRoadmap } from '../../load/load-roadmap.js';
import { roadmapJsonSchema } from '../../schema/json-schema.js';
import type { CliIO } from '../run-command.js';

/** `roadmap-press validate [file]`: every problem of a data file, or a one-line summary. */
export async function runValidate(file: string | undefined, io: CliIO): Promise<number> {
  const sources = await readProjectSources(file === undefined ? {} : { data: resolve(file) });
  // Asked to validate: always run the schemas, even on files the bundle validated ahead.
  const { roadmap } = loadRoadmap(sources, new Map());
  io.out(`${sources.data.file}: ok (${roadmap.levels.length} levels, ${roadmap.plan.entries.length} plan entries, ${roadmap.specializations.length} specializations)`);
  return 0;
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

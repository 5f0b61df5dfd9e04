import { resolve } from 'node:path';
import { loadRoadmap } from '../../pipeline/prepare-project.js';
import { readProjectSources } from '../../node/read-sources.js';
import type { CliIO } from '../run-command.js';

export async function runValidate(file: string | undefined, io: CliIO): Promise<number> {
  const sources = await readProjectSources(file === undefined ? {} : { data: resolve(file) });
  // Asked to validate: always run the schemas, even on files the bundle validated ahead.
  const { roadmap } = loadRoadmap(sources, new Map());
  io.out(`${sources.data.file}: ok (${roadmap.levels.length} levels, ${roadmap.plan.entries.length} plan entries, ${roadmap.specializations.length} specializations)`);
  return 0;
}

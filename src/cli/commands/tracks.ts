import { loadRoadmap } from '../../pipeline/prepare-project.js';
import { readProjectSources } from '../../node/read-sources.js';
import type { CliIO } from '../run-command.js';

export async function runTracks(data: string | undefined, io: CliIO): Promise<number> {
  const { roadmap } = loadRoadmap(await readProjectSources(data === undefined ? {} : { data }));
  const width = Math.max('general'.length, ...roadmap.specializations.map((s) => s.id.length));
  io.out(`${'general'.padEnd(width)}  General path (${roadmap.plan.generalCapstone.title})`);
  for (const s of roadmap.specializations) io.out(`${s.id.padEnd(width)}  ${s.name}: ${s.summary}`);
  return 0;
}

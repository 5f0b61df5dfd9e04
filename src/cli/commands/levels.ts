import { loadRoadmap } from '../../pipeline/prepare-project.js';
import { readProjectSources } from '../../node/read-sources.js';
import type { CliIO } from '../run-command.js';

/** `roadmap-press levels`: the data's level codes, which `--level` takes. */
export async function runLevels(data: string | undefined, io: CliIO): Promise<number> {
  const { roadmap } = loadRoadmap(await readProjectSources(data === undefined ? {} : { data }));
  const width = Math.max(...roadmap.levels.map((l) => l.code.length));
  for (const l of roadmap.levels) io.out(`${l.code.padEnd(width)}  ${l.title}`);
  return 0;
}

import { relative } from 'node:path';
import type { ArgumentsCamelCase } from 'yargs';
import { buildToDisk } from '../../node/build-to-disk.js';
import { resolveRunConfig } from '../../node/config.js';
import { RoadmapError } from '../../errors.js';
import { paramFlag, runFlags, type BuildArgs } from '../options.js';
import type { CliIO } from '../run-command.js';
import { watchAndRebuild } from './watch.js';

export async function runBuild(args: ArgumentsCamelCase<BuildArgs> | BuildArgs, io: CliIO): Promise<number> {
  const once = async (verb: 'built' | 'rebuilt' = 'built') => {
    const { params, out, sources, buildOptions, now } = await resolveRunConfig(runFlags(args));
    const result = await buildToDisk({ params, out, sources, ...buildOptions, now }).catch((e: unknown) => {
      // The library names the parameter (`start`); here the user typed a flag (`--start`).
      throw e instanceof RoadmapError ? e.relabelParams(paramFlag) : e;
    });
    for (const w of result.warnings) io.err(w);
    const nearest = result.view.nearestPlan;
    if (nearest) io.out(`note: the roadmap has no plan for ${nearest.level}; the files follow the plan for ${nearest.plan}, the nearest level`);
    const shown = relative(process.cwd(), result.dir) || result.dir;
    io.out(`${verb} ${shown}/ (${result.view.learner.name}, ${result.view.trackName}, ${result.view.locale}, ${result.view.paper})`);
    for (const f of result.files) io.out(`  ${relative(result.dir, f.path)}  ${formatBytes(f.bytes)}`);
  };
  if (!args.watch) {
    await once();
    return 0;
  }
  return watchAndRebuild(args, once, io);
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`;
}

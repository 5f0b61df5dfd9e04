import { relative } from 'node:path';
import type { ArgumentsCamelCase } from 'yargs';
import { buildToDisk } from '../../node/build-to-disk.js';
import { loadConfig } from '../../node/load-config.js';
import { PARAM_KEYS, type ParamsInput } from '../../schema/params.js';
import { outputSettings, paramsFromArgs, type BuildArgs } from '../options.js';
import type { CliIO } from '../run-command.js';
import { watchAndRebuild } from './watch.js';

/** Flags win over the config file; the config file wins over defaults. */
async function mergedOptions(args: BuildArgs) {
  const { config } = await loadConfig(args.config);
  const flags = paramsFromArgs(args);
  const params: ParamsInput = {};
  for (const k of PARAM_KEYS) {
    const v = flags[k] ?? config[k];
    if (v !== undefined) (params as Record<string, unknown>)[k] = v;
  }
  const { out, paths, buildOptions } = outputSettings(args, config);
  return { params, out, sources: { ...paths, readmeTemplate: args.readmeTemplate, workbookTemplate: args.workbookTemplate }, buildOptions };
}

export async function runBuild(args: ArgumentsCamelCase<BuildArgs> | BuildArgs, io: CliIO): Promise<number> {
  const once = async (verb: 'built' | 'rebuilt' = 'built') => {
    const { buildOptions, ...opts } = await mergedOptions(args);
    const result = await buildToDisk({ ...opts, ...buildOptions, sourceDateEpoch: process.env.SOURCE_DATE_EPOCH });
    for (const w of result.warnings) io.err(w);
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

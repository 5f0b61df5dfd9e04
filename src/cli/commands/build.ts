import { watch } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { ArgumentsCamelCase } from 'yargs';
import { buildToDisk } from '../../node/build-to-disk.js';
import { loadConfig } from '../../node/load-config.js';
import { packageRoot } from '../../node/version.js';
import { PARAM_KEYS, type ParamsInput } from '../../schema/params.js';
import { outputSettings, type BuildArgs } from '../options.js';
import { reportError, type CliIO } from '../run-command.js';

/** Flags win over the config file; the config file wins over defaults. */
async function mergedOptions(args: BuildArgs) {
  const { config } = await loadConfig(args.config);
  const pick = <K extends keyof ParamsInput>(k: K) => (args[k as keyof BuildArgs] ?? config[k]) as ParamsInput[K];
  const params: ParamsInput = {};
  for (const k of PARAM_KEYS) {
    const v = pick(k);
    if (v !== undefined) (params as Record<string, unknown>)[k] = v;
  }
  const { out, paths, buildOptions } = outputSettings(args, config);
  return { params, out, sources: { ...paths, readmeTemplate: args.readmeTemplate, workbookTemplate: args.workbookTemplate }, buildOptions };
}

export async function runBuild(args: ArgumentsCamelCase<BuildArgs> | BuildArgs, io: CliIO): Promise<number> {
  const once = async () => {
    const { buildOptions, ...opts } = await mergedOptions(args);
    const result = await buildToDisk({ ...opts, ...buildOptions, sourceDateEpoch: process.env.SOURCE_DATE_EPOCH });
    for (const w of result.warnings) io.err(w);
    const shown = relative(process.cwd(), result.dir) || result.dir;
    io.out(`built ${shown}/ (${result.view.learner.name}, ${result.view.trackName}, ${result.view.locale}, ${result.view.paper})`);
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

/** Rebuilds on changes to data, templates or config; errors are printed, never fatal. */
async function watchAndRebuild(args: BuildArgs, once: () => Promise<void>, io: CliIO): Promise<number> {
  const opts = await mergedOptions(args);
  const dirs = new Set<string>([
    dirname(resolve(opts.sources.data ?? resolve(packageRoot, 'data', 'roadmap.yaml'))),
    resolve(opts.sources.templates ?? resolve(packageRoot, 'templates')),
    process.cwd(),
  ]);
  if (opts.sources.readmeTemplate) dirs.add(dirname(resolve(opts.sources.readmeTemplate)));
  if (opts.sources.workbookTemplate) dirs.add(dirname(resolve(opts.sources.workbookTemplate)));
  const outDir = resolve(opts.out);
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const rebuild = () => {
    running = running.then(async () => {
      try {
        await once();
      } catch (e) {
        reportError(e, Boolean(args.debug), io);
      }
      io.out('watching for changes… (Ctrl-C to stop)');
    });
  };
  rebuild();
  for (const dir of dirs) {
    watch(dir, { recursive: true }, (_event, file) => {
      const changed = file ? resolve(dir, file.toString()) : dir;
      // Our own output (and its temp files) must not trigger a rebuild loop.
      if (changed.startsWith(outDir) || changed.endsWith('.tmp') || changed.includes('node_modules')) return;
      if (!/\.(ya?ml|json|hbs|md)$/.test(changed)) return;
      clearTimeout(timer);
      timer = setTimeout(rebuild, 150);
    });
  }
  await new Promise<never>(() => {});
  return 0;
}

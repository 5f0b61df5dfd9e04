import yargs from 'yargs';
import { ExitCode, RoadmapError } from '../errors.js';
import { batchOptions, buildOptions, proofOptions, type BatchArgs, type BuildArgs, type ProofArgs } from './options.js';
import { processIO, reportError, type CliIO } from './run-command.js';

/**
 * The command line: parses, calls the library, maps errors to exit codes (0 ok, 1 bad input
 * or data, 2 usage, 70 bug). Returns the exit code instead of exiting, so tests run it
 * in-process.
 */
export async function cli(argv: string[], version: string, io: CliIO = processIO): Promise<number> {
  let code: number = ExitCode.ok;
  const debug = argv.includes('--debug');
  const guard = (fn: () => Promise<number> | number) => async () => {
    try {
      code = await fn();
    } catch (e) {
      code = reportError(e, debug, io);
    }
  };

  const parser = yargs()
    .scriptName('roadmap-press')
    .usage('$0 <command> [options]\n\nTurns a career roadmap into a personal PDF workbook, a GitHub README and a calendar.')
    .command<BuildArgs>(
      ['build', '$0'],
      'Build one learner\'s workbook, README and calendar into out/<slug>/',
      (y) => buildOptions(y).option('watch', { type: 'boolean', describe: 'Rebuild when data, templates or config change' }),
      (args) => guard(async () => (await import('./commands/build.js')).runBuild(args, io))(),
    )
    .command<{ file?: string }>('validate [file]', 'Check a roadmap data file and report every problem with its line', (y) =>
      y.positional('file', { type: 'string', describe: 'Data file [default: the shipped data/roadmap.yaml]' }),
      (args) => guard(async () => (await import('./commands/validate.js')).runValidate(args.file, io))(),
    )
    .command<BatchArgs>(
      'batch <list>',
      'Build many learners from a YAML, JSON or CSV list (or a matrix:) on all cores',
      (y) => batchOptions(y),
      (args) => guard(async () => (await import('./commands/batch.js')).runBatchCommand(args, io))(),
    )
    .command<{ manifests: string[]; out: string }>(
      'merge-manifests <manifests..>',
      "Join the manifests of a sharded batch's jobs into one",
      (y) =>
        y
          .positional('manifests', { type: 'string', array: true, demandOption: true, describe: 'manifest.json files of the shards' })
          .option('out', { type: 'string', default: 'out/manifest.json', describe: 'Merged manifest path' }),
      (args) => guard(async () => (await import('./commands/batch.js')).runMergeManifests(args.manifests, args.out, io))(),
    )
    .command<ProofArgs>(
      'proof <file>',
      "Typeset a text file with the workbook's fonts and report glyph coverage (for maintainers adding Bengali content)",
      (y) => proofOptions(y),
      (args) => guard(async () => (await import('./commands/proof-command.js')).runProofCommand(args, io))(),
    )
    .command('schema', 'Print the JSON Schema of the roadmap data', {}, () => guard(async () => (await import('./commands/schema.js')).runSchema(io))())
    .command<{ data?: string }>('tracks', 'List the specialization ids to use with --track', (y) => y.option('data', { type: 'string', describe: 'Roadmap data file' }),
      (args) => guard(async () => (await import('./commands/tracks.js')).runTracks(args.data, io))(),
    )
    .option('config', { type: 'string', describe: 'Config file [default: ./roadmap-press.config.yaml or .json if present]', global: true })
    .option('debug', { type: 'boolean', describe: 'Show stack traces for errors', global: true })
    .example('$0 build --name "Rahim Uddin" --start 2027-01 --track llmops', 'A Bengali A4 workbook starting January 2027 on the LLMOps track')
    .example('$0 build --locale en --paper Letter --level L2', 'An English Letter-size workbook for someone at L2')
    .example('$0 validate data/roadmap.yaml', 'Check edited data before a batch')
    .example('$0 schema > data/roadmap.schema.json', 'Refresh the schema editors use for autocomplete')
    .strict()
    .recommendCommands()
    .version(version)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((msg, err) => {
      if (err && !(err instanceof RoadmapError)) throw err;
      throw new RoadmapError('usage', `${msg ?? err?.message}\nRun "roadmap-press --help" for usage.`);
    })
    .exitProcess(false);

  try {
    // With a parse callback yargs hands over --help/--version text instead of printing it,
    // so it goes through `io` like everything else.
    let printed = '';
    await parser.parseAsync(argv, {}, (_err, _args, output) => {
      printed = output;
    });
    if (printed) io.out(printed);
  } catch (e) {
    return reportError(e, debug, io);
  }
  return code;
}

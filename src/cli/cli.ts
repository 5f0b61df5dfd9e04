import yargs from 'yargs';
import { ExitCode, RoadmapError } from '../errors.js';
import { batchOptions, buildOptions, projectOptions, proofOptions, type BatchArgs, type ProofArgs } from './options.js';
import { processIO, reportError, type CliIO } from './run-command.js';
import { declaredFlags, unknownArgumentsMessage, usageError } from './usage-hints.js';

type Runner = (args: Record<string, unknown>, io: CliIO) => Promise<number> | number;

/**
 * What each command runs, imported only when that command is used. yargs only parses: a
 * command with a handler makes yargs render the whole help text on every run (to have it
 * ready for `showHelp()`), ~150 ms of a cold `build`.
 */
const runners: Record<string, Runner> = {
  build: async (args, io) => (await import('./commands/build.js')).runBuild(args, io),
  validate: async (args, io) => (await import('./commands/data.js')).runValidate({ ...projectArgs(args), file: typeof args.file === 'string' ? args.file : undefined }, io),
  init: async (args, io) => (await import('./commands/init.js')).runInit({ dir: typeof args.dir === 'string' ? args.dir : undefined, templates: args.templates === true }, io),
  batch: async (args, io) => (await import('./commands/batch.js')).runBatchCommand(args as unknown as BatchArgs, io),
  'merge-manifests': async (args, io) => (await import('./commands/batch.js')).runMergeManifests(args.manifests as string[], args.out as string, io, { allowPartial: Boolean(args.allowPartial) }),
  proof: async (args, io) => (await import('./commands/proof-command.js')).runProofCommand(args as unknown as ProofArgs, io),
  schema: async (_args, io) => (await import('./commands/data.js')).runSchema(io),
  roadmaps: async (args, io) => (await import('./commands/data.js')).runRoadmaps(projectArgs(args), io),
  tracks: async (args, io) => (await import('./commands/data.js')).runTracks(projectArgs(args), io),
  levels: async (args, io) => (await import('./commands/data.js')).runLevels(projectArgs(args), io),
};

/** `--project`, `--data`, `--roadmap` as the listing commands take them; yargs types every flag as unknown. */
function projectArgs(args: Record<string, unknown>): { project?: string; data?: string; roadmap?: string } {
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { project: text(args.project), data: text(args.data), roadmap: text(args.roadmap) };
}

/** Arguments that are lists; every other flag given twice takes its last value. */
const LIST_ARGS = new Set(['_', '--', 'manifests']);

/**
 * The command line: parses, calls the library, maps errors to exit codes (0 ok, 1 bad input
 * or data, 2 usage, 70 bug). Returns the exit code instead of exiting, so tests run it
 * in-process.
 */
export async function cli(argv: string[], version: string, io: CliIO = processIO): Promise<number> {
  const debug = argv.includes('--debug');
  const parsedArgv = asDefaultCommand(argv);
  // The flags of the command being parsed, for suggestions: yargs runs only that command's builder.
  let flags: string[] = [];
  const known = <Y extends object>(y: Y): Y => {
    flags = declaredFlags(y);
    return y;
  };
  const parser = yargs()
    .scriptName('roadmap-press')
    .usage('$0 <command> [options]\n\nTurns a career roadmap into a personal PDF workbook, a GitHub README and a calendar.')
    .command(['build', '$0'], "Build one learner's workbook, README and calendar into out/<slug>/", (y) =>
      known(buildOptions(y).option('watch', { type: 'boolean', describe: 'Rebuild when data, labels, templates, fonts or config change' })),
    )
    .command('validate [file]', "Check a roadmap data file, or every roadmap of the project, and report every problem with its line", (y) =>
      known(projectOptions(y, true).positional('file', { type: 'string', describe: 'Data file [default: every roadmaps/<id>/roadmap.yaml of the project]' })),
    )
    .command('init [dir]', 'Start a roadmap project: a starter roadmap, its schema, labels and a config file; never overwrites', (y) =>
      known(
        y
          .positional('dir', { type: 'string', describe: 'Folder to write the project into (created if missing) [default: the working directory]' })
          .option('templates', { type: 'boolean', describe: 'Also copy the shipped templates/ into the project to customize' }),
      ),
    )
    .command('batch <list>', 'Build many learners from a YAML, JSON or CSV list (or a matrix:) on all cores', (y) => known(batchOptions(y)))
    .command('merge-manifests <manifests..>', "Join the manifests of a sharded batch's jobs into one", (y) =>
      known(
        y
          .positional('manifests', { type: 'string', array: true, demandOption: true, describe: 'manifest.json files of the shards' })
          .option('out', { type: 'string', default: 'out/manifest.json', describe: 'Merged manifest path' })
          .option('allow-partial', { type: 'boolean', describe: 'Merge shards that do not cover the whole list; the manifest then says "partial": true' }),
      ),
    )
    .command(
      'proof <file>',
      "Typeset a text file with the workbook's fonts and report glyph coverage (for maintainers adding Bengali content)",
      (y) => known(proofOptions(y)),
    )
    .command('schema', 'Print the JSON Schema of the roadmap data', (y) => known(y))
    .command('roadmaps', "List the project's roadmaps to use with --roadmap", (y) => known(projectOptions(y, false)))
    .command('tracks', 'List the specialization ids to use with --track', (y) => known(projectOptions(y, true)))
    .command('levels', 'List the level codes to use with --level', (y) => known(projectOptions(y, true)))
    .option('config', { type: 'string', describe: 'Config file [default: ./roadmap-press.config.yaml or .json if present]', global: true })
    .option('debug', { type: 'boolean', describe: 'Show stack traces for errors', global: true })
    .example('$0 build --name "Rahim Uddin" --start 2027-01 --track llmops', 'A Bengali A4 workbook starting January 2027 on the LLMOps track')
    .example('$0 build --locale en --paper Letter --level L2', 'An English Letter-size workbook for someone at L2')
    .example('$0 init my-roadmaps', 'Start a roadmap project in my-roadmaps/ to edit and build')
    .example('$0 validate my/roadmap.yaml', 'Check edited data before a batch')
    .example('$0 schema > roadmap.schema.json', 'Refresh the schema editors use for autocomplete')
    // A flag given twice takes its last value (as in most tools), instead of becoming an array
    // that the commands, which expect one string or number, would crash on. Not yargs'
    // `duplicate-arguments-array: false`: that also cuts merge-manifests' file list to one.
    // `_` and `--` are yargs' own lists of positionals.
    .middleware((args) => {
      for (const [key, value] of Object.entries(args)) {
        if (!LIST_ARGS.has(key) && Array.isArray(value)) args[key] = value.at(-1);
      }
    }, true)
    .strict()
    .recommendCommands()
    .version(version)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((msg, err) => {
      if (err instanceof RoadmapError) throw err;
      // Our own checks and coercions throw usage errors (above); any other thrown error is a
      // bug, not the user's doing. Only yargs' own complaints (a message, or its YError) remain.
      if (err && err.name !== 'YError') throw err;
      const text = msg ?? err?.message ?? 'invalid command line';
      const commands = Object.keys(runners);
      throw usageError(unknownArgumentsMessage(text, parsedArgv, commands, [...new Set([...flags, ...declaredFlags(parser)])]) ?? text);
    })
    .exitProcess(false);

  try {
    // With a parse callback yargs hands over --help/--version text instead of printing it,
    // so it goes through `io` like everything else.
    let printed = '';
    const args = (await parser.parseAsync(parsedArgv, {}, (_err, _args, output) => {
      printed = output;
    })) as Record<string, unknown> & { _: Array<string | number> };
    if (printed) {
      io.out(printed);
      return ExitCode.ok;
    }
    const runner = runners[String(args._[0] ?? 'build')];
    if (!runner) throw usageError(`unknown command "${String(args._[0])}"`);
    return await runner(args, io);
  } catch (e) {
    return reportError(e, debug, io);
  }
}

/**
 * `build` is also the default command, and yargs renders the whole help text for every command
 * named on the command line (to have it ready for `showHelp()`; ~40 ms of a cold build), but not
 * for the default one. So a leading `build` followed by options (or nothing) is dropped: both
 * parse the same options through the same builder. It stays where it changes the meaning: with
 * help asked for (the command's own help is wanted) or before a word (`build schema` is an
 * error, not `schema`).
 */
function asDefaultCommand(argv: string[]): string[] {
  if (argv[0] !== 'build' || argv.some((a) => a === '--help' || a === '-h')) return argv;
  if (argv[1] !== undefined && !argv[1].startsWith('-')) return argv;
  return argv.slice(1);
}

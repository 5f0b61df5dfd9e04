import type { Argv } from 'yargs';
import { ProofStyles, type ProofStyle } from '../schema/choices.js';
import type { RunFlags } from '../node/config.js';
import { PARAM_KEYS, PARAM_META, type ParamKey, type ParamMeta, type ParamsInput } from '../schema/params.js';
import { choiceOption, usageError } from './usage-hints.js';

/**
 * Option definitions, kept apart from the commands so that `--help` and `--version` do not
 * load the PDF pipeline: each command's module is imported only when it runs.
 */
/** What `build` and `batch` share: where inputs come from, where files go, how PDFs are made. */
interface OutputArgs {
  out?: string;
  project?: string;
  data?: string;
  templates?: string;
  fonts?: string;
  config?: string;
  fillable?: boolean;
  allowMissingGlyphs?: boolean;
}

/** What the command line says of a run, for node/config.ts to layer over the config file. */
export function runFlags(args: OutputArgs & Partial<Pick<BuildArgs, 'readmeTemplate' | 'workbookTemplate'>> & ParamArgs): RunFlags {
  return {
    config: args.config,
    params: paramsFromArgs(args),
    out: args.out,
    project: args.project,
    data: args.data,
    templates: args.templates,
    fonts: args.fonts,
    readmeTemplate: args.readmeTemplate,
    workbookTemplate: args.workbookTemplate,
    fillable: args.fillable,
    allowMissingGlyphs: args.allowMissingGlyphs,
  };
}

function outputOptions<T>(y: Argv<T>) {
  return y
    .option('out', { type: 'string', describe: 'Output folder [default: out]' })
    .option('project', { type: 'string', describe: 'Project folder holding roadmaps/<id>/roadmap.yaml [default: the working directory if it has roadmaps/, else the shipped project]' })
    .option('data', { type: 'string', describe: 'One roadmap data file, instead of a project (then it is the only roadmap)' })
    .option('templates', { type: 'string', describe: 'Folder with readme.md.hbs, workbook.md.hbs and partials/' })
    .option('fonts', { type: 'string', describe: 'Folder with stacks.json and the font files [default: the shipped fonts/]' })
    .option('fillable', { type: 'boolean', describe: 'Make the PDF fillable on screen: real checkboxes and text fields' })
    .option('allow-missing-glyphs', { type: 'boolean', describe: 'Draw characters no font covers as a replacement (with a warning) instead of failing' });
}

/** The learner parameters as the command line gives them: a number where the flag takes one. */
type ParamArgs = { [K in ParamKey]?: (typeof PARAM_META)[K]['type'] extends 'number' ? number : string };

export interface BuildArgs extends OutputArgs, ParamArgs {
  readmeTemplate?: string;
  workbookTemplate?: string;
  watch?: boolean;
  debug?: boolean;
}

/** `--start` for `start`: how the command line names a parameter in its messages. */
export function paramFlag(key: string): string | undefined {
  const meta: ParamMeta | undefined = (PARAM_META as Partial<Record<string, ParamMeta>>)[key];
  return meta === undefined ? undefined : `--${meta.flag}`;
}

/** The help line of a parameter's flag: its description, choices and default from PARAM_META. */
function describeParam(meta: ParamMeta): string {
  const choices = meta.choices ? ` [choices: ${meta.choices.join(', ')}]` : '';
  const fallback = meta.default ?? meta.absent;
  return `${meta.description}${choices}${fallback === undefined ? '' : ` [default: ${fallback}]`}`;
}

/** yargs' key for a flag: `--allow-x` is `allowX`. */
function argKey(flag: string): string {
  return flag.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** One option per learner parameter, made from PARAM_META, in its order. */
function paramOptions<T>(y: Argv<T>): Argv<T> {
  let out = y;
  for (const key of PARAM_KEYS) {
    const meta: ParamMeta = PARAM_META[key];
    // yargs' own `choices` compares exactly; the coerce matches `a4` and suggests (see choiceOption).
    const coerce = meta.choices ? { coerce: choiceOption(meta.flag, meta.choices) } : {};
    out = out.option(meta.flag, { type: meta.type, describe: describeParam(meta), ...coerce });
  }
  return out;
}

/** The learner parameters given as flags, by parameter name; absent flags are left out. */
export function paramsFromArgs(args: ParamArgs): ParamsInput {
  const params: Record<string, unknown> = {};
  for (const key of PARAM_KEYS) {
    const value: unknown = Reflect.get(args, argKey(PARAM_META[key].flag));
    if (value !== undefined) params[key] = value;
  }
  // The schema checks each value; this only gathers them under their parameter names.
  return params;
}

export function buildOptions<T>(y: Argv<T>) {
  return paramOptions(outputOptions(y))
    .option('readme-template', { type: 'string', describe: 'README template file' })
    .option('workbook-template', { type: 'string', describe: 'Workbook template file' });
}

export interface BatchArgs extends OutputArgs {
  list: string;
  jobs?: number;
  shard?: string;
  keepGoing?: boolean;
  failFast?: boolean;
  skipUnchanged?: boolean;
  json?: boolean;
  quiet?: boolean;
}

export function batchOptions<T>(y: Argv<T>) {
  return outputOptions(y)
    .positional('list', { type: 'string', demandOption: true, describe: 'Learner list: .yaml, .json or .csv' })
    .option('jobs', { type: 'number', describe: 'Worker threads [default: number of cores]' })
    .option('shard', { type: 'string', describe: 'Build only slice i of n (i/n), for a CI matrix' })
    .option('keep-going', { type: 'boolean', default: true, describe: 'Build the rest when one learner fails' })
    .option('fail-fast', { type: 'boolean', describe: 'Stop at the first failure (and build nothing if a row is invalid)' })
    .option('skip-unchanged', { type: 'boolean', describe: 'Skip learners whose inputs and files are unchanged' })
    .option('json', { type: 'boolean', describe: 'Print the final summary as JSON' })
    .option('quiet', { type: 'boolean', describe: 'Print nothing but errors' })
    .check((a) => {
      if (a.jobs !== undefined && (!Number.isInteger(a.jobs) || a.jobs < 1)) throw usageError(`--jobs: expected a whole number of at least 1, got ${describeNumber(a.jobs)}`);
      return true;
    });
}

/** Larger than any heading a workbook prints, and small enough that a line still fits a page. */
const MAX_PROOF_SIZE = 200;

/** yargs gives NaN for `--jobs abc`; say what was typed instead. */
function describeNumber(n: unknown): string {
  return typeof n === 'number' && Number.isNaN(n) ? 'something that is not a number' : String(n);
}

export interface ProofArgs {
  file: string;
  out?: string;
  style?: ProofStyle;
  size?: number;
  fonts?: string;
  allowMissingGlyphs?: boolean;
}

export function proofOptions<T>(y: Argv<T>) {
  return y
    .positional('file', { type: 'string', demandOption: true, describe: 'UTF-8 text file: one paragraph per line, # lines skipped' })
    .option('out', { type: 'string', describe: 'PDF to write [default: out/proof-<file>.pdf]' })
    .option('style', { type: 'string', coerce: choiceOption('style', ProofStyles), default: 'regular', describe: `Font style (stack) to typeset with [choices: ${ProofStyles.join(', ')}]` })
    .option('size', { type: 'number', default: 14, describe: 'Font size in points' })
    .option('fonts', { type: 'string', describe: 'Fonts folder (stacks.json and font files) [default: the shipped fonts/]' })
    .option('allow-missing-glyphs', { type: 'boolean', describe: 'Draw characters no font covers as a replacement instead of failing' })
    .check((a) => {
      if (!(a.size > 0 && a.size <= MAX_PROOF_SIZE)) throw usageError(`--size: expected a number of points above 0 and at most ${MAX_PROOF_SIZE}, got ${describeNumber(a.size)}`);
      return true;
    });
}

/** Where the listing commands read a project: `--project`, and with `roadmap` the one roadmap (`--roadmap`, `--data`). */
export function projectOptions<T>(y: Argv<T>, roadmap: boolean) {
  const withProject = y.option('project', { type: 'string', describe: 'Project folder holding roadmaps/<id>/roadmap.yaml [default: the working directory if it has roadmaps/, else the shipped project]' });
  if (!roadmap) return withProject;
  return withProject
    .option('roadmap', { type: 'string', describe: describeParam(PARAM_META.roadmap) })
    .option('data', { type: 'string', describe: 'One roadmap data file, instead of a project' });
}

/** `validate` without a file reads the project's roadmap as `build` picks it: `--project`, `--roadmap`. */
export function validateOptions<T>(y: Argv<T>) {
  return y
    .option('project', { type: 'string', describe: 'Project folder holding roadmaps/<id>/roadmap.yaml [default: the working directory if it has roadmaps/, else the shipped project]' })
    .option('roadmap', { type: 'string', describe: describeParam(PARAM_META.roadmap) });
}

import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseDocumentText } from '../load/parse-document.js';
import { buildTime } from '../personalize/calendar.js';
import { MAX_CONFIG_FILE_BYTES } from '../schema/limits.js';
import { ConfigSchema, PARAM_KEYS, type Config, type ParamsInput } from '../schema/params.js';
import { validateDocument } from '../load/validate-document.js';
import { displayName, type SourcePaths } from './read-sources.js';
import { readTextFile } from './read-text-file.js';

export const CONFIG_NAMES = ['roadmap-press.config.yaml', 'roadmap-press.config.yml', 'roadmap-press.config.json'];

/** What the command line gave for one run; anything absent comes from the config file or a default. */
export interface RunFlags {
  /** The config file to read (must exist); absent: the first of CONFIG_NAMES in the working directory. */
  config?: string | undefined;
  params?: ParamsInput;
  out?: string | undefined;
  project?: string | undefined;
  data?: string | undefined;
  templates?: string | undefined;
  fonts?: string | undefined;
  readmeTemplate?: string | undefined;
  workbookTemplate?: string | undefined;
  fillable?: boolean | undefined;
  allowMissingGlyphs?: boolean | undefined;
}

/** Where a run's inputs come from and its files go, with flags over the config file over defaults. */
export interface RunSettings {
  params: ParamsInput;
  /** The output root, as the user named it. */
  out: string;
  sources: SourcePaths;
  buildOptions: { fillable: boolean; allowMissingGlyphs: boolean };
}

/**
 * Everything one run of `build`, `batch` or `watch` (each rebuild) is made from, decided once: the
 * settings, the config file they were read from, and the build time every file is stamped with.
 * In the spirit of marp-cli's MarpCLIConfig: the commands read this and nothing else.
 */
export interface RunConfig extends RunSettings {
  /** The config file read (an absolute path), or null when there is none. */
  configFile: string | null;
  /** The build time: SOURCE_DATE_EPOCH exactly when set, else the start of the clock's UTC day (see buildTime). */
  now: Date;
}

/** What a run reads of the process: the only place the config takes the environment from. */
export interface RunEnvironment {
  sourceDateEpoch: string | undefined;
  clock: () => Date;
  cwd: string;
}

export function processEnvironment(): RunEnvironment {
  return { sourceDateEpoch: process.env.SOURCE_DATE_EPOCH, clock: () => new Date(), cwd: process.cwd() };
}

/** Reads the config file, layers the flags over it and decides the build time. */
export async function resolveRunConfig(flags: RunFlags, env: RunEnvironment = processEnvironment()): Promise<RunConfig> {
  const { config, file } = await loadConfig(flags.config, env.cwd);
  return { ...layerSettings(flags, config), configFile: file, now: buildTime(env.sourceDateEpoch, env.clock) };
}

/** Flags win over the config file; the config file wins over defaults (the schema's, for parameters). */
export function layerSettings(flags: RunFlags, config: Config): RunSettings {
  const params: ParamsInput = {};
  for (const k of PARAM_KEYS) {
    const v = flags.params?.[k] ?? config[k];
    // Per key, so a value keeps the type its key has: ParamsInput[typeof k] on both sides.
    if (v !== undefined) Object.assign(params, { [k]: v });
  }
  return {
    params,
    out: flags.out ?? config.out ?? 'out',
    sources: {
      project: flags.project ?? config.project,
      data: flags.data ?? config.data,
      templates: flags.templates ?? config.templates,
      fonts: flags.fonts ?? config.fonts,
      readmeTemplate: flags.readmeTemplate,
      workbookTemplate: flags.workbookTemplate,
    },
    buildOptions: { fillable: Boolean(flags.fillable), allowMissingGlyphs: Boolean(flags.allowMissingGlyphs) },
  };
}

/**
 * The config file: `explicit` (must exist), else the first of CONFIG_NAMES in the working
 * directory, else none. Relative paths inside it are taken relative to the file.
 */
export async function loadConfig(explicit: string | undefined, cwd = process.cwd()): Promise<{ config: Config; file: string | null }> {
  let path: string | null = null;
  if (explicit !== undefined) {
    path = resolve(cwd, explicit);
  } else {
    for (const name of CONFIG_NAMES) {
      try {
        await access(join(cwd, name));
        path = join(cwd, name);
        break;
      } catch {
        // not there; try the next name
      }
    }
  }
  if (path === null) return { config: {}, file: null };
  const display = displayName(path, cwd);
  const text = await readTextFile(path, display, 'cannot read config file', { limit: { bytes: MAX_CONFIG_FILE_BYTES, what: 'config file' } });
  const config = validateDocument(parseDocumentText(text, display), ConfigSchema, 'the config file');
  const dir = resolve(path, '..');
  const rebase = (p: string | undefined) => (p === undefined ? undefined : resolve(dir, p));
  return { config: { ...config, out: rebase(config.out), project: rebase(config.project), data: rebase(config.data), templates: rebase(config.templates), fonts: rebase(config.fonts) }, file: path };
}

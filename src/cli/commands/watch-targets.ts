import { readdir } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { CONFIG_NAMES, layerSettings, loadConfig } from '../../node/config.js';
import { resolveRoadmap } from '../../node/project.js';
import { dataFileOf, labelsFolderOf, partialsFoldersOf, templatesFolderOf } from '../../node/read-sources.js';
import { defaultFontDir } from '../../node/load-fonts.js';
import { runFlags, type BuildArgs } from '../options.js';

/**
 * One folder to watch by itself (never recursively: Node 20's recursive watch on Linux loses a
 * file after its first atomic rename), and which of its entries can change the build, so that
 * editors' swap and backup files and our own output do not trigger rebuilds.
 */
export interface WatchTarget {
  dir: string;
  matters: (name: string) => boolean;
}

export interface WatchPlan {
  targets: WatchTarget[];
  /**
   * False when the config file could not be read: only its folder is planned, and watchers
   * planned before must stay, or fixing the data would go unseen while the config is broken.
   */
  complete: boolean;
}

/** Folders never walked into: output, dependencies and history hold nothing a build reads. */
const SKIPPED_FOLDERS = new Set(['out', 'node_modules', '.git']);
/** Deep enough for a fonts folder sorted by family; bounded in case `--fonts` names a big tree. */
const MAX_WALK_DEPTH = 4;
const FONT_FILE = /\.(ttf|otf|json)$/i;

/**
 * What a build with these flags reads, as folders to watch. Planned again after every build,
 * since a changed config can point elsewhere and a new `labels/` or `partials/` folder starts
 * being read.
 */
export async function planWatch(args: BuildArgs): Promise<WatchPlan> {
  const cwd = process.cwd();
  const configTarget = args.config === undefined ? named(cwd, CONFIG_NAMES) : named(dirname(resolve(cwd, args.config)), [basename(args.config)]);
  // The build reports a config error; until it is fixed, the config file is what matters.
  const loaded = await loadConfig(args.config, cwd).catch(() => null);
  if (loaded === null) return { targets: [configTarget], complete: false };
  const { out, sources: projectPaths, params } = layerSettings(runFlags(args), loaded.config);
  // The roadmap the build picks (a project's, by --roadmap); an unknown one is the build's error to report.
  const choice = await resolveRoadmap(projectPaths, params.roadmap).catch(() => null);
  const paths = choice ? { ...projectPaths, ...choice.sources } : projectPaths;
  const dataFile = dataFileOf(paths);
  const templates = await templatesFolderOf(paths);
  const targets = [
    configTarget,
    // `labels` itself: a labels folder appearing beside the data replaces the shipped labels.
    // Its translations too: `roadmap.<locale>.yaml` beside it.
    { dir: dirname(dataFile), matters: (name: string) => name === basename(dataFile) || name === 'labels' || /^roadmap\.[a-z]{2,3}[-A-Za-z0-9]*\.yaml$/.test(name) },
    { dir: await labelsFolderOf(dataFile), matters: (name: string) => /^[a-z]{2,3}[-A-Za-z0-9]*\.yaml$/.test(name) },
    named(templates, ['readme.md.hbs', 'workbook.md.hbs', 'partials']),
    ...partialsFoldersOf(templates).map((dir) => ({ dir, matters: (name: string) => extname(name) === '.hbs' })),
    ...[paths.readmeTemplate, paths.workbookTemplate].flatMap((t) => (t === undefined ? [] : [named(dirname(resolve(cwd, t)), [basename(t)])])),
  ];
  const fontsRoot = resolve(cwd, paths.fonts ?? defaultFontDir());
  for (const dir of await walk(fontsRoot, resolve(cwd, out))) targets.push({ dir, matters: (name) => FONT_FILE.test(name) });
  return { targets: mergeByFolder(targets), complete: true };
}

function named(dir: string, names: readonly string[]): WatchTarget {
  const set = new Set(names);
  return { dir, matters: (name) => set.has(name) };
}

/** A folder and its subfolders (stacks.json may name fonts in subfolders); none if it is missing. */
async function walk(root: string, outDir: string, depth = 0): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch {
    return [];
  }
  const found = [root];
  if (depth >= MAX_WALK_DEPTH) return found;
  for (const e of entries) {
    const path = join(root, e.name);
    if (e.isDirectory() && !SKIPPED_FOLDERS.has(e.name) && path !== outDir) found.push(...(await walk(path, outDir, depth + 1)));
  }
  return found;
}

/** One watcher per folder: the data folder is often the config's or the fonts' folder too. */
function mergeByFolder(targets: WatchTarget[]): WatchTarget[] {
  const byDir = new Map<string, WatchTarget[]>();
  for (const t of targets) byDir.set(t.dir, [...(byDir.get(t.dir) ?? []), t]);
  return [...byDir].map(([dir, ts]) => ({ dir, matters: (name) => ts.some((t) => t.matters(name)) }));
}

import { statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { displayName } from '../../node/read-sources.js';
import type { BuildArgs } from '../options.js';
import { reportError, type CliIO } from '../run-command.js';
import { planWatch, type WatchTarget } from './watch-targets.js';

/** Editors write a file in several steps; one rebuild for all of them. */
const DEBOUNCE_MS = 150;

interface FolderWatch {
  watcher: FSWatcher;
  /** The folder's inode when watched: a folder deleted and made again needs a new watcher. */
  inode: number;
  matters: WatchTarget['matters'];
}

/**
 * Rebuilds whenever a file the build reads changes, until the process is stopped. Folders are
 * watched rather than files, so an editor's atomic save (write a temporary file, rename it over
 * the original) is seen every time, not only the first. Errors are printed, never fatal.
 */
export async function watchAndRebuild(args: BuildArgs, build: (verb: 'built' | 'rebuilt') => Promise<void>, io: CliIO): Promise<never> {
  const folders = new Map<string, FolderWatch>();
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let queued = false;
  let running = Promise.resolve();

  const onEvent = (dir: string, name: string | null) => {
    const folder = folders.get(dir);
    // Without a name the change cannot be filtered; rebuilding is the safe side.
    if (!folder || (name !== null && !folder.matters(name))) return;
    changed.add(name === null ? dir : join(dir, name));
    clearTimeout(timer);
    timer = setTimeout(rebuildSoon, DEBOUNCE_MS);
  };

  const replan = async () => {
    const plan = await planWatch(args);
    const planned = new Map(plan.targets.map((t) => [t.dir, t]));
    for (const [dir, folder] of folders) {
      if ((plan.complete && !planned.has(dir)) || inodeOf(dir) !== folder.inode) {
        folder.watcher.close();
        folders.delete(dir);
      }
    }
    for (const target of plan.targets) {
      const existing = folders.get(target.dir);
      if (existing) {
        existing.matters = target.matters;
        continue;
      }
      const inode = inodeOf(target.dir);
      if (inode === undefined) continue;
      try {
        const watcher = watch(target.dir, (_event, name) => onEvent(target.dir, name));
        // A watched folder that is removed can fail its watcher; the next plan watches it again.
        watcher.on('error', () => {
          watcher.close();
          if (folders.get(target.dir)?.watcher === watcher) folders.delete(target.dir);
        });
        folders.set(target.dir, { watcher, inode, matters: target.matters });
      } catch {
        // Gone between planning and watching: the next plan finds it or not.
      }
    }
  };

  const buildAndReport = async (verb: 'built' | 'rebuilt') => {
    try {
      await build(verb);
    } catch (e) {
      reportError(e, Boolean(args.debug), io);
    }
    try {
      await replan();
    } catch (e) {
      reportError(e, Boolean(args.debug), io);
    }
    io.out('watching for changes… (Ctrl-C to stop)');
  };

  // Changes made while a build runs start one more build after it, never two at once.
  const rebuildSoon = () => {
    if (queued) return;
    queued = true;
    running = running.then(async () => {
      queued = false;
      const files = [...changed].sort();
      changed.clear();
      if (files.length > 0) io.out(`changed: ${files.map((p) => displayName(p)).join(', ')}`);
      await buildAndReport('rebuilt');
    });
  };

  // Watching starts before the first build, so edits made during it are not missed.
  await replan();
  running = buildAndReport('built');
  return new Promise<never>(() => {});
}

function inodeOf(dir: string): number | undefined {
  try {
    return statSync(dir).ino;
  } catch {
    return undefined;
  }
}

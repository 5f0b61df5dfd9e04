import { lstat, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { formatProblem, RoadmapError } from '../errors.js';
import { displayName, readProjectSources, type SourcePaths } from '../node/read-sources.js';
import { readTextFile } from '../node/read-text-file.js';
import { MAX_LIST_FILE_BYTES } from '../schema/limits.js';
import { folderInside, openOutputRoot } from '../node/output-root.js';
import { insideRoot, removeOrphanedTempFiles, writeFileSet } from '../node/write-files.js';
import { ARTIFACT_NAMES, type BuildOptions } from '../pipeline/build-learner.js';
import type { ProjectSources } from '../pipeline/sources.js';
import { loadRoadmap } from '../load/load-roadmap.js';
import { hashValue, sha256 } from './hash.js';
import { jsonBytes, summarize, type Manifest, type ManifestLearner } from './manifest.js';
import { planBatch, singleRoadmap, type RoadmapsOfBatch } from './plan-batch.js';
import type { BatchEntry } from './read-list.js';
import { checkRoadmapId, chooseRoadmap, listRoadmaps, projectFolderOf } from '../node/project.js';
import type { Project } from '../pipeline/prepare-project.js';
import { matchChoice } from '../schema/choices.js';
import { BuildPool, poolSize } from './pool.js';
import type { Progress } from './progress.js';
import { parseBuildRecord, RECORD_FILE, type BuildJob, type BuildRecord } from './protocol.js';
import { readBatchList } from './read-list.js';
import { inShard, type Shard } from './shard.js';

export interface BatchOptions {
  list: string;
  out: string;
  paths: SourcePaths;
  jobs?: number;
  shard?: Shard | null;
  failFast?: boolean;
  skipUnchanged?: boolean;
  /** Fixed "now" for every document (from SOURCE_DATE_EPOCH or the start of today, UTC). */
  now: Date;
  buildOptions?: BuildOptions;
  progress: Progress;
  /** Problems found before building (invalid rows) are reported through this. */
  warn: (text: string) => void;
  /** Notes on how the batch runs (fewer workers than asked): nothing is wrong; `--quiet` drops them. */
  note?: (text: string) => void;
  /** Resolves when the user asks to stop (SIGINT): running builds finish, no new ones start. */
  interrupted?: Promise<void>;
}

export interface BatchResult {
  manifest: Manifest;
  manifestPath: string;
  interrupted: boolean;
  /** Worker threads started (0 when nothing needed building). */
  workers: number;
}

/**
 * Runs a batch: reads and checks the whole list first, then builds this shard's learners on a
 * pool of worker threads and writes `manifest.json`. Invalid rows are reported up front; with
 * --fail-fast nothing is built if any row is invalid, otherwise the valid ones are built.
 */
export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  // Real path: workers compare every folder they write against it. Created on the first
  // write, so a batch stopped by --fail-fast leaves no folder behind.
  const out = openOutputRoot(options.out, { create: false });
  return planAndBuild(options, out);
}

/**
 * The sources of every roadmap the rows name (and of the default one), read once, here: the
 * workers build from exactly the bytes the input hashes are made of. The roadmaps share one
 * templates and one fonts object, so the workers receive the font bytes once.
 */
async function readBatchRoadmaps(paths: SourcePaths, entries: BatchEntry[]): Promise<{ sources: Record<string, ProjectSources>; roadmaps: RoadmapsOfBatch }> {
  const sources: Record<string, ProjectSources> = {};
  const checked = new Map<string, Pick<Project, 'roadmap' | 'translations' | 'labels' | 'version'>>();
  let shared: ProjectSources | undefined;
  let roadmapIds: string[] = [];
  const add = async (paths: SourcePaths, folderId: string | null): Promise<string> => {
    const read = { ...(await readProjectSources(paths)), roadmapIds };
    const own = shared ? { ...read, templates: shared.templates, ...(shared.fonts ? { fonts: shared.fonts } : {}) } : read;
    shared ??= own;
    const project = { ...loadRoadmap(own), version: own.version };
    checkRoadmapId(project, folderId, own.data, roadmapIds);
    sources[project.roadmap.meta.id] = own;
    checked.set(project.roadmap.meta.id, project);
    return project.roadmap.meta.id;
  };
  if (paths.data !== undefined) {
    const project = checked.get(await add(paths, null));
    // add() has just set it.
    if (!project) throw new Error('the data file was not loaded');
    return { sources, roadmaps: singleRoadmap(project) };
  }
  const listed = await listRoadmaps(await projectFolderOf(paths));
  roadmapIds = listed.map((r) => r.id);
  const wanted = new Set<string>([chooseRoadmap(listed, undefined).id]);
  for (const e of entries) {
    const match = listed.find((r) => r.id === matchChoice(e.params.roadmap ?? '', listed.map((l) => l.id)));
    if (match) wanted.add(match.id);
  }
  for (const r of listed) if (wanted.has(r.id)) await add({ ...paths, data: r.file }, r.id);
  return { sources, roadmaps: { choose: (w) => chooseRoadmap(listed, w).id, get: (id) => checked.get(id) } };
}

async function planAndBuild(options: BatchOptions, out: string): Promise<BatchResult> {
  const listPath = resolve(options.list);
  const listName = displayName(listPath);
  const text = await readTextFile(listPath, listName, 'cannot read learner list', { limit: { bytes: MAX_LIST_FILE_BYTES, what: 'learner list' } });
  const entries = readBatchList({ file: listName, text });
  // The main thread only checks rows against the data; workers prepare templates and fonts.
  const { sources, roadmaps } = await readBatchRoadmaps(options.paths, entries);
  const version = Object.values(sources)[0]?.version ?? '';
  const plan = planBatch(roadmaps, entries, options.now);
  const shard = options.shard ?? null;

  if (plan.invalid.length > 0) {
    const lines = plan.invalid.flatMap((i) => i.problems.map((p) => `  ${formatProblem(p)}`));
    const n = plan.invalid.length;
    if (options.failFast) throw new RoadmapError('params', `${n} learner${n === 1 ? '' : 's'} in ${listName} cannot be built`, plan.invalid.flatMap((i) => i.problems));
    options.warn(`warning: ${n} learner${n === 1 ? '' : 's'} in ${listName} cannot be built and will be skipped:\n${lines.join('\n')}`);
  }

  await removeOrphanedTempFiles(out);
  // Everything that decides a learner's bytes, except the learner's own parameters.
  const sharedHashes = new Map(Object.entries(sources).map(([id, s]) => [id, hashValue({ sources: s, now: options.now.toISOString(), buildOptions: options.buildOptions ?? {} })]));
  const learners = new Map<number, ManifestLearner>();
  for (const { entry, problems } of plan.invalid) {
    if (!inShard(entry.index, shard)) continue;
    learners.set(entry.index, { index: entry.index, id: entry.id ?? null, roadmap: null, folder: null, params: entry.params, status: 'invalid', files: [], durationMs: 0, inputHash: null, error: problems.map(formatProblem).join('\n') });
  }

  const jobs: BuildJob[] = [];
  for (const b of plan.builds) {
    if (!inShard(b.entry.index, shard)) continue;
    const inputHash = hashValue({ sharedHash: sharedHashes.get(b.roadmap), roadmap: b.roadmap, params: b.params, folder: b.folder });
    const base: ManifestLearner = { index: b.entry.index, id: b.entry.id ?? null, roadmap: b.roadmap, folder: b.folder, params: b.entry.params, status: 'ok', files: [], durationMs: 0, inputHash, error: null };
    const record = options.skipUnchanged ? await unchangedRecord(out, [b.roadmap, b.folder], inputHash) : null;
    if (record) learners.set(b.entry.index, { ...base, status: 'skipped', files: record.files });
    else {
      learners.set(b.entry.index, base);
      jobs.push({ index: b.entry.index, params: b.params, roadmap: b.roadmap, folder: b.folder, inputHash });
    }
  }

  // Started only now that the list is read and checked and the learners to build are known:
  // the pool is sized by them, and a list that fails costs no worker start-up.
  const { size: workers, note } = poolSize(options.jobs, jobs.length, availableParallelism());
  if (note && jobs.length > 0) options.note?.(note);
  const pool = new BuildPool(workers, { sources, out, now: options.now, buildOptions: options.buildOptions ?? {} });
  try {
    return await buildJobs(options, out, pool, jobs, learners, { listName, listLength: entries.length, version, shard });
  } finally {
    await pool.close();
  }
}

async function buildJobs(
  options: BatchOptions,
  out: string,
  pool: BuildPool,
  jobs: BuildJob[],
  learners: Map<number, ManifestLearner>,
  about: { listName: string; listLength: number; version: string; shard: Shard | null },
): Promise<BatchResult> {
  const { listName, shard } = about;
  let interrupted = false;
  void options.interrupted?.then(() => {
    interrupted = true;
    pool.stop();
  });
  let failed = 0;
  const finished = new Set<number>();
  options.progress.start(jobs.length);
  if (jobs.length > 0) {
    await pool.run(jobs, (r) => {
      const learner = learners.get(r.index);
      // Every job was planned from a learner row, so a result without one is a bug in the pool.
      if (!learner) throw new Error(`batch result for job ${r.index}, which was never planned`);
      finished.add(r.index);
      if (r.ok) Object.assign(learner, { files: r.files, durationMs: Math.round(r.durationMs) });
      else {
        failed++;
        Object.assign(learner, { status: 'failed', error: r.error, durationMs: Math.round(r.durationMs) });
        if (options.failFast) {
          interrupted = true;
          pool.stop();
        }
      }
      options.progress.tick(finished.size, failed);
    });
  }
  options.progress.finish();

  // A stopped batch lists what finished (and what was skipped or invalid), not what never ran.
  const unfinished = new Set(jobs.filter((j) => !finished.has(j.index)).map((j) => j.index));
  const listed = [...learners.values()].filter((l) => !unfinished.has(l.index)).sort((a, b) => a.index - b.index);
  const manifest: Manifest = {
    tool: 'roadmap-press',
    version: about.version,
    list: listName,
    listLength: about.listLength,
    shard,
    now: options.now.toISOString(),
    summary: summarize(listed),
    learners: listed,
  };
  // Shown to the user as they named --out, not by its real location.
  const manifestPath = join(resolve(options.out), 'manifest.json');
  writeFileSet(folderInside(out), [{ name: 'manifest.json', bytes: jsonBytes(manifest) }]);
  return { manifest, manifestPath, interrupted: interrupted && unfinished.size > 0, workers: jobs.length > 0 ? pool.size : 0 };
}

/**
 * The learner's build record, if it has the same input hash, lists exactly the files a build
 * makes, and they are intact. A folder that is a symlink has no trusted record: rebuilding it
 * refuses to write there.
 */
async function unchangedRecord(out: string, folder: readonly string[], inputHash: string): Promise<BuildRecord | null> {
  try {
    // Neither the roadmap's folder nor the learner's may be a symlink.
    for (let depth = 1; depth <= folder.length; depth++) if ((await lstat(insideRoot(out, ...folder.slice(0, depth)))).isSymbolicLink()) return null;
    const record = parseBuildRecord(await readFile(insideRoot(out, ...folder, RECORD_FILE), 'utf8'));
    if (!record || record.inputHash !== inputHash) return null;
    const names = record.files.map((f) => f.name).sort();
    if (names.join('\n') !== [...ARTIFACT_NAMES].sort().join('\n')) return null;
    for (const f of record.files) {
      const bytes = await readFile(insideRoot(out, ...folder, f.name));
      if (bytes.byteLength !== f.bytes || sha256(bytes) !== f.sha256) return null;
    }
    return record;
  } catch {
    return null;
  }
}

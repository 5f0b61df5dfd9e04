import { resolve } from 'node:path';
import { buildTime } from '../personalize/calendar.js';
import { buildLearner, type LearnerBuild } from '../pipeline/build-learner.js';
import type { Project } from '../pipeline/prepare-project.js';
import { loadProject } from './load-project.js';
import type { ParamsInput } from '../schema/params.js';
import type { SourcePaths } from './read-sources.js';
import { insideRoot, writeFileAtomic } from './write-files.js';

export interface BuildToDiskOptions {
  params: ParamsInput;
  sources?: SourcePaths;
  /** Output root; each learner gets a folder inside it. Default `out`. */
  out?: string;
  /** Usually `process.env.SOURCE_DATE_EPOCH`. */
  sourceDateEpoch?: string | undefined;
  /** The clock the build time is taken from without SOURCE_DATE_EPOCH; default the system's. */
  clock?: () => Date;
  /** A project already prepared (batch, watch): skips reading and validating sources. */
  project?: Project;
  /** Fillable PDF workbook (AcroForm fields). */
  fillable?: boolean;
  /** Draw characters no font covers as a replacement instead of failing. */
  allowMissingGlyphs?: boolean;
}

export interface WrittenBuild extends LearnerBuild {
  dir: string;
  files: { path: string; bytes: number }[];
}

/** Reads sources, builds one learner in memory, then writes its files atomically. */
export async function buildToDisk(options: BuildToDiskOptions): Promise<WrittenBuild> {
  const project = options.project ?? (await loadProject(options.sources));
  const build = await buildLearner(project, options.params, buildTime(options.sourceDateEpoch, options.clock), {
    fillable: options.fillable ?? false,
    allowMissingGlyphs: options.allowMissingGlyphs ?? false,
  });
  const root = resolve(options.out ?? 'out');
  const dir = insideRoot(root, build.slug);
  const files: WrittenBuild['files'] = [];
  for (const artifact of build.artifacts) {
    const path = insideRoot(root, build.slug, artifact.name);
    await writeFileAtomic(path, artifact.bytes);
    files.push({ path, bytes: artifact.bytes.byteLength });
  }
  return { ...build, dir, files };
}

/// <reference types="pdfkit" preserve="true" />
/**
 * roadmap-press as a library. The core (prepareProject, buildLearner) takes data, templates
 * and fonts as values and returns file bytes; the Node helpers read and write the disk.
 */
export { RoadmapError, ExitCode, formatProblem, type Problem } from './errors.js';
export { RoadmapSchema, type Roadmap } from './schema/roadmap.js';
export { ParamsSchema, ConfigSchema, type Params, type ParamsInput, type Config } from './schema/params.js';
export { LabelsSchema, type Labels } from './schema/labels.js';
export { roadmapJsonSchema } from './schema/json-schema.js';
export { prepareProject, type Project } from './pipeline/prepare-project.js';
export { loadRoadmap } from './load/load-roadmap.js';
export { buildLearner, type LearnerBuild, type Artifact } from './pipeline/build-learner.js';
export type { ProjectSources, SourceFile } from './pipeline/sources.js';
export type { ViewModel } from './personalize/view-model.js';
export { buildTime } from './personalize/calendar.js';
export { readProjectSources, type SourcePaths } from './node/read-sources.js';
export { buildToDisk, type BuildToDiskOptions, type WrittenBuild } from './node/build-to-disk.js';

/// <reference types="pdfkit" preserve="true" />
/**
 * roadmap-press as a library: the core. prepareProject and buildLearner take data, templates
 * and fonts as values and return file bytes, with no Node API, so this entry also loads in a
 * browser. The helpers that read and write the disk are `roadmap-press/node`.
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

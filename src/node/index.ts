/**
 * `roadmap-press/node`: the Node helpers around the core (`roadmap-press`): read a project
 * from disk, and build a learner into an output folder with atomic writes.
 */
export { readProjectSources, type SourcePaths } from './read-sources.js';
export { buildToDisk, type BuildToDiskOptions, type WrittenBuild } from './build-to-disk.js';
export { createNodeTextEngine } from './load-fonts.js';

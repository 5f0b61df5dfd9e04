import { prepareProject, type Project } from '../pipeline/prepare-project.js';
import { readProjectSources, type SourcePaths } from './read-sources.js';

/** Reads and prepares a project from disk: the one place Node code turns paths into a Project. */
export async function loadProject(paths: SourcePaths = {}): Promise<Project> {
  return prepareProject(await readProjectSources(paths));
}

import { personalize } from '../personalize/personalize.js';
import type { ViewModel } from '../personalize/view-model.js';
import type { Params } from '../schema/params.js';
import type { Project } from './prepare-project.js';

/** The view model of one learner of a project: what a build renders and a batch plan checks. */
export function personalizeFor(project: Pick<Project, 'roadmap' | 'labels' | 'version'>, params: Params, now: Date): ViewModel {
  return personalize({ roadmap: project.roadmap, labels: project.labels[params.locale], params, now, version: project.version });
}

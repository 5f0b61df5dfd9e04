import { personalize } from '../personalize/personalize.js';
import type { ViewModel } from '../personalize/view-model.js';
import { renderIcs } from '../render/render-ics.js';
import { renderReadme } from '../render/render-readme.js';
import type { ParamsInput } from '../schema/params.js';
import type { Project } from './prepare-project.js';
import { resolveParams } from './resolve-params.js';

export type ArtifactName = 'README.md' | 'plan.ics' | 'workbook.pdf';

export interface Artifact {
  name: ArtifactName;
  bytes: Uint8Array;
}

export interface LearnerBuild {
  /** The learner's folder name inside the output directory. */
  slug: string;
  view: ViewModel;
  artifacts: Artifact[];
}

/**
 * One learner's files, in memory. Nothing is written here, so a build that fails at any stage
 * leaves the output directory untouched.
 */
export async function buildLearner(project: Project, input: ParamsInput, now: Date): Promise<LearnerBuild> {
  const params = resolveParams(input);
  const view = personalize({ roadmap: project.roadmap, labels: project.labels[params.locale], params, now, version: project.version });
  const encoder = new TextEncoder();
  const artifacts: Artifact[] = [
    { name: 'README.md', bytes: encoder.encode(renderReadme(project.templates.render, view)) },
    { name: 'plan.ics', bytes: encoder.encode(renderIcs(view, now)) },
  ];
  return { slug: view.learner.slug, view, artifacts };
}

import { resolveParams } from '../load/validate-document.js';
import { buildTime } from '../personalize/calendar.js';
import { roadmapIn } from '../load/load-roadmap.js';
import { paramError } from '../errors.js';
import { personalize } from '../personalize/personalize.js';
import { withSiblingLinks } from '../personalize/sibling-links.js';
import type { ViewModel } from '../personalize/view-model.js';
import { renderIcs } from '../render/render-ics.js';
import { renderReadme } from '../render/render-readme.js';
import { renderWorkbookMarkdown } from '../render/render-workbook-markdown.js';
import type { Params, ParamsInput } from '../schema/params.js';
import type { Project } from './prepare-project.js';
import { renderWorkbook } from '../workbook/render-workbook.js';

/** Every file a learner's build makes, in the order it makes them; the workbook only where
 * there are fonts to typeset it (not in a browser without them). Build records are checked
 * against this list, so a record can never vouch for fewer files than a build writes. */
export const ARTIFACT_NAMES = ['README.md', 'plan.ics', 'workbook.pdf'] as const;
export type ArtifactName = (typeof ARTIFACT_NAMES)[number];

export interface Artifact {
  name: ArtifactName;
  bytes: Uint8Array;
}

export interface LearnerBuild {
  /** The learner's folder name inside the output directory. */
  slug: string;
  view: ViewModel;
  artifacts: Artifact[];
  /** Non-fatal problems to show (characters drawn as a replacement with --allow-missing-glyphs). */
  warnings: string[];
}

export interface BuildOptions {
  /** Fillable PDF: AcroForm checkboxes and text fields. */
  fillable?: boolean;
  allowMissingGlyphs?: boolean;
  /** Stamped into the PDF and plan.ics instead of the build time. */
  pdfDate?: Date;
  /**
   * The learner's folder in the output root, when it is not the slug (a batch gives
   * `rahim-llmops-2` to a second Rahim): calendar event UIDs are made unique with it.
   */
  folder?: string;
}

/** The view model of one learner of a project: what a build renders and a batch plan checks. */
export function personalizeFor(project: Pick<Project, 'roadmap' | 'translations' | 'labels' | 'version'>, params: Params, now: Date): ViewModel {
  const locale = resolveLocale(project, params.locale);
  const labels = project.labels[locale];
  // resolveLocale returns only locales with labels.
  if (!labels) throw new Error(`internal: no labels for ${locale}`);
  return personalize({ roadmap: roadmapIn(project, locale), labels, params, locale, now, version: project.version });
}

/** The locale a learner's files are written in: the one asked for, or the roadmap's language; it must have labels. */
export function resolveLocale(project: Pick<Project, 'roadmap' | 'labels'>, asked: string | undefined): string {
  const available = Object.keys(project.labels).sort();
  const locale = asked ?? project.roadmap.meta.language;
  if (project.labels[locale]) return locale;
  const have = `the project has labels for ${available.join(', ')} (add labels/${locale}.yaml for another)`;
  if (asked === undefined) throw paramError('locale', `the roadmap's language (meta.language) is "${locale}", which has no label file; ${have}`);
  throw paramError('locale', `unknown locale "${locale}"; ${have}`);
}

/**
 * One learner's files, in memory. Nothing is written here, so a build that fails at any stage
 * leaves the output directory untouched. `now` is the build time (see `buildTime`; default the
 * start of today, UTC): the default start month, the generation date and the stamp of the PDF
 * and the calendar come from it.
 */
export async function buildLearner(project: Project, input: ParamsInput, now: Date = buildTime(), options: BuildOptions = {}): Promise<LearnerBuild> {
  const params = resolveParams(input);
  const personal = personalizeFor(project, params, now);
  const view = withSiblingLinks(personal, project.roadmapIds, options.folder ?? personal.learner.slug);
  const stamp = options.pdfDate ?? now;
  const encoder = new TextEncoder();
  const artifacts: Artifact[] = [
    { name: 'README.md', bytes: encoder.encode(renderReadme(project.templates.render, view)) },
    { name: 'plan.ics', bytes: encoder.encode(renderIcs(view, stamp, { folder: options.folder ?? view.learner.slug, reminders: params.reminders })) },
  ];
  const warnings: string[] = [];
  if (project.textEngine) {
    const markdown = renderWorkbookMarkdown(project.templates.render, view);
    const workbook = await renderWorkbook(markdown, project.workbookTemplate, view, await project.textEngine(), {
      fillable: options.fillable ?? false,
      allowMissingGlyphs: options.allowMissingGlyphs ?? false,
      date: stamp,
    });
    artifacts.push({ name: 'workbook.pdf', bytes: workbook.pdf });
    warnings.push(...workbook.warnings);
  }
  return { slug: view.learner.slug, view, artifacts, warnings };
}

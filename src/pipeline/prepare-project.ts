import { RoadmapError, type Problem } from '../errors.js';
import { parseDocumentText } from '../load/parse-document.js';
import { createHandlebars } from '../render/handlebars-env.js';
import { LabelsSchema, type Labels } from '../schema/labels.js';
import { Locales, type Locale } from '../schema/params.js';
import { RoadmapSchema, type Roadmap } from '../schema/roadmap.js';
import { parseFontConfig } from '../text/config.js';
import type { TextEngine } from '../text/types.js';
import { validateDocument } from '../validate/validate-document.js';
import type { TemplateRef } from '../workbook/directives.js';
import type { ProjectSources } from './sources.js';

/** Validated data, labels and compiled templates: made once, used for every learner. */
export interface Project {
  roadmap: Roadmap;
  labels: Record<Locale, Labels>;
  templates: ReturnType<typeof createHandlebars>;
  version: string;
  /** The workbook template's name and source, to locate directive errors. */
  workbookTemplate: TemplateRef;
  /** The text engine, made on first use from the font bytes in the sources (once per project); null without fonts. */
  textEngine: (() => Promise<TextEngine>) | null;
}

/** Validates the data and every label file, collecting all problems before failing. */
export function loadRoadmap(sources: Pick<ProjectSources, 'data' | 'labels'>): Pick<Project, 'roadmap' | 'labels'> {
  const problems: Problem[] = [];
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof RoadmapError)) throw e;
      problems.push(...e.problems);
      return undefined;
    }
  };
  const roadmap = attempt(() => validateDocument(parseDocumentText(sources.data.text, sources.data.file), RoadmapSchema, 'the roadmap data'));
  const labels: Partial<Record<Locale, Labels>> = {};
  for (const locale of Locales) {
    const src = sources.labels[locale];
    const parsed = attempt(() => validateDocument(parseDocumentText(src.text, src.file), LabelsSchema, `the ${locale} labels`));
    if (parsed) {
      const { $schema: _ignored, ...rest } = parsed;
      labels[locale] = rest;
    }
  }
  if (problems.length > 0 || !roadmap) {
    const n = problems.length;
    throw new RoadmapError('data', `the roadmap data has ${n} problem${n === 1 ? '' : 's'}:`, problems);
  }
  return { roadmap, labels: labels as Record<Locale, Labels> };
}

export function prepareProject(sources: ProjectSources): Project {
  const { roadmap, labels } = loadRoadmap(sources);
  const fonts = sources.fonts;
  let engine: Promise<TextEngine> | undefined;
  return {
    roadmap,
    labels,
    templates: createHandlebars(sources.templates),
    version: sources.version,
    workbookTemplate: { file: sources.templates.workbook.file, source: sources.templates.workbook.source },
    // Imported on first use: validating or planning a batch needs no HarfBuzz, PDFKit or fonts.
    textEngine: fonts
      ? () => (engine ??= import('../text/engine.js').then((m) => m.createTextEngine({ config: parseFontConfig(fonts.config), fonts: fonts.files })))
      : null,
  };
}

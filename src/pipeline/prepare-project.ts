import { loadRoadmap, type LoadedRoadmap } from '../load/load-roadmap.js';
import type { TemplateRef } from '../markdown/directives.js';
import { createHandlebars } from '../render/handlebars-env.js';
import type { Labels } from '../schema/labels.js';
import type { Locale } from '../schema/params.js';
import type { Roadmap } from '../schema/roadmap.js';
import { parseFontConfig } from '../text/config.js';
import type { TextEngine } from '../text/types.js';
import type { ProjectSources } from './sources.js';

/** Validated data, labels and compiled templates: made once, used for every learner. */
export interface Project {
  roadmap: Roadmap;
  /** The data translated, by locale (see `roadmapIn`). */
  translations: Record<Locale, Roadmap>;
  labels: Record<Locale, Labels>;
  /** Per locale, what falls back to another language (for `validate`). */
  gaps: LoadedRoadmap['gaps'];
  templates: ReturnType<typeof createHandlebars>;
  version: string;
  /** Every roadmap id of the project, for the chapter navigation's links; empty for a lone data file. */
  roadmapIds: readonly string[];
  /** The workbook template's name and source, to locate directive errors. */
  workbookTemplate: TemplateRef;
  /** The text engine, made on first use from the font bytes in the sources (once per project); null without fonts. */
  textEngine: (() => Promise<TextEngine>) | null;
}

export function prepareProject(sources: ProjectSources): Project {
  const { roadmap, translations, labels, gaps } = loadRoadmap(sources);
  const fonts = sources.fonts;
  let engine: Promise<TextEngine> | undefined;
  return {
    roadmap,
    translations,
    labels,
    gaps,
    templates: createHandlebars(sources.templates),
    version: sources.version,
    roadmapIds: sources.roadmapIds ?? [],
    workbookTemplate: { file: sources.templates.workbook.file, source: sources.templates.workbook.source },
    // Imported on first use: validating or planning a batch needs no HarfBuzz, PDFKit or fonts.
    textEngine: fonts
      ? () => (engine ??= import('../text/engine.js').then((m) => m.createTextEngine({ config: parseFontConfig(fonts.config), fonts: fonts.files })))
      : null,
  };
}

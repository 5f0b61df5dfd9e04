import { RoadmapError, type Problem } from '../errors.js';
import { parseDocumentText } from '../load/parse-document.js';
import type { TemplateRef } from '../markdown/directives.js';
import { createHandlebars } from '../render/handlebars-env.js';
import { LabelsSchema, type Labels } from '../schema/labels.js';
import { Locales, type Locale } from '../schema/params.js';
import { RoadmapSchema, type Roadmap } from '../schema/roadmap.js';
import { parseFontConfig } from '../text/config.js';
import type { TextEngine } from '../text/types.js';
import { validateDocument } from '../validate/validate-document.js';
import type { ProjectSources } from './sources.js';
import { validatedAhead } from './validated-ahead.js';

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

/** Where a source file's validated value is in `validatedAhead`. */
function aheadKey(kind: 'roadmap' | 'labels', text: string): string {
  return `${kind}\u0000${text}`;
}

/** The entries `npm run build` puts into `validatedAhead` for these sources (they must be valid). */
export function validateAhead(sources: Pick<ProjectSources, 'data' | 'labels'>): Array<[string, string]> {
  const { roadmap, labels } = loadRoadmap(sources, new Map());
  return [
    [aheadKey('roadmap', sources.data.text), JSON.stringify(roadmap)],
    ...Locales.map((l): [string, string] => [aheadKey('labels', sources.labels[l].text), JSON.stringify(labels[l])]),
  ];
}

/**
 * Validates the data and every label file, collecting all problems before failing. A file found
 * in `ahead` (by its exact text) is taken from there, parsed afresh so no caller shares it.
 */
export function loadRoadmap(
  sources: Pick<ProjectSources, 'data' | 'labels'>,
  ahead: ReadonlyMap<string, string> = validatedAhead,
): Pick<Project, 'roadmap' | 'labels'> {
  const known = <T>(kind: 'roadmap' | 'labels', text: string): T | undefined => {
    const json = ahead.get(aheadKey(kind, text));
    return json === undefined ? undefined : (JSON.parse(json) as T);
  };
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
  const roadmap =
    known<Roadmap>('roadmap', sources.data.text) ??
    attempt(() => validateDocument(parseDocumentText(sources.data.text, sources.data.file), RoadmapSchema, 'the roadmap data'));
  const labels: Partial<Record<Locale, Labels>> = {};
  for (const locale of Locales) {
    const src = sources.labels[locale];
    const ready = known<Labels>('labels', src.text);
    if (ready) {
      labels[locale] = ready;
      continue;
    }
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

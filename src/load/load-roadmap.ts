import { RoadmapError, type Problem } from '../errors.js';
import { LabelsSchema, type Labels } from '../schema/labels.js';
import { Locales, type Locale } from '../schema/params.js';
import { RoadmapSchema, type Roadmap } from '../schema/roadmap.js';
import { parseDocumentText } from './parse-document.js';
import { validateDocument } from './validate-document.js';
import { validatedAhead } from './validated-ahead.js';

/** The text files the roadmap is read from: the data and one label file per locale. */
export interface RoadmapSources {
  data: { file: string; text: string };
  labels: Record<Locale, { file: string; text: string }>;
}

/** The validated data and labels, the part of a project every command needs. */
export interface LoadedRoadmap {
  roadmap: Roadmap;
  labels: Record<Locale, Labels>;
}

/** Where a source file's validated value is in `validatedAhead`. */
function aheadKey(kind: 'roadmap' | 'labels', text: string): string {
  return `${kind}\u0000${text}`;
}

/** The entries `npm run build` puts into `validatedAhead` for these sources (they must be valid). */
export function validateAhead(sources: RoadmapSources): Array<[string, string]> {
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
  sources: RoadmapSources,
  ahead: ReadonlyMap<string, string> = validatedAhead,
): LoadedRoadmap {
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

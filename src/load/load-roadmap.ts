import { RoadmapError, type Problem } from '../errors.js';
import { LabelKeys, LabelsSchema, PartialLabelsSchema, type Labels } from '../schema/labels.js';
import { RoadmapSchema, type Roadmap } from '../schema/roadmap.js';
import { applyTranslation } from './apply-translation.js';
import { parseDocumentText } from './parse-document.js';
import { validateDocument } from './validate-document.js';
import { validatedAhead } from './validated-ahead.js';

/** The text files the roadmap is read from. */
export interface RoadmapSources {
  data: { file: string; text: string };
  /** Translation overlays of the data by locale (`roadmap.<locale>.yaml` beside it). */
  translations?: Record<string, { file: string; text: string }>;
  /** Complete label files by locale: the ones roadmap-press ships. */
  labels: Record<string, { file: string; text: string }>;
  /** A project's own label files by locale: any subset of keys, over the shipped ones. */
  projectLabels?: Record<string, { file: string; text: string }>;
}

/** What a locale lacks: texts of the data left in its language, label keys taken from another locale. */
export interface LocaleGaps {
  texts: string[];
  labels: string[];
}

/** The validated data, its translations and labels, the part of a project every command needs. */
export interface LoadedRoadmap {
  /** The data in its own language (`meta.language`). */
  roadmap: Roadmap;
  /** The data in each locale it is translated into, texts it lacks in the original's language. */
  translations: Record<string, Roadmap>;
  /** Complete labels for every locale that has a label file, shipped or the project's. */
  labels: Record<string, Labels>;
  /** Per locale: what falls back to another language. */
  gaps: Record<string, LocaleGaps>;
}

/** The locale labels of a locale roadmap-press does not ship fall back to. */
export const FALLBACK_LABELS_LOCALE = 'en';

/** The data in `locale`: its translation, or the original where it has none. */
export function roadmapIn(loaded: Pick<LoadedRoadmap, 'roadmap' | 'translations'>, locale: string): Roadmap {
  return loaded.translations[locale] ?? loaded.roadmap;
}

/** Where a source file's validated value is in `validatedAhead`. */
function aheadKey(kind: 'roadmap' | 'labels' | 'translation', ...texts: string[]): string {
  return [kind, ...texts].join('\u0000');
}

/** The entries `npm run build` puts into `validatedAhead` for these sources (they must be valid). */
export function validateAhead(sources: RoadmapSources): Array<[string, string]> {
  const loaded = loadRoadmap(sources, new Map());
  return [
    [aheadKey('roadmap', sources.data.text), JSON.stringify(loaded.roadmap)],
    ...Object.entries(sources.labels).map(([l, src]): [string, string] => [aheadKey('labels', src.text), JSON.stringify(loaded.labels[l])]),
    ...Object.entries(sources.translations ?? {}).map(([l, src]): [string, string] => [
      aheadKey('translation', sources.data.text, src.text),
      JSON.stringify({ roadmap: loaded.translations[l], missing: loaded.gaps[l]?.texts ?? [] }),
    ]),
  ];
}

/**
 * Validates the data, its translations and every label file, collecting all problems before
 * failing. A file found in `ahead` (by its exact text) is taken from there, parsed afresh so no
 * caller shares it.
 */
export function loadRoadmap(sources: RoadmapSources, ahead: ReadonlyMap<string, string> = validatedAhead): LoadedRoadmap {
  const known = <T>(key: string): T | undefined => {
    const json = ahead.get(key);
    return json === undefined ? undefined : (JSON.parse(json) as T); // written by validateAhead from a T
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
  const dataDoc = () => parseDocumentText(sources.data.text, sources.data.file);
  const roadmap = known<Roadmap>(aheadKey('roadmap', sources.data.text)) ?? attempt(() => validateDocument(dataDoc(), RoadmapSchema, 'the roadmap data'));

  const translations: Record<string, Roadmap> = {};
  const gaps: Record<string, LocaleGaps> = {};
  const gapsOf = (locale: string): LocaleGaps => (gaps[locale] ??= { texts: [], labels: [] });
  for (const [locale, src] of Object.entries(sources.translations ?? {})) {
    if (!roadmap) break;
    if (locale === roadmap.meta.language) {
      problems.push({ file: src.file, line: 1, column: 1, message: `the data is already in ${locale} (meta.language): a translation into it has nothing to do` });
      continue;
    }
    const ready = known<{ roadmap: Roadmap; missing: string[] }>(aheadKey('translation', sources.data.text, src.text));
    if (ready) {
      translations[locale] = ready.roadmap;
      gapsOf(locale).texts = ready.missing;
      continue;
    }
    const translated = attempt(() => {
      const overlay = parseDocumentText(src.text, src.file);
      const t = applyTranslation(dataDoc().value, overlay);
      if (t.problems.length > 0) throw new RoadmapError('data', `${src.file}: the ${locale} translation is invalid`, t.problems);
      // The shape is the original's, so only a text rule can fail here: located in the overlay.
      return { roadmap: validateDocument({ ...overlay, value: t.value }, RoadmapSchema, `the ${locale} translation`), missing: t.missing };
    });
    if (translated) {
      translations[locale] = translated.roadmap;
      gapsOf(locale).texts = translated.missing;
    }
  }

  const shipped: Record<string, Labels> = {};
  for (const [locale, src] of Object.entries(sources.labels)) {
    const ready = known<Labels>(aheadKey('labels', src.text));
    const parsed = ready ?? attempt(() => stripSchema(validateDocument(parseDocumentText(src.text, src.file), LabelsSchema, `the ${locale} labels`)));
    if (parsed) shipped[locale] = parsed;
  }
  const labels: Record<string, Labels> = { ...shipped };
  for (const [locale, src] of Object.entries(sources.projectLabels ?? {})) {
    const own = attempt(() => stripSchema(validateDocument(parseDocumentText(src.text, src.file), PartialLabelsSchema, `the ${locale} labels`)));
    const base = shipped[locale] ?? shipped[FALLBACK_LABELS_LOCALE];
    if (!own || !base) continue;
    labels[locale] = { ...base, ...definedOnly(own) };
    if (!shipped[locale]) gapsOf(locale).labels = LabelKeys.filter((k) => own[k] === undefined);
  }
  if (problems.length > 0 || !roadmap) {
    const n = problems.length;
    throw new RoadmapError('data', `the roadmap data has ${n} problem${n === 1 ? '' : 's'}:`, problems);
  }
  return { roadmap, translations, labels, gaps };
}

function stripSchema<T extends { $schema?: string | undefined }>(value: T): Omit<T, '$schema'> {
  const { $schema: _ignored, ...rest } = value;
  return rest;
}

function definedOnly(labels: Partial<Labels>): Partial<Labels> {
  return Object.fromEntries(Object.entries(labels).filter(([, v]) => v !== undefined));
}

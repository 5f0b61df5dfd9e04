import type { Problem } from '../errors.js';
import { Text } from '../schema/text.js';
import { formatPath } from './describe-issue.js';
import type { ParsedDocument } from './parse-document.js';

/**
 * Strings that name things rather than say them: ids, codes, tags, chapter numbers. A
 * translation leaves them out, and they are never listed as missing.
 */
const NOT_TEXT = new Set(['$schema', 'id', 'code', 'language', 'currency', 'period', 'status', 'roadmap', 'difficulty', 'chapter', 'levels']);

/** The key a string sits under: a list item's is its list's (`plan.entries[0].levels[1]` → levels). */
const keyOf = (path: readonly PropertyKey[]): string => String(path.findLast((p) => typeof p === 'string') ?? '');

export interface Translation {
  /** The roadmap with every translated text in place; the rest is the original's. */
  value: unknown;
  /** Where the translation does not fit the original, located in the translation file. */
  problems: Problem[];
  /** Data paths of the original's texts the translation does not give (they stay in the original's language). */
  missing: string[];
}

/**
 * Lays a translation overlay (`roadmap.<locale>.yaml`) over the original roadmap's parsed value.
 * The overlay has the original's shape holding only texts: mappings match by key, lists item
 * by item (same length). What the original does not have, and a text where the original has
 * something else, is a located problem; each translated text passes the same text rules.
 */
export function applyTranslation(original: unknown, overlay: ParsedDocument): Translation {
  const problems: Problem[] = [];
  const missing: string[] = [];
  const problem = (path: PropertyKey[], message: string, key?: string): void => {
    problems.push({ file: overlay.file, ...overlay.locate(path, key === undefined ? undefined : { key }), path: formatPath(path), message });
  };

  const walk = (base: unknown, over: unknown, path: PropertyKey[]): unknown => {
    if (typeof base === 'string') {
      if (over === undefined) {
        if (!NOT_TEXT.has(keyOf(path))) missing.push(formatPath(path));
        return base;
      }
      if (NOT_TEXT.has(keyOf(path))) {
        problem(path, `${keyOf(path)} is not translated: leave it out of the translation`);
        return base;
      }
      const checked = Text.safeParse(over);
      if (!checked.success) {
        problem(path, typeof over === 'string' ? (checked.error.issues[0]?.message ?? 'expected text') : 'expected a text, as in the original');
        return base;
      }
      return checked.data;
    }
    if (Array.isArray(base)) {
      if (over === undefined) {
        base.forEach((item, i) => walk(item, undefined, [...path, i]));
        return base;
      }
      if (!Array.isArray(over)) {
        problem(path, `expected a list of ${base.length}, as in the original`);
        return base;
      }
      if (over.length !== base.length) {
        problem(path, `expected ${base.length} items, as in the original (matched item by item), got ${over.length}`);
        return base;
      }
      return base.map((item, i) => walk(item, over[i], [...path, i]));
    }
    if (base !== null && typeof base === 'object') {
      const b = base as Record<string, unknown>; // a parsed YAML mapping
      if (over === undefined) {
        for (const [k, v] of Object.entries(b)) walk(v, undefined, [...path, k]);
        return base;
      }
      if (over === null || typeof over !== 'object' || Array.isArray(over)) {
        problem(path, 'expected a mapping, as in the original');
        return base;
      }
      const o = over as Record<string, unknown>; // checked to be a mapping just above
      for (const k of Object.keys(o)) {
        if (!Object.hasOwn(b, k)) problem(path, `unknown key "${k}": the original has no ${formatPath([...path, k])}`, k);
      }
      return Object.fromEntries(Object.entries(b).map(([k, v]) => [k, walk(v, o[k], [...path, k])]));
    }
    // Numbers, booleans and nulls are the original's: not translated.
    if (over !== undefined) problem(path, 'not a text: leave it out of the translation');
    return base;
  };

  const value = walk(original, overlay.value ?? {}, []);
  return { value, problems, missing };
}

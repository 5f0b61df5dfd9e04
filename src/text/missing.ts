import { RoadmapError } from '../errors.js';
import type { MissingGlyph } from './types.js';

function describe(m: MissingGlyph): string {
  const cp = `U+${m.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const context = m.context.length > 60 ? `${m.context.slice(0, 57)}…` : m.context;
  return `${cp} "${m.char}" (${m.style}) in "${context}"`;
}

/** The build-failing error for characters no font covers (exit 1, kind 'glyphs'). */
export function missingGlyphsError(missing: readonly MissingGlyph[]): RoadmapError {
  return new RoadmapError(
    'glyphs',
    `${missing.length} character(s) have no glyph in any font of their style; fix the text, add a font that has them to the font stacks (--fonts, stacks.json), or pass --allow-missing-glyphs`,
    missing.map((m) => ({ message: describe(m) })),
  );
}

/**
 * Fail on missing glyphs unless allowed; when allowed, return one warning line per character
 * (they were drawn as a visible replacement, never as .notdef).
 */
export function checkMissingGlyphs(missing: readonly MissingGlyph[], allowMissingGlyphs: boolean): string[] {
  if (missing.length === 0) return [];
  if (!allowMissingGlyphs) throw missingGlyphsError(missing);
  return missing.map((m) => `warning: no glyph for ${describe(m)}; drawn as a replacement`);
}

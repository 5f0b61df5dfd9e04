// Minimal typings for the two untyped dependencies the text engine uses. Only what we call.

declare module 'fontkit' {
  export interface FontkitSubset {
    /** Adds a glyph (by original id) and returns its id in the subset. */
    includeGlyph(glyph: number): number;
    encode(): Uint8Array;
  }
  export interface FontkitFont {
    postscriptName: string;
    familyName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    lineGap: number;
    capHeight: number;
    xHeight: number;
    italicAngle: number;
    bbox: { minX: number; minY: number; maxX: number; maxY: number };
    numGlyphs: number;
    head: { macStyle: { italic: boolean } };
    post: { isFixedPitch: boolean };
    'OS/2'?: { sFamilyClass: number };
    name: { records: Record<string, Record<string, string> | undefined> };
    createSubset(): FontkitSubset;
  }
  export function create(buffer: Uint8Array): FontkitFont;
}

declare module 'linebreak' {
  interface Break {
    position: number;
    required: boolean;
  }
  class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
  export default LineBreaker;
}

/** The format of tests/fixtures/text/hb-*.json, written by hb-fixtures.ts and read by the tests. */

/** One glyph as `hb-shape --output-format=json` reports it (cluster = code point index). */
export interface HbGlyph {
  g: number;
  cl: number;
  ax: number;
  ay: number;
  dx: number;
  dy: number;
}

export interface HbFixture {
  font: string;
  sha256: string;
  shaper: string;
  clusters: 'code point index';
  lines: Array<{ line: string; runs: Array<{ text: string; glyphs: HbGlyph[] }> }>;
}

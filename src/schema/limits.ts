/**
 * Resource limits on what users hand in, in one place: the schemas and the file readers use
 * these, and README's "Limits" section documents them. Each is far above what a real roadmap or
 * learner needs and far below what makes a build slow or exhausts memory, so hitting one is a
 * clear input error (exit 1) instead of minutes of work or a crash.
 */

/** A learner's name, in Unicode code points: it is printed on every page and in headings. */
export const MAX_NAME_CODE_POINTS = 200;

/**
 * Any one text field of the roadmap data or of a label file, in Unicode code points. The
 * shipped data's longest field is ~220; a field is a line, a sentence or a short paragraph.
 */
export const MAX_TEXT_CODE_POINTS = 10_000;

/** The roadmap data file and each label file, in bytes, checked before the file is parsed. */
export const MAX_DATA_FILE_BYTES = 5 * 1024 * 1024;

/** A template (README, workbook, partial) and a config file, in bytes, checked before parsing. */
export const MAX_TEMPLATE_FILE_BYTES = 1024 * 1024;
export const MAX_CONFIG_FILE_BYTES = 1024 * 1024;

/** A batch learner list (CSV, YAML or JSON), in bytes, checked before the file is parsed. */
export const MAX_LIST_FILE_BYTES = 10 * 1024 * 1024;

/** Code points in `s` (a surrogate pair counts once). */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/** Whether `s` has at most `max` code points; O(1) when its UTF-16 length already decides. */
export function atMostCodePoints(s: string, max: number): boolean {
  // Every code point is one or two UTF-16 units.
  if (s.length <= max) return true;
  if (s.length > 2 * max) return false;
  return codePointLength(s) <= max;
}

/** The schema message for a string over `max` code points. */
export function tooLongMessage(s: unknown, max: number): string {
  const got = typeof s === 'string' ? `, got ${formatCount(codePointLength(s))}` : '';
  return `expected at most ${formatCount(max)} characters (Unicode code points)${got}`;
}

/** `5 MB (5,242,880 bytes)`: limits are whole MiB. */
export function formatByteLimit(n: number): string {
  return `${n / 1024 / 1024} MB (${formatCount(n)} bytes)`;
}

function formatCount(n: number): string {
  return n.toLocaleString('en');
}

/**
 * How deep a template may nest blocks (`{{#each}}` inside `{{#if}}` …). Handlebars' parser takes
 * quadratic time in the depth and overflows the stack at about 1 500, so deeper is refused
 * before parsing; the shipped templates nest at most 3 deep.
 */
export const MAX_TEMPLATE_BLOCK_DEPTH = 100;

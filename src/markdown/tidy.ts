/**
 * Template output made tidy for both README and workbook: no trailing spaces, at most one blank
 * line in a row (templates leave runs of them around `{{#if}}` blocks), no leading or trailing
 * blank lines.
 */
export function tidyMarkdown(text: string): string {
  return text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim();
}

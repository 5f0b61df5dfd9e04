/**
 * Text for a Mermaid code block, where Markdown escapes would show literally. Characters that
 * are Mermaid syntax become Mermaid entity codes (`#60;`), which Mermaid prints as the
 * character itself, so a name like `<Ada> #1; A:B` reads the same in the chart:
 * `:` ends a gantt task's text, `;` ends a statement, `#` starts an entity code, `%` starts a
 * comment or an `%%{init}%%` directive, `<`, `>`, `&` and `` ` `` are HTML or Markdown in labels.
 */
const MERMAID_SPECIAL = /[<>#;:&%`]/g;

export function mermaidText(value: unknown): string {
  return (
    // A template may pass any value; it prints as Handlebars would print it, objects included.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    String(value ?? '')
      // A value is one line of a statement: controls and line breaks become spaces.
      .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      // Numeric codes: Mermaid reads `#\w+;` as an entity, and a number as its code point.
      .replace(MERMAID_SPECIAL, (c) => `#${c.charCodeAt(0)};`)
  );
}

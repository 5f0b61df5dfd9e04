/**
 * Escapes a value for inline Markdown so that it reads back as the same literal text on GitHub
 * and in our own workbook renderer. Only characters that can start Markdown or HTML syntax are
 * escaped, so ordinary prose (quotes, dashes, Bengali) is unchanged byte for byte.
 */
const INLINE_SPECIAL = /[\\`*_[\]<>|~$&]/g;
// At the start of a line these open a heading, list item or quote ("12.01" or "#1" do not).
const LINE_START = /^(#{1,6}(?=\s|$)|[+-](?=\s|$)|>|=+\s*$|\d{1,9}[.)](?=\s|$))/;

export function escapeMarkdown(value: unknown): string {
  const text = String(value ?? '')
    // A user string is one inline piece: no newlines, tabs or control characters may reshape it.
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  const escaped = text.replace(INLINE_SPECIAL, (c) => `\\${c}`);
  // "1." is escaped as "1\." (a backslash before a digit would print).
  return escaped.replace(LINE_START, (m) => (/^\d/.test(m) ? m.replace(/([.)])$/, '\\$1') : `\\${m}`));
}

/**
 * Escapes a value for inline Markdown so that it reads back as the same literal text on GitHub
 * and in our own workbook renderer. Only characters that can start Markdown or HTML syntax are
 * escaped, so ordinary prose (quotes, dashes, Bengali) is unchanged byte for byte.
 *
 * A value the template puts alone on a line, or at the end of a heading, must not become
 * syntax either: a workbook directive (`::: notes 999`), a heading id (`{# how-to-use }`), a
 * closing heading marker (`Team #` would print "Team"), a setext underline (`---`), or a bare
 * URL that markdownlint flags (MD034). Each is broken with a backslash before one ASCII
 * punctuation character, which both renderers print as the character alone.
 */
const INLINE_SPECIAL = /[\\`*_[\]<>|~$&]/g;
// At the start of a line these open a heading, list item, quote, setext underline or workbook
// directive ("12.01" or "#1" do not), also after the spaces Markdown allows before them.
const LINE_START = /^(\s*)(#{1,6}(?=\s|$)|[+-](?=\s|$)|>|=+\s*$|-+\s*$|:::|\d{1,9}[.)](?=\s|$))/;
// A heading id where the value ends a heading; `{#` anywhere is cheaper to reason about.
const HEADING_ID = /\{#/g;
// A closing ATX sequence: `#`s after a space at the very end.
const CLOSING_HASHES = /(\s)(#+\s*)$/;
// What GFM and markdownlint autolink: a scheme's colon, `www.`, and an e-mail's `@`.
const URL_SCHEME = /\b([A-Za-z][A-Za-z0-9+.-]*):(?=\/\/|[^\s/]*@)/g;
const WWW = /\b(www)\./gi;
const EMAIL_AT = /(?<=[\w.+-])@(?=[\w-]+(?:\.[\w-]+)+)/g;

export function escapeMarkdown(value: unknown): string {
  // A template may pass any value; it prints as Handlebars would print it, objects included.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  const text = String(value ?? '')
    // A user string is one inline piece: no newlines, tabs or control characters may reshape it.
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  const escaped = text
    .replace(INLINE_SPECIAL, (c) => `\\${c}`)
    .replace(HEADING_ID, '{\\#')
    .replace(CLOSING_HASHES, '$1\\$2')
    .replace(URL_SCHEME, '$1\\:')
    .replace(WWW, '$1\\.')
    .replace(EMAIL_AT, '\\@');
  // "1." is escaped as "1\." (a backslash before a digit would print).
  return escaped.replace(LINE_START, (_m, space: string, m: string) => space + (/^\d/.test(m) ? m.replace(/([.)])$/, '\\$1') : `\\${m}`));
}

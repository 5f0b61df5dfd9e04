import { collectHeadings } from './heading-ids.js';

/** The `::: toc` directive line, shared by the README and the workbook templates. */
export const TOC_DIRECTIVE = /^:::[ \t]*toc[ \t]*$/m;

/**
 * Replaces `::: toc` in a rendered README with a nested list of links to the headings after
 * it (levels 2-3), anchored the way GitHub anchors them. Computed from the output rather than
 * from the template so that it is right for any template, including users' own. `escapeText`
 * is render/'s Markdown escaping, passed in so the dialect does not depend on the renderer.
 */
export function expandToc(markdown: string, escapeText: (text: string) => string, maxDepth = 3): string {
  const match = TOC_DIRECTIVE.exec(markdown);
  if (!match) return markdown;
  const headings = collectHeadings(markdown);
  const before = collectHeadings(markdown.slice(0, match.index)).length;
  const entries = headings.slice(before).filter((h) => h.depth >= 2 && h.depth <= maxDepth);
  const minDepth = Math.min(...entries.map((h) => h.depth));
  const list = entries
    .map((h) => `${'  '.repeat(h.depth - minDepth)}- [${escapeText(h.text)}](#${h.anchor})`)
    .join('\n');
  return markdown.slice(0, match.index) + list + markdown.slice(match.index + match[0].length);
}

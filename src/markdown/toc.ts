import type { DirectiveToken } from './directives.js';
import { githubAnchors, type AnchoredHeading, type WorkbookHeading, type WorkbookHeadings } from './heading-ids.js';

/** The `::: toc` directive line, shared by the README and the workbook templates. */
export const TOC_DIRECTIVE = /^:::[ \t]*toc[ \t]*$/m;

/** The README's TOC depth: levels 2 to 3 (level 1 is the document's title). */
const README_TOC_DEPTHS = { min: 2, max: 3 };

/** The workbook's default `::: toc` depth. */
export const WORKBOOK_TOC_DEPTH = 2;

/**
 * The README rule: the headings after `::: toc` (at `tocIndex` in `markdown`) of levels 2-3,
 * anchored the way GitHub anchors them.
 */
export function readmeTocEntries(markdown: string, tocIndex: number, maxDepth = README_TOC_DEPTHS.max): AnchoredHeading[] {
  const before = githubAnchors(markdown.slice(0, tocIndex)).length;
  return githubAnchors(markdown)
    .slice(before)
    .filter((h) => h.depth >= README_TOC_DEPTHS.min && h.depth <= maxDepth);
}

/**
 * Replaces `::: toc` in a rendered README with a nested list of links to its entries. Computed
 * from the output rather than from the template so that it is right for any template,
 * including users' own. `escapeText` is render/'s Markdown escaping, passed in so the dialect
 * does not depend on the renderer.
 */
export function expandToc(markdown: string, escapeText: (text: string) => string, maxDepth = README_TOC_DEPTHS.max): string {
  const match = TOC_DIRECTIVE.exec(markdown);
  if (!match) return markdown;
  const entries = readmeTocEntries(markdown, match.index, maxDepth);
  const minDepth = Math.min(...entries.map((h) => h.depth));
  const list = entries
    .map((h) => `${'  '.repeat(h.depth - minDepth)}- [${escapeText(h.text)}](#${h.anchor})`)
    .join('\n');
  return markdown.slice(0, match.index) + list + markdown.slice(match.index + match[0].length);
}

/**
 * The workbook rule: the headings after this `::: toc` directive, outside the cover, down to
 * its depth argument (default 2).
 */
export function workbookTocEntries(headings: WorkbookHeadings, toc: DirectiveToken): WorkbookHeading[] {
  const depth = toc.args ? Number(toc.args) : WORKBOOK_TOC_DEPTH;
  const after = headings.tocOrder.get(toc) ?? -1;
  return headings.list.filter((h) => h.order > after && h.depth <= depth);
}

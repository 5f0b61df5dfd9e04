import GithubSlugger from 'github-slugger';
import { Lexer, type Token, type Tokens } from 'marked';
import { isDirective, type DirectiveToken } from './directives.js';
import { plainText } from './plain-text.js';

/**
 * Heading ids for both outputs. One collection walks the headings in document order; two named
 * rules give them ids: GitHub's anchors for the README (`githubAnchors`) and the workbook's ids
 * for the PDF (`workbookHeadingIds`). The rules differ on purpose: GitHub decides the README's
 * anchors, while PDF destination and form field names must be printable ASCII and may be fixed
 * with `{# id }`.
 */

/** A heading in document order. */
export interface CollectedHeading {
  token: Tokens.Heading;
  /** Position in document order; headings and `::: toc` directives share the count. */
  order: number;
  /** Inside `::: cover`. */
  inCover: boolean;
}

export interface HeadingCollection {
  headings: CollectedHeading[];
  /** Each `::: toc` directive's position in the same order (the headings after it are its entries). */
  tocOrder: WeakMap<DirectiveToken, number>;
}

/**
 * The headings of block tokens, in document order, including those inside container directives
 * and (with `inQuotes`) blockquotes.
 */
export function collectHeadings(tokens: Token[], options: { inQuotes: boolean }): HeadingCollection {
  const headings: CollectedHeading[] = [];
  const tocOrder = new WeakMap<DirectiveToken, number>();
  let order = 0;
  const visit = (list: Token[], inCover: boolean): void => {
    for (const token of list) {
      if (isDirective(token)) {
        if (token.name === 'toc') tocOrder.set(token, order++);
        visit(token.tokens, inCover || token.name === 'cover');
        continue;
      }
      // marked's Token union does not narrow on `type` (Tokens.Generic takes any string).
      if (token.type === 'blockquote' && options.inQuotes) visit((token as Tokens.Blockquote).tokens, inCover);
      if (token.type === 'heading') headings.push({ token: token as Tokens.Heading, order: order++, inCover });
    }
  };
  visit(tokens, false);
  return { headings, tocOrder };
}

/** A README heading with the anchor GitHub gives it. */
export interface AnchoredHeading {
  depth: number;
  /** The heading as plain text (Markdown escapes and emphasis removed). */
  text: string;
  anchor: string;
}

/**
 * The README rule: GitHub's anchors, github-slugger's slug of the plain text with duplicates
 * numbered `-1`, `-2`… as GitHub numbers them. Top-level headings only, as the README's TOC has
 * always listed them.
 */
export function githubAnchors(markdown: string): AnchoredHeading[] {
  const slugger = new GithubSlugger();
  const tokens: Token[] = new Lexer({ gfm: true }).lex(markdown);
  return collectHeadings(tokens, { inQuotes: false }).headings.map(({ token }) => {
    const text = plainText(token.tokens);
    return { depth: token.depth, text, anchor: slugger.slug(text) };
  });
}

/** A workbook heading with its PDF id. */
export interface WorkbookHeading {
  id: string;
  title: string;
  depth: number;
  order: number;
}

export interface WorkbookHeadings {
  /** The headings outside the cover, in order: the TOC's and the outline's entries. */
  list: WorkbookHeading[];
  /** Every heading's id and title, cover headings included. */
  byToken: WeakMap<Tokens.Heading, WorkbookHeading>;
  /** GitHub-style slug → id, so a `[text](#slug)` link finds a heading whose id was fixed with `{# id }`. */
  slugToId: Map<string, string>;
  tocOrder: WeakMap<DirectiveToken, number>;
}

/**
 * The workbook rule: an explicit `{# id }` at the end of the heading (removed from its text),
 * else the GitHub-style slug when it is all printable ASCII, else `section-N` (N counting the
 * headings outside the cover); a used id gets `-1` appended until it is free. Looks into
 * blockquotes and container directives.
 */
export function workbookHeadingIds(tokens: Token[]): WorkbookHeadings {
  const { headings, tocOrder } = collectHeadings(tokens, { inQuotes: true });
  const slugger = new GithubSlugger();
  const used = new Set<string>();
  const result: WorkbookHeadings = { list: [], byToken: new WeakMap(), slugToId: new Map(), tocOrder };
  for (const { token, order, inCover } of headings) {
    const explicit = stripHeadingId(token);
    const title = plainText(token.tokens).trim();
    const slug = slugger.slug(title);
    let id = explicit ?? (PRINTABLE_ASCII.test(slug) ? slug : `section-${result.list.length + 1}`);
    while (used.has(id)) id = `${id}-1`;
    used.add(id);
    if (!result.slugToId.has(slug)) result.slugToId.set(slug, id);
    const heading: WorkbookHeading = { id, title, depth: token.depth, order };
    result.byToken.set(token, heading);
    if (!inCover) result.list.push(heading);
  }
  return result;
}

const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;
const HEADING_ID = /\s*\{#\s*([A-Za-z][\w.-]*)\s*\}\s*$/;

/** Removes a trailing `{# id }` from the heading's last text token and returns the id. */
function stripHeadingId(heading: Tokens.Heading): string | undefined {
  const last = heading.tokens[heading.tokens.length - 1];
  if (!last || last.type !== 'text') return undefined;
  // marked's inline `text` tokens are Tokens.Text; its Token union does not narrow on `type`.
  const text = last as Tokens.Text;
  const match = HEADING_ID.exec(text.text);
  if (!match) return undefined;
  text.text = text.text.slice(0, match.index);
  if (text.text === '') heading.tokens.pop();
  return match[1];
}

import GithubSlugger from 'github-slugger';
import { Lexer, type Tokens } from 'marked';
import { plainText } from './plain-text.js';

export interface TocEntry {
  depth: number;
  /** The heading as plain text (Markdown escapes and emphasis removed). */
  text: string;
  /** GitHub's anchor for it (github-slugger, duplicates numbered as GitHub does). */
  anchor: string;
}

/** Headings of a Markdown document, with the anchors GitHub gives them. */
export function collectHeadings(markdown: string): TocEntry[] {
  const slugger = new GithubSlugger();
  const out: TocEntry[] = [];
  for (const token of new Lexer({ gfm: true }).lex(markdown)) {
    if (token.type !== 'heading') continue;
    const heading = token as Tokens.Heading;
    const text = plainText(heading.tokens);
    out.push({ depth: heading.depth, text, anchor: slugger.slug(text) });
  }
  return out;
}

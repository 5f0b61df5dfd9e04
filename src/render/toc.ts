import GithubSlugger from 'github-slugger';
import { Lexer, type Token, type Tokens } from 'marked';

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

export function plainText(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  return tokens
    .map((t) => {
      if ('tokens' in t && Array.isArray(t.tokens) && t.type !== 'codespan') return plainText(t.tokens);
      if (t.type === 'escape' || t.type === 'text' || t.type === 'codespan') return (t as Tokens.Text).text;
      return 'text' in t && typeof t.text === 'string' ? t.text : t.raw;
    })
    .join('');
}

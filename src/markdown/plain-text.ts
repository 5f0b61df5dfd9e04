import type { Token, Tokens } from 'marked';

/** Inline tokens as the text a reader sees: Markdown escapes and emphasis removed. */
export function plainText(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  return tokens
    .map((t) => {
      if ('tokens' in t && Array.isArray(t.tokens) && t.type !== 'codespan') return plainText(t.tokens);
      // These three token types carry their text in `text`; marked's Token union does not narrow on `type`.
      if (t.type === 'escape' || t.type === 'text' || t.type === 'codespan') return (t as Tokens.Text).text;
      return 'text' in t && typeof t.text === 'string' ? t.text : t.raw;
    })
    .join('');
}

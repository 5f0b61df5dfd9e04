import type { Token, Tokens } from 'marked';
import type { FontStyleName, Span, TextStyle } from '../text/types.js';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (m) => ENTITIES[m] ?? m);
}

function withWeight(font: FontStyleName, bold: boolean, italic: boolean): FontStyleName {
  if (font === 'mono') return 'mono';
  const b = bold || font === 'bold' || font === 'boldItalic';
  const i = italic || font === 'italic' || font === 'boldItalic';
  return b && i ? 'boldItalic' : b ? 'bold' : i ? 'italic' : 'regular';
}

export interface InlineContext {
  /** Colour for links and inline code. */
  accent: string;
  /** Inline code is set this much smaller than the text around it. */
  codeScale: number;
  /** Maps `#anchor` links to destination names; external links pass through. */
  resolveLink(href: string): string | undefined;
}

/** `marked` inline tokens → styled spans for the text engine. */
export function inlineSpans(tokens: Token[] | undefined, base: TextStyle, ctx: InlineContext): Span[] {
  const out: Span[] = [];
  const walk = (list: Token[] | undefined, style: TextStyle): void => {
    for (const t of list ?? []) {
      // marked's Token union does not narrow on `type` (Tokens.Generic takes any string): each
      // case casts to the token its type names.
      switch (t.type) {
        case 'strong':
          walk((t as Tokens.Strong).tokens, { ...style, font: withWeight(style.font, true, false) });
          break;
        case 'em':
          walk((t as Tokens.Em).tokens, { ...style, font: withWeight(style.font, false, true) });
          break;
        case 'codespan':
          out.push({ text: decodeEntities((t as Tokens.Codespan).text), style: { ...style, font: 'mono', size: style.size * ctx.codeScale, color: ctx.accent } });
          break;
        case 'link': {
          const link = t as Tokens.Link;
          const target = ctx.resolveLink(link.href);
          const linked: TextStyle = target ? { ...style, link: target, color: ctx.accent } : style;
          walk(link.tokens, linked);
          break;
        }
        case 'br':
          out.push({ text: ' ', style });
          break;
        case 'image':
          out.push({ text: (t as Tokens.Image).text, style: { ...style, font: withWeight(style.font, false, true) } });
          break;
        case 'checkbox':
          break;
        case 'html':
          // Inline HTML is not rendered; comments vanish, other tags print as their text.
          if (!/^<!--/.test((t as Tokens.HTML).text)) out.push({ text: (t as Tokens.HTML).text.replace(/<[^>]*>/g, ''), style });
          break;
        default: {
          const any = t as Tokens.Generic;
          if (Array.isArray(any.tokens) && any.tokens.length > 0) walk(any.tokens, style);
          else if (typeof any.text === 'string') out.push({ text: decodeEntities(any.text).replace(/\n/g, ' '), style });
        }
      }
    }
  };
  walk(tokens, base);
  // Merge neighbours with identical styles: fewer runs to shape.
  const merged: Span[] = [];
  for (const s of out) {
    if (s.text === '') continue;
    const prev = merged[merged.length - 1];
    if (prev && sameStyle(prev.style, s.style)) prev.text += s.text;
    else merged.push({ text: s.text, style: s.style });
  }
  return merged;
}

function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return a.font === b.font && a.size === b.size && a.color === b.color && a.link === b.link && a.underline === b.underline;
}

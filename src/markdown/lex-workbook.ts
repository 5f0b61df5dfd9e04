import { Marked, type Token, type TokenizerAndRendererExtension } from 'marked';
import { checkDirectives } from './check-directives.js';
import { DIRECTIVES, isDirectiveName, type DirectiveToken, type TemplateRef } from './directives.js';

function directiveExtension(): TokenizerAndRendererExtension {
  return {
    name: 'directive',
    level: 'block',
    // marked calls this with its source minus the first character, and cuts a paragraph where
    // it points: `^` of a multiline regex would match that cut, mid-line, so `foo::: notes 9`
    // became text plus a directive. Only a `:::` after a newline starts one.
    start(src) {
      const m = /\n:::/.exec(src);
      return m ? m.index + 1 : undefined;
    },
    tokenizer(src) {
      // Inside a list item the line is `- ::: …`: not at the start of a line, not checked by
      // checkDirectives, so not a directive.
      if (!this.lexer.state.top) return undefined;
      const head = /^:::[ \t]*([A-Za-z][\w-]*)[ \t]*([^\n]*)(?:\n|$)/.exec(src);
      if (!head) return undefined;
      const name = head[1] ?? '';
      if (!isDirectiveName(name)) return undefined;
      const spec = DIRECTIVES[name];
      const args = (head[2] ?? '').trim();
      if (!spec.container) {
        return { type: 'directive', raw: head[0], name, args, tokens: [] } satisfies DirectiveToken;
      }
      const close = /\n:::[ \t]*(?:\n|$)/.exec(src.slice(head[0].length - 1));
      if (!close) return undefined;
      const bodyEnd = head[0].length - 1 + close.index;
      const body = src.slice(head[0].length, bodyEnd);
      const raw = src.slice(0, bodyEnd + close[0].length);
      const tokens: Token[] = [];
      this.lexer.blockTokens(body, tokens);
      return { type: 'directive', raw, name, args, tokens } satisfies DirectiveToken;
    },
    renderer: () => '',
  };
}

/**
 * A private `marked` instance with the directive extension (no global state). Made once: its
 * lexer keeps nothing between calls (each call makes a fresh Lexer).
 */
const workbookMarked = new Marked({ gfm: true, extensions: [directiveExtension()] });

/** Rendered workbook Markdown → block tokens (inline tokens filled in), directives checked first. */
export function lexWorkbook(markdown: string, template: TemplateRef): Token[] {
  checkDirectives(markdown, template);
  return workbookMarked.lexer(markdown);
}

import { Marked, type Token, type TokenizerAndRendererExtension } from 'marked';
import { RoadmapError, type Problem } from '../errors.js';

/**
 * Workbook directives: lines starting with `:::` in a workbook template (see
 * docs/workbook-directives.md). Leaf directives are one line (`::: notes 8`); containers open
 * with `::: name` and close with a line holding only `:::` (they do not nest).
 */
export type DirectiveName = 'pagebreak' | 'toc' | 'timeline' | 'notes' | 'review' | 'fillin' | 'cover' | 'keep';

interface DirectiveSpec {
  container: boolean;
  /** Returns an error message for bad arguments, or undefined. */
  check(args: string): string | undefined;
  usage: string;
}

const none = (args: string) => (args ? `takes no arguments (got "${args}")` : undefined);

export const DIRECTIVES: Record<DirectiveName, DirectiveSpec> = {
  pagebreak: { container: false, check: none, usage: '::: pagebreak' },
  toc: {
    container: false,
    check: (a) => (a === '' || /^[1-4]$/.test(a) ? undefined : `expects an optional heading depth 1-4 (got "${a}")`),
    usage: '::: toc [depth]',
  },
  timeline: { container: false, check: none, usage: '::: timeline' },
  notes: {
    container: false,
    check: (a) => (/^(fill|[1-9]\d{0,2})$/.test(a) ? undefined : `expects a number of lines (1-999) or "fill" (got "${a || 'nothing'}")`),
    usage: '::: notes N | ::: notes fill',
  },
  review: { container: false, check: none, usage: '::: review' },
  fillin: { container: false, check: (a) => (a ? undefined : 'expects a label, e.g. "::: fillin Done on"'), usage: '::: fillin LABEL' },
  cover: { container: true, check: none, usage: '::: cover … :::' },
  keep: { container: true, check: none, usage: '::: keep … :::' },
};

export interface DirectiveToken {
  type: 'directive';
  raw: string;
  name: DirectiveName;
  args: string;
  /** Block tokens inside a container. */
  tokens: Token[];
}

function isDirectiveName(name: string): name is DirectiveName {
  return Object.hasOwn(DIRECTIVES, name);
}

export function isDirective(t: Token): t is Token & DirectiveToken {
  return t.type === 'directive';
}

export interface TemplateRef {
  /** The template's display name, for errors. */
  file: string;
  /** The template's source, used to map a rendered line back to a template line. */
  source?: string;
}

const LINE = /^:::(.*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Checks every directive line of the rendered Markdown and reports all problems at once, each
 * located in the template (the line of the template that produced it when it can be found,
 * otherwise the line of the rendered Markdown).
 */
export function checkDirectives(markdown: string, template: TemplateRef): void {
  const problems: Problem[] = [];
  const lines = markdown.split('\n');
  let fence: string | undefined;
  let open: { name: string; line: number; text: string } | undefined;
  const report = (index: number, text: string, message: string) => problems.push({ ...locate(index, text, template), message });
  lines.forEach((text, index) => {
    const f = FENCE.exec(text);
    if (f) {
      const marker = f[1]?.[0];
      if (marker === undefined) return;
      if (fence === undefined) fence = marker;
      else if (fence === marker) fence = undefined;
      return;
    }
    if (fence !== undefined) return;
    const m = LINE.exec(text);
    if (!m) return;
    const rest = (m[1] ?? '').trim();
    if (rest === '') {
      if (open) open = undefined;
      else report(index, text, 'a closing ":::" without an open container directive (cover, keep)');
      return;
    }
    const d = /^([A-Za-z][\w-]*)(?:\s+(.*))?$/.exec(rest);
    if (!d) {
      report(index, text, `malformed directive "${text.trim()}": expected "::: name [arguments]"`);
      return;
    }
    const name = d[1] ?? '';
    const args = (d[2] ?? '').trim();
    const spec = isDirectiveName(name) ? DIRECTIVES[name] : undefined;
    if (!spec) {
      report(index, text, `unknown directive "${name}"; known: ${Object.keys(DIRECTIVES).join(', ')}`);
      return;
    }
    const bad = spec.check(args);
    if (bad) report(index, text, `directive "${name}" ${bad}; usage: ${spec.usage}`);
    if (spec.container) {
      if (open) report(index, text, `directive "${name}" inside "${open.name}": container directives do not nest`);
      else open = { name, line: index, text };
    }
  });
  if (open) report(open.line, open.text, `directive "${open.name}" is never closed: add a line with only ":::"`);
  if (problems.length > 0) {
    const n = problems.length;
    throw new RoadmapError('template', `template ${template.file} has ${n} directive problem${n === 1 ? '' : 's'}:`, problems);
  }
}

/** The template line a rendered line came from: same text, else the only line with that directive. */
function locate(index: number, text: string, template: TemplateRef): Omit<Problem, 'message'> {
  if (template.source !== undefined) {
    const src = template.source.split('\n');
    const exact = src.findIndex((l) => l.trim() === text.trim());
    if (exact >= 0) return { file: template.file, line: exact + 1 };
    const name = /^:::\s*(\S+)/.exec(text)?.[1];
    if (name) {
      const same = src.flatMap((l, i) => (new RegExp(`^:::\\s*${escapeRegExp(name)}(\\s|$)`).test(l.trim()) ? [i] : []));
      const [only, ...others] = same;
      if (only !== undefined && others.length === 0) return { file: template.file, line: only + 1 };
    }
  }
  return { file: template.file, line: index + 1, path: '(rendered Markdown)' };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

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

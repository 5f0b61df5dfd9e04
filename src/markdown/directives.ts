import type { Token } from 'marked';

/**
 * Workbook directives: lines starting with `:::` in a workbook template (see
 * docs/workbook-directives.md). Leaf directives are one line (`::: notes 8`); containers open
 * with `::: name` and close with a line holding only `:::` (they do not nest).
 */
export type DirectiveName = 'pagebreak' | 'toc' | 'timeline' | 'notes' | 'review' | 'fillin' | 'cover' | 'keep';

export interface DirectiveSpec {
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

export function isDirectiveName(name: string): name is DirectiveName {
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

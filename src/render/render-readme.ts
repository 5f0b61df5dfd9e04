import { expandToc } from '../markdown/toc.js';
import { tidyMarkdown } from '../markdown/tidy.js';
import type { ViewModel } from '../personalize/view-model.js';
import { escapeMarkdown } from './escape-markdown.js';

/** README text from the compiled templates: tidy blank lines, then the TOC. */
export function renderReadme(render: (which: 'readme', ctx: unknown) => string, view: ViewModel): string {
  return `${expandToc(tidyMarkdown(render('readme', view)), escapeMarkdown)}\n`;
}

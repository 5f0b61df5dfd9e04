import type { ViewModel } from '../personalize/view-model.js';
import { expandToc } from './expand-toc.js';

/** README text from the compiled templates: tidy blank lines, then the TOC. */
export function renderReadme(render: (which: 'readme', ctx: unknown) => string, view: ViewModel): string {
  const markdown = render('readme', view)
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return `${expandToc(markdown)}\n`;
}

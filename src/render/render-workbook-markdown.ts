import { tidyMarkdown } from '../markdown/tidy.js';
import type { ViewModel } from '../personalize/view-model.js';

/** Workbook Markdown from the compiled templates, with blank-line runs tidied. */
export function renderWorkbookMarkdown(render: (which: 'workbook', ctx: unknown) => string, view: ViewModel): string {
  return `${tidyMarkdown(render('workbook', view))}\n`;
}

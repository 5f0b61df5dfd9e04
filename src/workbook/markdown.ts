import type { ViewModel } from '../personalize/view-model.js';

/** Workbook Markdown from the compiled templates, with blank-line runs tidied. */
export function renderWorkbookMarkdown(render: (which: 'workbook', ctx: unknown) => string, view: ViewModel): string {
  return `${render('workbook', view).replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

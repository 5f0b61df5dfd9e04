import { layoutDocument } from '../layout/layout.js';
import { defaultTheme } from '../layout/theme.js';
import type { LayoutResult } from '../layout/types.js';
import type { TimelineData } from '../layout/widgets/timeline.js';
import type { TemplateRef } from '../markdown/directives.js';
import { lexWorkbook } from '../markdown/lex-workbook.js';
import { addMonths } from '../personalize/calendar.js';
import { formatInteger, formatMonthShort } from '../personalize/locale-format.js';
import type { ViewModel } from '../personalize/view-model.js';
import { formatLabel } from '../schema/labels.js';
import { checkMissingGlyphs } from '../text/missing.js';
import type { LaidLine, TextEngine } from '../text/types.js';
import { typeset } from '../pdf/typeset.js';

export interface WorkbookOptions {
  /** Real AcroForm checkboxes and text fields over the printed ones. */
  fillable?: boolean;
  /** Draw characters no font covers as a replacement (with a warning) instead of failing. */
  allowMissingGlyphs?: boolean;
  /** The PDF's CreationDate/ModDate (and through them the file ID). Passed in: the core never reads the clock. */
  date: Date;
}

export interface WorkbookResult {
  pdf: Uint8Array;
  warnings: string[];
  layout: LayoutResult<LaidLine>;
}

/** The learner's 12 months as timeline columns and their plan entries as bars. */
export function timelineData(view: ViewModel): TimelineData {
  const start = view.start.date;
  const last = Math.max(12, ...view.plan.map((p) => p.monthTo));
  const months = Array.from({ length: last }, (_, i) => {
    const d = addMonths(start, i);
    return { label: formatMonthShort(d, view.locale), ...(i === 0 || d.month === 1 ? { year: formatInteger(d.year, view.locale) } : {}) };
  });
  return {
    months,
    rows: view.plan.map((p) => ({ label: p.label, detail: p.topics.join(' + '), from: p.monthFrom, to: p.monthTo, highlight: p.isCapstone })),
  };
}

function pageOf(view: ViewModel, n: number, total: number): string {
  return formatLabel(view.labels, 'pageOf', { n: formatInteger(n, view.locale), total: formatInteger(total, view.locale) });
}

/**
 * Workbook Markdown (already rendered from its template) → PDF bytes: directives checked,
 * `marked` tokens laid out against the text engine, pages drawn. Throws RoadmapError
 * ('template') for directive problems and ('glyphs') for characters no font covers.
 */
export async function renderWorkbook(markdown: string, template: TemplateRef, view: ViewModel, engine: TextEngine, options: WorkbookOptions): Promise<WorkbookResult> {
  const tokens = lexWorkbook(markdown, template);
  const theme = defaultTheme();
  engine.resetMissing();
  const layout = layoutDocument(tokens, engine, {
    paper: view.paper,
    theme,
    widgets: {
      review: { review: view.labels.review, wentWell: view.labels.wentWell, blockedBy: view.labels.blockedBy, nextSteps: view.labels.nextSteps },
      timeline: timelineData(view),
    },
  });
  const header = { left: view.meta.title, right: view.learner.name };
  const pdf = await typeset(layout, engine, {
    info: {
      title: `${view.meta.title} — ${view.learner.name}`,
      author: view.learner.name,
      subject: view.meta.subtitle ?? view.meta.title,
      keywords: [view.trackName, view.currentLevel.code, ...(view.meta.phase ? [view.meta.phase] : []), 'career roadmap', 'workbook'].join(', '),
      lang: view.locale,
      date: options.date,
      creator: view.generated.tool,
      producer: `${view.generated.tool} ${view.generated.version} (PDFKit)`,
    },
    header,
    footer: (n, total) => pageOf(view, n, total),
    pageNumber: (n) => formatInteger(n, view.locale),
    fillable: options.fillable ?? false,
    colors: { text: theme.color.text, muted: theme.color.muted, accent: theme.color.accent, rule: theme.color.rule },
    small: theme.small,
  });
  // After drawing: running headers, footers and page numbers are laid out only then, and the
  // engine records every character no font had, wherever it was laid out.
  const warnings = checkMissingGlyphs(engine.missing(), options.allowMissingGlyphs ?? false);
  return { pdf, warnings, layout };
}

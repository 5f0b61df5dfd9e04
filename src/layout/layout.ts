import type { Token } from 'marked';
import { workbookHeadingIds } from '../markdown/heading-ids.js';
import { layoutBlocks } from './blocks/flow.js';
import { FormFields } from './form-fields.js';
import type { LayoutDoc } from './frame.js';
import type { InlineContext } from './inline.js';
import { paginate } from './paginate.js';
import { defaultTheme, geometryFor, halfLeading, type PaperName, type Theme } from './theme.js';
import type { HeadingInfo, LayoutResult, MeasuredLine, Measurer } from './types.js';
import type { WidgetData } from './widgets/registry.js';

export interface LayoutOptions {
  paper: PaperName;
  theme?: Theme;
  /** What the workbook's widgets show beyond the Markdown (review labels, the timeline). */
  widgets: WidgetData;
}

/**
 * Lays out workbook tokens into pages. Pure over the measurer: block tokens go to the builders
 * in blocks/, directives to their widgets in widgets/, rows to the paginator.
 */
export function layoutDocument<L extends MeasuredLine>(tokens: Token[], measurer: Measurer<L>, options: LayoutOptions): LayoutResult<L> {
  const theme = options.theme ?? defaultTheme();
  const geometry = geometryFor(options.paper);
  const headings = workbookHeadingIds(tokens);
  const inline: InlineContext = {
    accent: theme.color.accent,
    codeScale: theme.codeScale,
    resolveLink: (href) => {
      if (!href.startsWith('#')) return /^(https?:|mailto:)/.test(href) ? href : undefined;
      const id = headings.slugToId.get(href.slice(1)) ?? href.slice(1);
      return `#${id}`;
    },
  };
  const doc: LayoutDoc<L> = {
    measurer,
    theme,
    geometry,
    half: halfLeading(theme),
    inline,
    headings,
    widgetData: options.widgets,
    tocIds: new Set(),
    fields: new FormFields(),
    blocks: (list, frame) => layoutBlocks(list, frame, doc),
  };
  const rows = layoutBlocks(tokens, { x: 0, width: geometry.right - geometry.left, listDepth: 0, cover: false }, doc);
  const pages = paginate(rows, geometry);
  const destinations = new Map<string, number>();
  for (const p of pages) for (const it of p.items) if (it.kind === 'anchor' && !destinations.has(it.id)) destinations.set(it.id, p.index);
  const headingInfo: HeadingInfo[] = headings.list.map((h) => ({
    id: h.id,
    title: h.title,
    depth: h.depth,
    page: destinations.get(h.id) ?? -1,
    inToc: doc.tocIds.has(h.id),
  }));
  return { pages, headings: headingInfo, geometry, destinations, checkboxes: doc.fields.checkboxes, fields: doc.fields.names };
}

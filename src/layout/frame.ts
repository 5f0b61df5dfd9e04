import type { Token } from 'marked';
import type { WorkbookHeadings } from '../markdown/heading-ids.js';
import type { FormFields } from './form-fields.js';
import type { InlineContext } from './inline.js';
import type { Theme } from './theme.js';
import type { MeasuredLine, Measurer, PageGeometry, Row } from './types.js';
import type { WidgetData } from './widgets/registry.js';

/** Where a block is laid out: its column, list nesting and whether it is on the cover. */
export interface Frame {
  x: number;
  width: number;
  listDepth: number;
  cover: boolean;
}

/** What every block builder and widget lays out against. */
export interface LayoutDoc<L extends MeasuredLine> {
  readonly measurer: Measurer<L>;
  readonly theme: Theme;
  readonly geometry: PageGeometry;
  /** Half the body leading: the unit of vertical space. */
  readonly half: number;
  readonly inline: InlineContext;
  readonly headings: WorkbookHeadings;
  readonly widgetData: WidgetData;
  /** Ids of the headings listed by a `::: toc`. */
  readonly tocIds: Set<string>;
  readonly fields: FormFields;
  /** Lays out nested block tokens (list items, callouts, containers). */
  blocks(tokens: Token[], frame: Frame): Row<L>[];
}

/** Body and table text are set larger on the cover. */
export function scaleOf(frame: Frame, theme: Theme): number {
  return frame.cover ? theme.cover.scale : 1;
}

import type { Token, Tokens } from 'marked';
import { isDirective, type DirectiveToken } from '../markdown/directives.js';
import { workbookHeadingIds, type WorkbookHeading, type WorkbookHeadings } from '../markdown/heading-ids.js';
import { workbookTocEntries } from '../markdown/toc.js';
import type { Span, TextStyle } from '../text/types.js';
import { inlineSpans, type InlineContext } from './inline.js';
import { offset, paginate } from './paginate.js';
import { defaultTheme, geometryFor, style, type PaperName, type Theme } from './theme.js';
import type { HeadingInfo, Item, LayoutResult, MeasuredLine, Measurer, PageGeometry, Row } from './types.js';

/** Data for `::: timeline`: the learner's plan as month columns and bars. */
export interface TimelineData {
  /** One label per month column, e.g. "Jan" with the year under the first month and every January. */
  months: { label: string; year?: string }[];
  rows: { label: string; detail: string; from: number; to: number; highlight: boolean }[];
}

export interface LayoutOptions {
  paper: PaperName;
  theme?: Theme;
  /** Labels used by directives (review box areas). */
  labels: { review: string; wentWell: string; blockedBy: string; nextSteps: string };
  timeline?: TimelineData;
}

/** Lays out workbook tokens into pages. Pure over the measurer. */
export function layoutDocument<L extends MeasuredLine>(tokens: Token[], measurer: Measurer<L>, options: LayoutOptions): LayoutResult<L> {
  const theme = options.theme ?? defaultTheme();
  const g = geometryFor(options.paper);
  const flow = new Flow<L>(measurer, theme, g, options, tokens);
  const rows = flow.run(tokens);
  const pages = paginate(rows, g);
  const destinations = new Map<string, number>();
  for (const p of pages) for (const it of p.items) if (it.kind === 'anchor' && !destinations.has(it.id)) destinations.set(it.id, p.index);
  const headings: HeadingInfo[] = flow.headingList.map((h) => ({
    id: h.id,
    title: h.title,
    depth: h.depth,
    page: destinations.get(h.id) ?? -1,
    inToc: flow.tocIds.has(h.id),
  }));
  return { pages, headings, geometry: g, destinations, checkboxes: flow.checkboxes, fields: flow.fields };
}

interface Ctx {
  x: number;
  width: number;
  listDepth: number;
  cover: boolean;
}

/** Body and table text are set 25% larger on the cover. */
function scaleOf(ctx: Ctx): number {
  return ctx.cover ? 1.25 : 1;
}

class Flow<L extends MeasuredLine> {
  readonly headingList: WorkbookHeading[];
  private readonly ids: WorkbookHeadings;
  readonly tocIds = new Set<string>();
  checkboxes = 0;
  readonly fields: string[] = [];
  private section = 'doc';
  private readonly counters = new Map<string, number>();
  private readonly inline: InlineContext;
  private readonly half: number;

  constructor(
    private readonly m: Measurer<L>,
    private readonly t: Theme,
    private readonly g: PageGeometry,
    private readonly options: LayoutOptions,
    tokens: Token[],
  ) {
    this.half = t.leading / 2;
    this.inline = {
      accent: t.color.accent,
      resolveLink: (href) => {
        if (!href.startsWith('#')) return /^(https?:|mailto:)/.test(href) ? href : undefined;
        const id = this.ids.slugToId.get(href.slice(1)) ?? href.slice(1);
        return `#${id}`;
      },
    };
    this.ids = workbookHeadingIds(tokens);
    this.headingList = this.ids.list;
  }

  run(tokens: Token[]): Row<L>[] {
    const rows = this.blocks(tokens, { x: 0, width: this.g.right - this.g.left, listDepth: 0, cover: false });
    return rows;
  }

  /**
   * A form field name unique in the document: `section.kind-n`. Kinds that usually occur once
   * per section (notes, review, fill-in) leave the first one unnumbered.
   */
  private fieldName(kind: string, numberFirst: boolean): string {
    const key = `${this.section}.${kind}`;
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    const name = n === 1 && !numberFirst ? key : `${key}-${n}`;
    this.fields.push(name);
    return name;
  }

  /** Paragraph lines as rows; rows 2 and n are kept with their predecessors (no orphans, no widows). */
  private textRows(spans: Span[], x: number, width: number, opts: { lineHeight?: number; align?: 'left' | 'center' | 'right' } = {}): Row<L>[] {
    if (spans.length === 0) return [];
    const lines = this.m.layoutParagraph(spans, { width, align: opts.align ?? 'left', lineHeight: opts.lineHeight ?? this.t.lineHeight });
    const rows = lines.map((line): Row<L> => ({ height: line.height, spaceBefore: 0, keepWithPrev: false, items: [{ kind: 'text', x, y: 0, line, width }] }));
    keepEnds(rows);
    return rows;
  }

  private blocks(tokens: Token[], ctx: Ctx): Row<L>[] {
    const out: Row<L>[] = [];
    let keepNext = false;
    let breakNext = false;
    const push = (rows: Row<L>[], space: number, opts: { heading?: boolean } = {}): void => {
      if (rows.length === 0) return;
      const first = rows[0] as Row<L>;
      first.spaceBefore = out.length === 0 ? 0 : keepNext && !opts.heading ? Math.min(space, this.half / 2) : space;
      if (keepNext) first.keepWithPrev = true;
      if (breakNext) {
        first.breakBefore = true;
        first.keepWithPrev = false;
        breakNext = false;
      }
      if (ctx.cover) for (const r of rows) r.cover = true;
      out.push(...rows);
      keepNext = Boolean(opts.heading);
    };
    for (const tok of tokens) {
      if (isDirective(tok)) {
        if (tok.name === 'pagebreak') {
          breakNext = out.length > 0 || breakNext;
          keepNext = false;
          continue;
        }
        const rows = this.directive(tok, ctx);
        if (tok.name === 'cover') {
          if (out.length > 0) breakNext = true;
          push(rows, 0);
          breakNext = true;
          keepNext = false;
          continue;
        }
        push(rows, this.half);
        continue;
      }
      switch (tok.type) {
        case 'heading': {
          const hs = this.headingStyle((tok as Tokens.Heading).depth, ctx);
          push(this.heading(tok as Tokens.Heading, ctx, hs), hs.before, { heading: true });
          break;
        }
        case 'paragraph':
        case 'text': {
          const spans = inlineSpans((tok as Tokens.Paragraph).tokens, style('regular', this.t.body * scaleOf(ctx), this.t.color.text), this.inline);
          push(this.textRows(spans, ctx.x, ctx.width, { lineHeight: ctx.cover ? 1.45 : this.t.lineHeight }), ctx.cover ? this.half * 1.5 : this.half);
          break;
        }
        case 'list':
          push(this.list(tok as Tokens.List, ctx), ctx.listDepth > 0 ? 2 : this.half);
          break;
        case 'table':
          push(this.table(tok as Tokens.Table, ctx), this.half * 1.5);
          break;
        case 'code':
          push(this.code(tok as Tokens.Code, ctx), this.half);
          break;
        case 'blockquote':
          push(this.callout(tok as Tokens.Blockquote, ctx), this.half * 1.5);
          break;
        case 'hr':
          push([{ height: this.t.leading, spaceBefore: 0, keepWithPrev: false, items: [{ kind: 'rule', x1: ctx.x + ctx.width * 0.3, x2: ctx.x + ctx.width * 0.7, y1: this.t.leading / 2, y2: this.t.leading / 2, color: this.t.color.accentSoft, width: 0.8 }] }], this.half);
          break;
        case 'html': {
          const text = (tok as Tokens.HTML).text.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, '').trim();
          if (text) push(this.textRows([{ text, style: style('regular', this.t.body, this.t.color.text) }], ctx.x, ctx.width), this.half);
          break;
        }
        default:
          break; // space, def
      }
    }
    return out;
  }

  private headingStyle(depth: number, ctx: Ctx) {
    const d = Math.min(4, Math.max(1, depth)) as 1 | 2 | 3 | 4;
    const h = this.t.headings[d];
    if (ctx.cover && d === 1) return { ...h, size: 30, color: '#ffffff', lineHeight: 1.2 };
    if (ctx.cover) return { ...h, size: h.size * 1.1 };
    return h;
  }

  private heading(h: Tokens.Heading, ctx: Ctx, hs: ReturnType<Flow<L>['headingStyle']>): Row<L>[] {
    const meta = this.ids.byToken.get(h);
    const spans = inlineSpans(h.tokens, style(hs.font, hs.size, hs.color), this.inline);
    if (ctx.cover && h.depth === 1) return this.coverTitle(spans, ctx);
    const rows = this.textRows(spans, ctx.x, ctx.width, { lineHeight: hs.lineHeight });
    for (const r of rows.slice(1)) r.keepWithPrev = true;
    for (const r of rows) r.heading = true;
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (!first || !last) return rows;
    if (meta && !ctx.cover) {
      // Form fields are named after their section (headings of depth 1-2).
      if (meta.depth <= 2) this.section = meta.id;
      first.items.unshift({ kind: 'anchor', x: ctx.x, y: 0, id: meta.id, title: meta.title, depth: meta.depth });
    }
    if (h.depth === 1) {
      const ruleY = last.height + 4;
      last.items.push({ kind: 'rule', x1: ctx.x, x2: ctx.x + ctx.width, y1: ruleY, y2: ruleY, color: this.t.color.accent, width: 1.2 });
      last.height += 6;
    } else if (h.depth === 2) {
      last.items.unshift({ kind: 'rect', x: ctx.x - 9, y: (last.height - hs.size) / 2, w: 3, h: hs.size, fill: this.t.color.accent });
    }
    last.height += hs.after;
    return rows;
  }

  /** The cover's title: white on an accent panel. */
  private coverTitle(spans: Span[], ctx: Ctx): Row<L>[] {
    const pad = 22;
    const lines = this.m.layoutParagraph(spans, { width: ctx.width - 2 * pad, align: 'left', lineHeight: 1.2 });
    const textH = lines.reduce((s, l) => s + l.height, 0);
    const h = textH + 2 * pad + 20;
    const items: Item<L>[] = [{ kind: 'rect', x: ctx.x, y: 0, w: ctx.width, h, fill: this.t.color.accent, radius: 6 }];
    items.push({ kind: 'rect', x: ctx.x + pad, y: pad, w: 40, h: 4, fill: this.t.color.calloutBar });
    let y = pad + 20;
    for (const l of lines) {
      items.push({ kind: 'text', x: ctx.x + pad, y, line: l, width: ctx.width - 2 * pad });
      y += l.height;
    }
    const spacer: Row<L> = { height: (this.g.bottom - this.g.top) * 0.18, spaceBefore: 0, keepWithPrev: false, items: [] };
    return [spacer, { height: h + this.half * 2, spaceBefore: 0, keepWithPrev: true, items, heading: true }];
  }

  private list(list: Tokens.List, ctx: Ctx): Row<L>[] {
    const out: Row<L>[] = [];
    const size = this.t.body * scaleOf(ctx);
    const start = typeof list.start === 'number' ? list.start : 1;
    const tasks = list.items.some((it) => it.task);
    const markerW = list.ordered ? Math.max(16, this.m.measure([{ text: `${start + list.items.length - 1}.`, style: style('regular', size) }]).max + 5) : tasks ? 16 : 14;
    list.items.forEach((item, i) => {
      const x = ctx.x + markerW;
      const width = ctx.width - markerW;
      const inner: Ctx = { ...ctx, x, width, listDepth: ctx.listDepth + 1 };
      const rows = this.blocks(item.tokens.filter((t) => t.type !== 'checkbox'), inner);
      const first = rows[0];
      if (!first) return;
      const firstText = first.items.find((it) => it.kind === 'text') as Extract<Item<L>, { kind: 'text' }> | undefined;
      const baseline = firstText ? firstText.line.baseline : size;
      if (item.task) {
        const box = size * 0.95;
        const cy = baseline - size * 0.36;
        this.checkboxes++;
        first.items.push({ kind: 'checkbox', x: ctx.x + 1, y: cy - box / 2, size: box, field: this.fieldName('check', true), checked: Boolean(item.checked) });
      } else {
        const marker = list.ordered ? `${start + i}.` : ctx.listDepth % 2 === 0 ? '•' : '–';
        const ms: TextStyle = style(list.ordered ? 'regular' : 'bold', size, this.t.color.accent);
        const [ml] = this.m.layoutParagraph([{ text: marker, style: ms }], { width: markerW, lineHeight: this.t.lineHeight });
        if (ml) first.items.push({ kind: 'text', x: ctx.x + (list.ordered ? 0 : 3), y: baseline - ml.baseline, line: ml, width: markerW });
      }
      first.spaceBefore = 0;
      if (out.length > 0) first.spaceBefore = list.loose ? this.half : 2.5;
      out.push(...rows);
    });
    return out;
  }

  private code(code: Tokens.Code, ctx: Ctx): Row<L>[] {
    const pad = 7;
    const st = style('mono', this.t.codeSize, '#24292f');
    const rows: Row<L>[] = [];
    const lines = code.text.replace(/\t/g, '    ').split('\n');
    for (const text of lines) {
      const laid = this.m.layoutParagraph([{ text: text || ' ', style: st }], { width: ctx.width - 2 * pad, lineHeight: 1.4 });
      for (const l of laid) rows.push({ height: l.height, spaceBefore: 0, keepWithPrev: false, items: [{ kind: 'text', x: ctx.x + pad, y: 0, line: l, width: ctx.width - 2 * pad }] });
    }
    keepEnds(rows);
    return this.decorate(rows, ctx, { fill: this.t.color.codeFill, pad, bar: undefined });
  }

  /** Shades rows as one box (split across pages if it must), padding the first and last row. */
  private decorate(rows: Row<L>[], ctx: Ctx, o: { fill: string; pad: number; bar: string | undefined }): Row<L>[] {
    const n = rows.length;
    rows.forEach((r, k) => {
      // Space between rows becomes part of the shaded box, so it shows no gaps.
      const top = (k === 0 ? o.pad : r.spaceBefore);
      const bottom = k === n - 1 ? o.pad : 0;
      r.items = offset(r.items, 0, top);
      r.height += top + bottom;
      r.spaceBefore = 0;
      r.items.unshift({ kind: 'rect', x: ctx.x, y: 0, w: ctx.width, h: r.height, fill: o.fill });
      if (o.bar) r.items.splice(1, 0, { kind: 'rect', x: ctx.x, y: 0, w: 3, h: r.height, fill: o.bar });
    });
    return rows;
  }

  private callout(q: Tokens.Blockquote, ctx: Ctx): Row<L>[] {
    const pad = 9;
    const inner: Ctx = { ...ctx, x: ctx.x + pad + 6, width: ctx.width - 2 * pad - 6 };
    const rows = this.blocks(q.tokens, inner);
    const total = rows.reduce((s, r) => s + r.height + r.spaceBefore, 0);
    // A callout of up to a third of a page is never split.
    if (total < (this.g.bottom - this.g.top) / 3) rows.slice(1).forEach((r) => (r.keepWithPrev = true));
    return this.decorate(rows, ctx, { fill: this.t.color.calloutFill, pad, bar: this.t.color.calloutBar });
  }

  private table(table: Tokens.Table, ctx: Ctx): Row<L>[] {
    const size = this.t.tableSize * scaleOf(ctx);
    const padX = 5;
    const padY = 4 * scaleOf(ctx);
    const cols = table.header.length;
    const headerStyle = style('bold', size, this.t.color.accent);
    const bodyStyle = style('regular', size, this.t.color.text);
    const header = table.header.map((c) => inlineSpans(c.tokens, headerStyle, this.inline));
    const body = table.rows.map((r) => r.map((c) => inlineSpans(c.tokens, bodyStyle, this.inline)));
    const highlighted = table.rows.map((r) => {
      const first = r[0]?.tokens.filter((t) => !(t.type === 'text' && (t as Tokens.Text).text.trim() === ''));
      return first?.length === 1 && first[0]?.type === 'strong';
    });
    const widths = columnWidths([header, ...body], cols, ctx.width, padX, (s) => this.m.measure(s));
    const layoutRow = (cells: Span[][], kind: 'header' | 'body', index: number): Row<L> => {
      const laid = widths.map((w, c) => {
        const spans = cells[c] ?? [];
        const align = (table.align[c] ?? 'left') as 'left' | 'center' | 'right';
        return spans.length ? this.m.layoutParagraph(spans, { width: w - 2 * padX, align, lineHeight: 1.35 }) : [];
      });
      const h = Math.max(size * 1.35, ...laid.map((ls) => ls.reduce((s, l) => s + l.height, 0))) + 2 * padY;
      const items: Item<L>[] = [];
      const fill = kind === 'header' ? this.t.color.accentLight : highlighted[index] ? this.t.color.highlight : index % 2 === 1 ? this.t.color.zebra : undefined;
      if (fill) items.push({ kind: 'rect', x: ctx.x, y: 0, w: ctx.width, h, fill });
      let x = ctx.x;
      laid.forEach((ls, c) => {
        let y = padY;
        for (const l of ls) {
          items.push({ kind: 'text', x: x + padX, y, line: l, width: (widths[c] as number) - 2 * padX });
          y += l.height;
        }
        x += widths[c] as number;
      });
      items.push({ kind: 'rule', x1: ctx.x, x2: ctx.x + ctx.width, y1: h, y2: h, color: kind === 'header' ? this.t.color.accent : this.t.color.rule, width: kind === 'header' ? 0.9 : 0.4 });
      return { height: h, spaceBefore: 0, keepWithPrev: false, items };
    };
    const rows = body.map((cells, i) => layoutRow(cells, 'body', i));
    // A table whose header cells are all empty (a key/value table) has no header row.
    if (header.every((c) => c.length === 0)) {
      keepEnds(rows);
      if (rows.length <= 5) rows.forEach((r, i) => (r.keepWithPrev = i > 0));
      return rows;
    }
    const head = layoutRow(header, 'header', -1);
    rows.forEach((r, i) => {
      r.repeatHeader = head;
      if (i === 0) r.keepWithPrev = true;
    });
    // A short table (up to five rows) stays whole.
    if (rows.length <= 5) rows.forEach((r) => (r.keepWithPrev = true));
    return [head, ...rows];
  }

  private directive(d: DirectiveToken, ctx: Ctx): Row<L>[] {
    switch (d.name) {
      case 'cover':
        return this.blocks(d.tokens, { ...ctx, cover: true });
      case 'keep': {
        const rows = this.blocks(d.tokens, ctx);
        rows.slice(1).forEach((r) => (r.keepWithPrev = true));
        return rows;
      }
      case 'toc':
        return this.toc(d, ctx);
      case 'timeline':
        return this.timeline(ctx);
      case 'notes':
        return this.notes(d.args, ctx);
      case 'review':
        return [this.review(ctx)];
      case 'fillin':
        return [this.fillin(d.args, ctx)];
      default:
        return [];
    }
  }

  private toc(d: DirectiveToken, ctx: Ctx): Row<L>[] {
    const entries = workbookTocEntries(this.ids, d);
    const minDepth = Math.min(...entries.map((e) => e.depth));
    const numW = 34;
    const rows: Row<L>[] = [];
    for (const e of entries) {
      const level = e.depth - minDepth;
      const top = level === 0;
      this.tocIds.add(e.id);
      const st = style(top ? 'bold' : 'regular', top ? this.t.body * 1.05 : this.t.body, top ? this.t.color.accent : this.t.color.text);
      const indent = level * 16;
      const lines = this.m.layoutParagraph([{ text: e.title, style: st }], { width: ctx.width - indent - numW - 8, lineHeight: 1.45 });
      const items: Item<L>[] = [];
      let y = 0;
      for (const l of lines) {
        items.push({ kind: 'text', x: ctx.x + indent, y, line: l, width: ctx.width - indent - numW - 8 });
        y += l.height;
      }
      const last = lines[lines.length - 1];
      if (last) {
        const ly = y - last.height + last.baseline;
        items.push({ kind: 'rule', x1: ctx.x + indent + last.width + 6, x2: ctx.x + ctx.width - numW + 4, y1: ly, y2: ly, color: this.t.color.accentSoft, width: 0.8, dash: [0.8, 3] });
        items.push({ kind: 'pageref', x: ctx.x + ctx.width, y: y - last.height, dest: e.id, style: st });
      }
      items.push({ kind: 'link', x: ctx.x + indent, y: 0, w: ctx.width - indent, h: y, dest: e.id });
      rows.push({ height: y, spaceBefore: top && rows.length > 0 ? this.half * 0.8 : 0, keepWithPrev: false, items });
    }
    return rows;
  }

  private timeline(ctx: Ctx): Row<L>[] {
    const data = this.options.timeline;
    if (!data || data.rows.length === 0) return [];
    const n = data.months.length;
    const small = this.t.small;
    const labelW = Math.min(ctx.width * 0.3, Math.max(70, ...data.rows.map((r) => this.m.measure([{ text: r.label, style: style('bold', small + 0.5) }]).max + 10)));
    const colW = (ctx.width - labelW) / n;
    const headH = 26;
    const rowH = 36;
    const items: Item<L>[] = [];
    const x0 = ctx.x + labelW;
    // Month columns: alternating shading, month names and the year where it changes.
    data.months.forEach((mo, i) => {
      const x = x0 + i * colW;
      if (i % 2 === 0) items.push({ kind: 'rect', x, y: headH, w: colW, h: rowH * data.rows.length, fill: this.t.color.zebra });
      const [ml] = this.m.layoutParagraph([{ text: mo.label, style: style('bold', small, this.t.color.accent) }], { width: colW, align: 'center', lineHeight: 1.3 });
      if (ml) items.push({ kind: 'text', x, y: 2, line: ml, width: colW });
      if (mo.year) {
        const [yl] = this.m.layoutParagraph([{ text: mo.year, style: style('regular', small - 1, this.t.color.muted) }], { width: colW, align: 'center', lineHeight: 1.3 });
        if (yl) items.push({ kind: 'text', x, y: 2 + (ml?.height ?? 10), line: yl, width: colW });
      }
    });
    items.push({ kind: 'rule', x1: ctx.x, x2: ctx.x + ctx.width, y1: headH, y2: headH, color: this.t.color.accent, width: 0.9 });
    data.rows.forEach((r, k) => {
      const y = headH + k * rowH;
      const [ll] = this.m.layoutParagraph([{ text: r.label, style: style('bold', small + 0.5, this.t.color.text) }], { width: labelW - 6, lineHeight: 1.3 });
      const dl = this.m.layoutParagraph([{ text: r.detail, style: style('regular', small - 1, this.t.color.muted) }], { width: labelW - 6, lineHeight: 1.25 }).slice(0, 2);
      let ty = y + 3;
      if (ll) {
        items.push({ kind: 'text', x: ctx.x, y: ty, line: ll, width: labelW - 6 });
        ty += ll.height;
      }
      for (const l of dl) {
        items.push({ kind: 'text', x: ctx.x, y: ty, line: l, width: labelW - 6 });
        ty += l.height;
      }
      const bx = x0 + (r.from - 1) * colW + 2;
      const bw = (r.to - r.from + 1) * colW - 4;
      items.push({ kind: 'rect', x: bx, y: y + 11, w: bw, h: rowH - 22, fill: r.highlight ? this.t.color.capstone : this.t.color.accent, radius: 3 });
      items.push({ kind: 'rule', x1: ctx.x, x2: ctx.x + ctx.width, y1: y + rowH, y2: y + rowH, color: this.t.color.rule, width: 0.3 });
    });
    const h = headH + rowH * data.rows.length + 4;
    return [{ height: h, spaceBefore: 0, keepWithPrev: false, items }];
  }

  private noteLines(count: number, ctx: Ctx, name: string): { height: number; items: Item<L>[] } {
    const gap = this.t.leading * 1.4;
    const items: Item<L>[] = [];
    for (let i = 1; i <= count; i++) items.push({ kind: 'rule', x1: ctx.x, x2: ctx.x + ctx.width, y1: i * gap, y2: i * gap, color: this.t.color.rule, width: 0.5 });
    items.push({ kind: 'field', x: ctx.x, y: 0, w: ctx.width, h: count * gap + 2, field: name, multiline: true });
    return { height: count * gap + 4, items };
  }

  private notes(args: string, ctx: Ctx): Row<L>[] {
    const gap = this.t.leading * 1.4;
    if (args === 'fill') {
      const name = this.fieldName('notes', false);
      return [{ height: gap * 3 + 4, spaceBefore: 0, keepWithPrev: false, items: [], fill: (avail) => this.noteLines(Math.max(3, Math.floor((avail - 4) / gap)), ctx, name) }];
    }
    let left = Number(args);
    const perPage = Math.floor((this.g.bottom - this.g.top - 4) / gap);
    const rows: Row<L>[] = [];
    while (left > 0) {
      const n = Math.min(left, perPage);
      const r = this.noteLines(n, ctx, this.fieldName('notes', false));
      rows.push({ height: r.height, spaceBefore: 0, keepWithPrev: false, items: r.items });
      left -= n;
    }
    return rows;
  }

  private review(ctx: Ctx): Row<L> {
    const { labels } = this.options;
    const pad = 10;
    const items: Item<L>[] = [];
    const titleStyle = style('bold', this.t.body * 1.05, '#ffffff');
    const [tl] = this.m.layoutParagraph([{ text: labels.review, style: titleStyle }], { width: ctx.width - 2 * pad, lineHeight: 1.4 });
    const titleH = (tl?.height ?? 14) + 8;
    items.push({ kind: 'rect', x: ctx.x, y: 0, w: ctx.width, h: titleH, fill: this.t.color.accent });
    if (tl) items.push({ kind: 'text', x: ctx.x + pad, y: 4, line: tl, width: ctx.width - 2 * pad });
    const gap = this.t.leading * 1.35;
    let y = titleH + 6;
    for (const [key, label] of [['wentWell', labels.wentWell], ['blockedBy', labels.blockedBy], ['nextSteps', labels.nextSteps]] as const) {
      const [ll] = this.m.layoutParagraph([{ text: label, style: style('bold', this.t.body * 0.9, this.t.color.accent) }], { width: ctx.width - 2 * pad, lineHeight: 1.4 });
      if (ll) items.push({ kind: 'text', x: ctx.x + pad, y, line: ll, width: ctx.width - 2 * pad });
      y += ll?.height ?? 13;
      const top = y;
      for (let i = 1; i <= 3; i++) items.push({ kind: 'rule', x1: ctx.x + pad, x2: ctx.x + ctx.width - pad, y1: y + i * gap, y2: y + i * gap, color: this.t.color.rule, width: 0.5 });
      y += 3 * gap + 8;
      items.push({ kind: 'field', x: ctx.x + pad, y: top, w: ctx.width - 2 * pad, h: 3 * gap + 2, field: this.fieldName(`review.${key}`, false), multiline: true });
    }
    items.push({ kind: 'rect', x: ctx.x, y: 0, w: ctx.width, h: y, stroke: this.t.color.accent, lineWidth: 0.9 });
    return { height: y, spaceBefore: 0, keepWithPrev: false, items };
  }

  private fillin(label: string, ctx: Ctx): Row<L> {
    const st = style('bold', this.t.body, this.t.color.text);
    const w = Math.min(ctx.width * 0.45, this.m.measure([{ text: label, style: st }]).max + 2);
    const lines = this.m.layoutParagraph([{ text: label, style: st }], { width: w, lineHeight: this.t.lineHeight });
    const items: Item<L>[] = [];
    let y = 0;
    for (const l of lines) {
      items.push({ kind: 'text', x: ctx.x, y, line: l, width: w });
      y += l.height;
    }
    const last = lines[lines.length - 1];
    const base = last ? y - last.height + last.baseline + 2 : this.t.leading;
    const x1 = ctx.x + w + 8;
    const x2 = ctx.x + Math.min(ctx.width, w + 8 + 200);
    items.push({ kind: 'rule', x1, x2, y1: base, y2: base, color: this.t.color.text, width: 0.6 });
    items.push({ kind: 'field', x: x1, y: base - this.t.leading, w: x2 - x1, h: this.t.leading, field: this.fieldName('fillin', false), multiline: false });
    return { height: Math.max(y, base + 4), spaceBefore: 0, keepWithPrev: false, items };
  }
}

function keepEnds<L>(rows: Row<L>[]): void {
  const n = rows.length;
  rows.forEach((r, k) => {
    if (k > 0 && (k === 1 || k === n - 1)) r.keepWithPrev = true;
  });
}


/**
 * Column widths from content, as browsers do for automatic table layout: every column gets its
 * min-content width, and the remaining space goes to columns in proportion to how much more
 * they would like (max − min). Tables always span the full width.
 */
export function columnWidths(
  cells: Span[][][],
  cols: number,
  width: number,
  padX: number,
  measure: (spans: Span[]) => { min: number; max: number },
): number[] {
  const min = new Array<number>(cols).fill(2 * padX + 8);
  const max = new Array<number>(cols).fill(2 * padX + 8);
  for (const row of cells) {
    for (let c = 0; c < cols; c++) {
      const spans = row[c];
      if (!spans || spans.length === 0) continue;
      const m = measure(spans);
      min[c] = Math.max(min[c] as number, m.min + 2 * padX + 0.5);
      max[c] = Math.max(max[c] as number, m.max + 2 * padX + 0.5);
    }
  }
  const sumMin = min.reduce((a, b) => a + b, 0);
  const sumMax = max.reduce((a, b) => a + b, 0);
  if (sumMax <= width) {
    const extra = width - sumMax;
    return max.map((m) => m + (extra * m) / sumMax);
  }
  if (sumMin >= width) return min.map((m) => (m * width) / sumMin);
  const want = sumMax - sumMin;
  return min.map((m, c) => m + ((width - sumMin) * ((max[c] as number) - m)) / want);
}

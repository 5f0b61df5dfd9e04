import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildLearner, type BuildOptions } from '../../src/pipeline/build-learner.js';
import type { ParamsInput } from '../../src/schema/params.js';
import { renderWorkbookMarkdown } from '../../src/render/render-workbook-markdown.js';
import { NOW, roadmapProject } from '../helpers/project.js';

export interface TextItem {
  str: string;
  x: number;
  /** Top-left origin, y down (like our layout). */
  top: number;
  bottom: number;
  width: number;
  size: number;
}

export interface ParsedPage {
  width: number;
  height: number;
  items: TextItem[];
  annotations: { subtype: string; rect: number[]; dest?: string; fieldName?: string; fieldType?: string }[];
}

export interface ParsedPdf {
  pages: ParsedPage[];
  outline: { title: string; page: number; depth: number }[];
  destinations: Record<string, number>;
  info: Record<string, unknown>;
  lang: string | null;
}

/** A workbook of a shipped roadmap (the seed unless `roadmap` names another), with its Markdown. */
export async function buildWorkbook(params: ParamsInput, options: BuildOptions = {}, roadmap = 'mlops-engineer') {
  const project = await roadmapProject(roadmap);
  const build = await buildLearner(project, params, NOW, options);
  const pdf = build.artifacts.find((a) => a.name === 'workbook.pdf');
  if (!pdf) throw new Error('no workbook.pdf built');
  const markdown = renderWorkbookMarkdown(project.templates.render, build.view);
  return { bytes: pdf.bytes, view: build.view, markdown, warnings: build.warnings };
}

export async function parsePdf(bytes: Uint8Array): Promise<ParsedPdf> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: ParsedPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items: TextItem[] = [];
    for (const it of content.items) {
      if (!('str' in it) || it.str.trim() === '') continue;
      const size = Math.hypot(it.transform[2] as number, it.transform[3] as number);
      const baseline = height - (it.transform[5] as number);
      items.push({ str: it.str, x: it.transform[4] as number, top: baseline - size * 0.8, bottom: baseline + size * 0.2, width: it.width, size });
    }
    const annotations = (await page.getAnnotations()).map((a: Record<string, unknown>) => ({
      subtype: a.subtype as string,
      rect: a.rect as number[],
      dest: typeof a.dest === 'string' ? a.dest : undefined,
      fieldName: a.fieldName as string | undefined,
      fieldType: a.fieldType as string | undefined,
    }));
    pages.push({ width, height, items, annotations });
  }
  const outline: ParsedPdf['outline'] = [];
  const walk = async (nodes: { title: string; dest: unknown; items: unknown[] }[] | null, depth: number) => {
    for (const n of nodes ?? []) {
      const dest = (typeof n.dest === 'string' ? await doc.getDestination(n.dest) : n.dest) as unknown[];
      outline.push({ title: n.title, page: await doc.getPageIndex(dest[0] as never), depth });
      await walk(n.items as never, depth + 1);
    }
  };
  await walk(await doc.getOutline(), 1);
  const destinations: Record<string, number> = {};
  const dests = (await doc.getDestinations()) as Record<string, unknown[]>;
  for (const [name, d] of Object.entries(dests)) destinations[name] = await doc.getPageIndex(d[0] as never);
  const meta = await doc.getMetadata();
  const lang = (await (doc as unknown as { getMarkInfo?: () => unknown }).getMarkInfo?.()) ? null : null;
  await doc.destroy();
  return { pages, outline, destinations, info: meta.info as Record<string, unknown>, lang };
}

/** Tasks in the rendered workbook Markdown: `- [ ]` list items (also inside callouts). */
export function taskCount(markdown: string): number {
  return (markdown.match(/^(?:> )?\s*- \[[ xX]\] /gm) ?? []).length;
}

import PDFDocument from 'pdfkit';
import { collectPdf } from './collect-pdf.js';
import { checkMissingGlyphs } from '../text/missing.js';
import type { FontStyleName, MissingGlyph, TextEngine } from '../text/types.js';
import { documentText } from './document-text.js';

export interface ProofOptions {
  /** Contents of the UTF-8 text file: one paragraph per line, `#` lines skipped. */
  text: string;
  style?: FontStyleName;
  /** Font size in points (default 14). */
  size?: number;
  allowMissingGlyphs?: boolean;
  /** Document language (default `bn`). */
  lang?: string;
  /** The text engine with the font stacks to proof (the CLI makes one from fonts/). */
  engine: TextEngine;
}

export interface ProofSummary {
  /** Shaped runs drawn, per font file. */
  runsPerFont: Record<string, number>;
  /** Characters no font of the style covers (drawn as a replacement when allowed). */
  missing: MissingGlyph[];
  paragraphs: number;
  pages: number;
  /** Warnings to print (missing glyphs when allowed). */
  warnings: string[];
}

export interface ProofResult {
  pdf: Uint8Array;
  summary: ProofSummary;
}

/** The paragraphs `proof` typesets: every line that is not blank and not a `#` comment. */
export function proofParagraphs(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim().length > 0 && !l.startsWith('#'));
}

/**
 * Typeset a text file with the workbook's font stacks. Throws RoadmapError('glyphs') (exit 1)
 * when a character has no glyph, unless allowMissingGlyphs.
 */
export async function runProof(options: ProofOptions): Promise<ProofResult> {
  const { engine } = options;
  const style = { font: options.style ?? 'regular', size: options.size ?? 14 } as const;
  const paragraphs = proofParagraphs(options.text);
  const margin = 56;
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    tagged: true,
    lang: options.lang ?? 'bn',
    displayTitle: true,
    info: { Title: 'roadmap-press proof', CreationDate: new Date(Date.UTC(2026, 0, 1)) },
    autoFirstPage: true,
  });
  const output = collectPdf(doc);

  engine.resetMissing();
  const width = doc.page.width - 2 * margin;
  const laid = paragraphs.map((p) => engine.layoutParagraph([{ text: p, style }], { width, align: 'left' }));
  const missing = engine.missing();
  let warnings: string[];
  try {
    warnings = checkMissingGlyphs(missing, options.allowMissingGlyphs ?? false);
  } catch (e) {
    doc.end();
    await output.bytes;
    throw e;
  }

  const runsPerFont: Record<string, number> = {};
  const text = documentText(doc, engine, {
    trace: (run) => {
      runsPerFont[run.fontFile] = (runsPerFont[run.fontFile] ?? 0) + 1;
    },
  });
  let y = margin;
  let pages = 1;
  const bottom = doc.page.height - margin;
  for (const lines of laid) {
    const total = lines.reduce((h, l) => h + l.height, 0);
    if (y + total > bottom && y > margin) {
      doc.addPage();
      pages++;
      y = margin;
    }
    const para = doc.struct('P');
    doc.addStructure(para);
    for (const line of lines) {
      if (y + line.height > bottom) {
        doc.addPage();
        pages++;
        y = margin;
      }
      para.add(
        doc.struct('Span', {}, () => {
          text.drawLine(line, margin, y);
        }),
      );
      y += line.height;
    }
    para.end();
    y += style.size * 0.4;
  }
  text.finish();
  doc.end();
  const pdf = await output.bytes;
  return { pdf, summary: { runsPerFont, missing, paragraphs: paragraphs.length, pages, warnings } };
}

/** The coverage summary `roadmap-press proof` prints. */
export function formatProofSummary(summary: ProofSummary): string {
  const lines = [`${summary.paragraphs} paragraph(s), ${summary.pages} page(s)`, 'runs per font:'];
  for (const [font, n] of Object.entries(summary.runsPerFont).sort((a, b) => b[1] - a[1])) {
    lines.push(`  ${font.padEnd(32)} ${n}`);
  }
  if (summary.missing.length === 0) lines.push('characters with no glyph: none');
  else {
    lines.push(`characters with no glyph: ${summary.missing.length}`);
    for (const m of summary.missing) {
      lines.push(`  U+${m.codePoint.toString(16).toUpperCase().padStart(4, '0')} ${m.char} in "${m.context}"`);
    }
  }
  return lines.join('\n');
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { createNodeTextEngine } from '../../src/node/load-fonts.js';
import type { TextEngine } from '../../src/text/types.js';
import { collectPdf } from '../../src/pdf/collect-pdf.js';

import { ROOT as root } from '../helpers/paths.js';

export { root };
export const corpusText = readFileSync(join(root, 'tests/fixtures/bengali-words.txt'), 'utf8');
export const seedText = readFileSync(join(root, 'tests/fixtures/seed-page.txt'), 'utf8');

/** Corpus lines: not blank, not `#` comments. */
export const corpusLines = corpusText.split('\n').filter((l) => l.trim() && !l.startsWith('#'));

let engine: Promise<TextEngine> | undefined;
export function getEngine(): Promise<TextEngine> {
  return (engine ??= createNodeTextEngine());
}

/** Bengali words: maximal runs of Bengali-block letters, signs and joiners. */
export function bengaliWords(text: string): string[] {
  return text.match(/[\u0980-\u09FF\u200C\u200D]+/g) ?? [];
}

/** The test page's distinct Bengali words (seed page + corpus). */
export function testPageWords(): string[] {
  return [...new Set([...bengaliWords(seedText), ...bengaliWords(corpusText)])];
}

/** How many of `words` come back whole from `extracted`. */
export function wordsFound(words: readonly string[], extracted: string): number {
  const got = new Set(bengaliWords(extracted));
  return words.filter((w) => got.has(w)).length;
}

/** Text of every page via pdf.js getTextContent, one line per hasEOL item. */
export async function pdfjsText(pdf: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: pdf.slice(), verbosity: 0 }).promise;
  let out = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!('str' in item)) continue;
      out += item.str;
      if (item.hasEOL) out += '\n';
    }
    out += '\n';
  }
  await doc.destroy();
  return out;
}

/** Collect a PDFKit document into bytes (the typesetter's own collector). */
export function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return collectPdf(doc).bytes;
}

export function newDoc(options: PDFKit.PDFDocumentOptions = {}): PDFKit.PDFDocument {
  return new PDFDocument({ size: 'A4', margin: 50, info: { CreationDate: new Date(Date.UTC(2026, 0, 1)) }, ...options });
}

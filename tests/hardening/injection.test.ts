import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Lexer, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { buildLearner } from '../../src/pipeline/build-learner.js';
import { prepareProject } from '../../src/pipeline/prepare-project.js';
import { escapeMarkdown } from '../../src/render/escape-markdown.js';
import { plainText } from '../../src/markdown/plain-text.js';
import { appendXmpInfo } from '../../src/pdf/xmp-info.js';
import { isDirective } from '../../src/markdown/directives.js';
import { lexWorkbook } from '../../src/markdown/lex-workbook.js';
import { NOW, buildText, shippedSources, tempDir } from '../helpers/project.js';
import { parsePdf } from '../pdf/pdf-helpers.js';
import { markdownlint } from '../helpers/markdownlint.js';

const HOSTILE = [
  '::: notes 999',
  ':::',
  '::: cover',
  '  ::: pagebreak',
  'Team #',
  'Team ##  ',
  'Evil {# how-to-use }',
  '{#ladder}',
  '---',
  '===',
  '- - -',
  '# heading',
  '1. item',
  '> quote',
  'https://example.com/path?q=1',
  'see www.example.com today',
  'mail me: someone@example.org',
  'Tom & Jerry',
  'a</rdf:li><x:evil attr="1"/>',
];

/** What a reader sees of a value: controls and runs of white space as one space, trimmed. */
const shown = (s: string) => s.replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ').trim();

// The workbook's heading id syntax (src/layout/layout.ts).
const HEADING_ID = /\s*\{#\s*([A-Za-z][\w.-]*)\s*\}\s*$/;

function blocks(markdown: string): Token[] {
  return lexWorkbook(markdown, { file: 'test.md.hbs' });
}

/** Every token, nested ones (list items, quotes, containers) included. */
function allTokens(tokens: Token[]): Token[] {
  return tokens.flatMap((t) => {
    const items = 'items' in t && Array.isArray(t.items) ? allTokens(t.items) : [];
    const children = 'tokens' in t && Array.isArray(t.tokens) ? allTokens(t.tokens) : [];
    return [t, ...items, ...children];
  });
}

describe('escapeMarkdown', () => {
  const value = fc.oneof(
    fc.constantFrom(...HOSTILE),
    fc.stringMatching(/^[ :#{}=\-a-z@./]{1,12}$/),
    fc.string({ maxLength: 20 }),
  );

  it('never makes a directive, heading, heading id or setext underline of a value alone on a line', () => {
    fc.assert(
      fc.property(value, (s) => {
        const e = escapeMarkdown(s);
        const tokens = blocks(`Before\n\n${e}\n\nAfter ${e}\n${e}\n`);
        expect(allTokens(tokens).some(isDirective)).toBe(false);
        expect(allTokens(tokens).filter((t) => t.type === 'heading' || t.type === 'hr' || t.type === 'list' || t.type === 'blockquote')).toEqual([]);
      }),
      { numRuns: 400, seed: 16 },
    );
  });

  it('keeps the text of a heading as given: no closing markers dropped, no id taken', () => {
    fc.assert(
      fc.property(value, (s) => {
        fc.pre(shown(s) !== '');
        const heading = blocks(`## Learner ${escapeMarkdown(s)}\n`).find((t): t is Tokens.Heading => t.type === 'heading');
        expect(heading).toBeDefined();
        expect(HEADING_ID.test(heading?.text ?? '')).toBe(false);
        expect(shown(plainText(heading?.tokens))).toBe(shown(`Learner ${s}`));
      }),
      { numRuns: 400, seed: 16 },
    );
  });
});

describe('workbook directives', () => {
  it('are recognised only at the start of a line', () => {
    // One character before: marked asks where a block may start from the second character on.
    expect(allTokens(blocks('x::: notes 9\n')).some(isDirective)).toBe(false);
    expect(allTokens(blocks('- ::: notes 9\n')).some(isDirective)).toBe(false);
    expect(allTokens(blocks('foo\n::: notes 9\n')).filter(isDirective).map((t) => t.name)).toEqual(['notes']);
  });
});

describe('the README', () => {
  it('passes markdownlint with URLs, www. and e-mail addresses in the name, and shows them as given', async () => {
    const name = 'Ada https://example.com www.example.org ada@example.com';
    const readme = await buildText({ name, locale: 'en' });
    const heading = new Lexer().lex(readme).find((t): t is Tokens.Heading => t.type === 'heading');
    expect(plainText(heading?.tokens)).toBe(`MLOps Engineer Roadmap — ${name}`);
    const dir = await tempDir();
    await writeFile(join(dir, 'README.md'), readme);
    const result = await markdownlint(dir);
    expect(result.output).not.toContain('MD034');
    expect(result.output).toContain('Summary: 0 error(s)');
    expect(result.code).toBe(0);
  });
});

/** The XMP packet of a PDF (PDFKit writes it uncompressed), parsed. */
function xmp(pdf: Uint8Array): { text: string; parsed: Record<string, unknown> } {
  const text = new TextDecoder().decode(pdf);
  const start = text.indexOf('<?xpacket begin');
  const end = text.indexOf('<?xpacket end="w"?>');
  expect(start).toBeGreaterThan(0);
  const packet = text.slice(start, end + '<?xpacket end="w"?>'.length);
  expect(XMLValidator.validate(packet)).toBe(true);
  const parsed: Record<string, unknown> = new XMLParser({ ignoreAttributes: false }).parse(packet);
  return { text: packet, parsed };
}

/** Every string value anywhere under `v`, e.g. all text of an rdf:Alt. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => (k.startsWith('@_') ? [] : strings(x)));
  return [];
}

describe('the workbook PDF', () => {
  it('escapes hostile names and titles in its XMP metadata', () => {
    let packet = '';
    const info = { CreationDate: NOW, Creator: 'c & d', Producer: 'p < q', Title: 'a</rdf:li><x:evil attr="1"/>', Author: 'Tom & Jerry\u0001', Subject: '<![CDATA[x]]>', Keywords: 'k > l' };
    appendXmpInfo((xml, newline = true) => (packet += xml + (newline ? '\n' : '')), info);
    const doc = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">${packet}</rdf:RDF></x:xmpmeta>`;
    expect(XMLValidator.validate(doc)).toBe(true);
    const values = strings(new XMLParser({ processEntities: true }).parse(doc));
    for (const v of ['c & d', 'p < q', 'a</rdf:li><x:evil attr="1"/>', 'Tom & Jerry\ufffd', '<![CDATA[x]]>', 'k > l']) expect(values).toContain(v);
    expect(doc).not.toContain('<x:evil');
  });

  it('keeps hostile data and names out of its structure: XMP parses, no directives run, no section ids taken', async () => {
    const sources = await shippedSources();
    const title = 'Tom & Jerry </rdf:li><x:evil attr="1"/>';
    const data = sources.data.text
      .replace('  title: MLOps Engineer Roadmap\n', `  title: ${JSON.stringify(title)}\n`)
      .replace(/^ {2}note: .*$/m, '  note: "::: notes 999"');
    expect(data).not.toBe(sources.data.text);
    const hostile = prepareProject({ ...sources, data: { ...sources.data, text: data } });
    const plain = prepareProject(sources);
    const name = 'Evil {# how-to-use } & </rdf:li><x:evil/> Team #';
    // bn, the data's own language: an English build would take the title from roadmap.en.yaml.
    const params = { name, locale: 'bn', start: '2027-01' };
    const [bad, good] = await Promise.all([buildLearner(hostile, params, NOW), buildLearner(plain, { ...params, name: 'Ada' }, NOW)]);
    const pdfOf = (b: typeof bad) => b.artifacts.find((a) => a.name === 'workbook.pdf')?.bytes ?? new Uint8Array();

    const { text, parsed } = xmp(pdfOf(bad));
    expect(text).not.toContain('<x:evil');
    const values = strings(parsed);
    expect(values).toContain(`${title} — ${name}`);
    expect(values).toContain(name);

    const [badPdf, goodPdf] = await Promise.all([parsePdf(pdfOf(bad)), parsePdf(pdfOf(good))]);
    // "::: notes 999" as a salary note would add some 30 pages of lines.
    expect(badPdf.pages.length).toBe(goodPdf.pages.length);
    expect(badPdf.destinations).toEqual(goodPdf.destinations);
    const pageText = (p: (typeof badPdf.pages)[number]) => p.items.map((i) => i.str).join(' ');
    expect(badPdf.pages.map(pageText).join('\n')).toContain('::: notes 999');
  }, 120_000);
});

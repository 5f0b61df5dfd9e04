import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runProof } from '../../src/pdf/proof.js';
import { getEngine } from '../text/helpers.js';
import { mupdfText, pdffonts, pdftotext, qpdfCheck, REQUIRE_ENV, SKIP_LOG_ENV, type SkipContext, unlessMissing } from './pdf-tools.js';

/** Stands in for vitest's ctx.skip, which throws to end the test: here the test looks at the note. */
class Skipped extends Error {}
const fakeCtx: SkipContext = {
  skip(note: string): never {
    throw new Skipped(note);
  },
};

/**
 * As on a machine with Node only: PATH holds one empty folder, so no PDF tool can be found.
 * These skips are staged, so they stay out of the run's skip summary.
 */
function withoutTools(): void {
  vi.stubEnv('PATH', mkdtempSync(join(tmpdir(), 'rp-empty-path-')));
  vi.stubEnv(REQUIRE_ENV, undefined);
  vi.stubEnv(SKIP_LOG_ENV, undefined);
}

afterEach(() => {
  vi.unstubAllEnvs();
});

const lines = ['প্রথম লাইন: কোথায় থামতে হয়', 'Second line: MLOps'];
const { pdf } = await runProof({ text: lines.join('\n'), engine: await getEngine() });

describe('mupdfText (npm mupdf, no system tool)', () => {
  it('reads the text back, each page ending in a form feed, with PATH emptied', async () => {
    withoutTools();
    const text = await mupdfText(pdf);
    const [page, after, ...more] = text.split('\f');
    expect(page?.split('\n').filter((l) => l.trim())).toEqual(lines);
    expect([after, more]).toEqual(['\n', []]);
  });

  it('reads a PDF from a path as from bytes', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rp-pdf-')), 'p.pdf');
    writeFileSync(file, pdf);
    expect(await mupdfText(file)).toBe(await mupdfText(pdf));
  });
});

describe.each([
  ['pdftotext', 'poppler-utils', () => pdftotext(fakeCtx, pdf)],
  ['pdffonts', 'poppler-utils', () => pdffonts(fakeCtx, pdf)],
  ['qpdf', 'qpdf', () => qpdfCheck(fakeCtx, pdf)],
] as const)('%s when the tool is not installed', (tool, pkg, check) => {
  const note = `skipped: ${tool} not found (Debian package ${pkg})`;

  it('skips the test with a one-line note naming the Debian package, not ENOENT', () => {
    withoutTools();
    expect(check).toThrow(Skipped);
    expect(check).toThrow(note);
  });

  it('records the skip where the global setup summarises them', () => {
    withoutTools();
    const log = join(mkdtempSync(join(tmpdir(), 'rp-skips-')), 'skips.log');
    vi.stubEnv(SKIP_LOG_ENV, log);
    expect(check).toThrow(Skipped);
    expect(readFileSync(log, 'utf8')).toBe(`${note}\n`);
  });

  it(`fails instead with ${REQUIRE_ENV}=1`, () => {
    withoutTools();
    vi.stubEnv(REQUIRE_ENV, '1');
    let thrown: unknown;
    try {
      check();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).not.toBeInstanceOf(Skipped);
    expect(String(thrown)).toContain(note);
    expect(String(thrown)).toContain(`${REQUIRE_ENV}=1`);
  });
});

describe('unlessMissing, for a tool check inside a larger test', () => {
  it('skips only that check when the tool is missing: returns undefined, notes it once on stderr', () => {
    withoutTools();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(unlessMissing((ctx) => pdffonts(ctx, pdf))).toBeUndefined();
      expect(unlessMissing((ctx) => pdffonts(ctx, pdf))).toBeUndefined();
      expect(warn.mock.calls).toEqual([['skipped: pdffonts not found (Debian package poppler-utils)']]);
    } finally {
      warn.mockRestore();
    }
  });

  it(`still fails with ${REQUIRE_ENV}=1`, () => {
    withoutTools();
    vi.stubEnv(REQUIRE_ENV, '1');
    expect(() => unlessMissing((ctx) => qpdfCheck(ctx, pdf))).toThrow(`${REQUIRE_ENV}=1`);
  });

  it('returns what the check found where the tool is installed, and damage still fails', (ctx) => {
    const report = unlessMissing((c) => qpdfCheck(c, pdf));
    if (report === undefined) return ctx.skip('skipped: qpdf not found (Debian package qpdf)');
    expect(report).toMatch(/No syntax or stream encoding errors/);
    expect(() => unlessMissing((c) => qpdfCheck(c, pdf.subarray(0, 100)))).toThrow(/qpdf --check/);
  });
});

describe('when the tools are installed', () => {
  it('pdffonts lists the embedded subsets', (ctx) => {
    expect(pdffonts(ctx, pdf)).toMatch(/\+NotoSansBengali-Regular\s+CID TrueType/);
  });

  it('pdftotext reads the lines back', (ctx) => {
    const [page, after, ...more] = pdftotext(ctx, pdf).split('\f');
    expect(page?.split('\n').filter((l) => l.trim())).toEqual(lines);
    expect([after, more]).toEqual(['', []]);
  });

  it('qpdfCheck passes a whole PDF and throws qpdf’s report for a truncated one', (ctx) => {
    expect(qpdfCheck(ctx, pdf)).toMatch(/No syntax or stream encoding errors/);
    expect(() => qpdfCheck(ctx, pdf.subarray(0, pdf.length - 200))).toThrow(/qpdf --check .* exited [23]/);
  });
});

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/project.js';
import { parsePdf } from '../pdf/pdf-helpers.js';

const run = runCli;

let out: string;
beforeEach(async () => {
  out = await tempDir();
  vi.stubEnv('SOURCE_DATE_EPOCH', '1796083200'); // 2026-12-01
});
afterEach(() => vi.unstubAllEnvs());

describe('roadmap-press build: the workbook', () => {
  it('writes workbook.pdf and reports its size', async () => {
    const r = await run('build', '--name', 'Rahim Uddin', '--track', 'llmops', '--start', '2027-01', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/workbook\.pdf\s+\d+(\.\d)? KB/);
    const pdf = await readFile(join(out, 'mlops-engineer', 'rahim-uddin-llmops', 'workbook.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // SOURCE_DATE_EPOCH is the creation date
    const parsed = await parsePdf(new Uint8Array(pdf));
    expect(String(parsed.info.CreationDate)).toMatch(/^D:20261201000000Z/);
  });

  it('--fillable adds AcroForm fields', async () => {
    const r = await run('build', '--name', 'Ada', '--locale', 'en', '--fillable', '--out', out);
    expect(r.code).toBe(0);
    const parsed = await parsePdf(new Uint8Array(await readFile(join(out, 'mlops-engineer', 'ada-general', 'workbook.pdf'))));
    const names = parsed.pages.flatMap((p) => p.annotations.map((a) => a.fieldName).filter(Boolean));
    expect(names).toContain('month-1-2.review.wentWell');
  });

  it('fails with exit 1 on characters no font has, unless --allow-missing-glyphs', async () => {
    const bad = await run('build', '--name', 'Ada 漢字', '--locale', 'en', '--out', out);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/no glyph|--allow-missing-glyphs/);
    expect(bad.err).toMatch(/U\+6F22/);
    const ok = await run('build', '--name', 'Ada 漢字', '--locale', 'en', '--allow-missing-glyphs', '--out', out);
    expect(ok.code).toBe(0);
    expect(ok.err).toMatch(/warning: no glyph for U\+6F22/);
  });

  it('sets any plain Markdown file as a workbook', async () => {
    const file = join(out, 'mine.md');
    await writeFile(file, '# My own workbook\n\nSome *text* with a [link](https://example.com).\n\n## Tasks\n\n- [ ] first\n- [ ] second\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n> a quote\n\n```\ncode\n```\n');
    const r = await run('build', '--name', 'Ada', '--locale', 'en', '--workbook-template', file, '--out', out);
    expect(r.code).toBe(0);
    const parsed = await parsePdf(new Uint8Array(await readFile(join(out, 'mlops-engineer', 'ada-general', 'workbook.pdf'))));
    expect(parsed.outline.map((o) => o.title)).toEqual(['My own workbook', 'Tasks']);
    expect(parsed.pages[0]!.items.map((i) => i.str).join(' ')).toContain('second');
  });

  it('reports an unknown directive with the template file and line (exit 1)', async () => {
    const file = join(out, 'bad.md.hbs');
    await writeFile(file, '# {{learner.name}}\n\n::: notes 4\n\n::: sidebar left\n');
    const r = await run('build', '--name', 'Ada', '--locale', 'en', '--workbook-template', file, '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.md\.hbs:5: unknown directive "sidebar"/);
  });
});

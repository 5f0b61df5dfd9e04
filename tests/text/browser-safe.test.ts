import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

describe('text engine and PDF writer', () => {
  it.each(['src/text', 'src/pdf'])('%s reads no files: no module imports Node built-ins', (folder) => {
    const dir = join(root, folder);
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /from '(node:|fs|path|os|child_process)/.test(readFileSync(join(dir, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('text/ knows nothing of PDF: no module imports pdfkit or src/pdf', () => {
    const dir = join(root, 'src/text');
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /from '(pdfkit|\.\.\/pdf\/)/.test(readFileSync(join(dir, f), 'utf8')) || /PDFKit\./.test(readFileSync(join(dir, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

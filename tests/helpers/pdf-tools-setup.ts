/**
 * vitest global setup: gives the test workers a file to note skipped PDF tool checks in, and at
 * the end prints one line per missing tool, so a run without poppler or qpdf says what it did not check.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SKIP_LOG_ENV } from './pdf-tools.js';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'rp-pdf-skips-'));
  const log = join(dir, 'skips.log');
  writeFileSync(log, '');
  // Workers start after the global setup and inherit this environment.
  process.env[SKIP_LOG_ENV] = log;
  return () => {
    const notes = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    rmSync(dir, { recursive: true, force: true });
    if (notes.length === 0) return;
    const counts = new Map<string, number>();
    for (const n of notes) counts.set(n, (counts.get(n) ?? 0) + 1);
    const lines = [...counts].map(([note, n]) => `  ${note}: ${n} check${n === 1 ? '' : 's'}`);
    process.stderr.write(`PDF tool checks skipped (install the packages to run them):\n${lines.join('\n')}\n`);
  };
}

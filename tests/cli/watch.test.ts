import { spawn } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/project.js';

/** The built CLI by absolute path (npm test builds dist/ first): nothing resolves through the temp cwd. */
const root = join(import.meta.dirname, '..', '..');
const cliMain = join(root, 'dist', 'cli', 'main.js');

/** Collects a child's output and waits (bounded) for a pattern to appear after a mark. */
function watcher(args: string[], cwd: string) {
  const child = spawn(process.execPath, [cliMain, ...args], {
    cwd,
    env: { ...process.env, SOURCE_DATE_EPOCH: '1796083200' },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const waitFor = async (pattern: RegExp, from: number, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (pattern.test(output.slice(from))) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${pattern}; output:\n${output}`);
  };
  return { child, waitFor, mark: () => output.length };
}

describe('build --watch', () => {
  it('rebuilds when the data changes and reports errors without exiting', async () => {
    const dir = await tempDir();
    await cp(join(root, 'data'), join(dir, 'data'), { recursive: true });
    const dataFile = join(dir, 'data', 'roadmap.yaml');
    const original = await readFile(dataFile, 'utf8');
    const w = watcher(['build', '--watch', '--data', dataFile, '--out', join(dir, 'out'), '--locale', 'en'], dir);
    try {
      await w.waitFor(/watching for changes/, 0);
      let mark = w.mark();
      await writeFile(dataFile, original.replace('max: 220000', 'max: "220k"'));
      await w.waitFor(/roadmap\.yaml:84:12 levels\[2\]\.salary\.max: expected a number, got "220k"[\s\S]*watching for changes/, mark);
      expect(w.child.exitCode).toBeNull();

      mark = w.mark();
      await writeFile(dataFile, original.replace('title: Junior MLOps Engineer', 'title: Apprentice MLOps Engineer'));
      await w.waitFor(/built [\s\S]*watching for changes/, mark);
      const readme = await readFile(join(dir, 'out', 'learner-general', 'README.md'), 'utf8');
      expect(readme).toContain('Apprentice MLOps Engineer');
    } finally {
      w.child.kill('SIGTERM');
    }
  });
});

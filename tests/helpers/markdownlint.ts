import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { fromRoot } from './paths.js';

const run = promisify(execFile);

/**
 * Runs markdownlint-cli2 with the project's committed config over the `*.md` files of `dir`.
 * The linter's own entry and the config are found by location, not through the cwd or PATH.
 */
export async function markdownlint(dir: string): Promise<{ code: number; output: string }> {
  const bin = join(dirname(createRequire(import.meta.url).resolve('markdownlint-cli2')), 'markdownlint-cli2-bin.mjs');
  return run(process.execPath, [bin, '--config', fromRoot('.markdownlint-cli2.jsonc'), '*.md'], { cwd: dir }).then(
    (r) => ({ code: 0, output: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, output: e.stdout + e.stderr }),
  );
}

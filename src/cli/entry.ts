import { readVersion } from '../node/version.js';
import { cli } from './cli.js';
import { tolerateClosedStdout } from './run-command.js';

export { setHarfBuzzImport } from '../text/harfbuzz.js';

/**
 * What the bundle runs, in one place so it can be bundled: the command line (launched by
 * `main.ts`) and the batch build loop (launched in each worker thread by
 * `batch/worker-thread.ts`). Each launcher loads this from the CommonJS bundle with its code
 * cache or, without a bundle, imports the ES modules itself.
 */
export function main(argv: string[]): Promise<number> {
  tolerateClosedStdout();
  return cli(argv, readVersion());
}

export async function worker(): Promise<void> {
  await (await import('../batch/worker.js')).serveBuildJobs();
}

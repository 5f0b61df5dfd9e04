import { readVersion } from '../node/version.js';
import { cli } from './cli.js';
import { tolerateClosedStdout } from './run-command.js';

export { setHarfBuzzImport } from '../text/harfbuzz.js';

/**
 * What the `roadmap-press` executable runs, in one place so it can be bundled: the command line
 * on the main thread, the batch build loop in a worker thread. `main.ts` loads this either
 * from the CommonJS bundle with its code cache or, without a bundle, as ES modules.
 */
export function main(argv: string[]): Promise<number> {
  tolerateClosedStdout();
  return cli(argv, readVersion());
}

export async function worker(): Promise<void> {
  await (await import('../batch/worker.js')).serveBuildJobs();
}

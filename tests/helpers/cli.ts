import { cli } from '../../src/cli/cli.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** The CLI run in-process, as `roadmap-press …argv`, with what it prints collected. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await cli(argv, '1.2.3', { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

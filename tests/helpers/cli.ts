import { spawnSync } from 'node:child_process';
import { cli } from '../../src/cli/cli.js';
import { CLI_MAIN } from './paths.js';

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

/**
 * The built CLI, run the way a user runs it: its own process, in `cwd`, with a fixed
 * SOURCE_DATE_EPOCH (2026-01-01) unless `env` gives another.
 */
export function runBuiltCli(cwd: string, argv: string[], env: Record<string, string> = {}): { code: number | null } & Omit<CliRun, 'code'> {
  const r = spawnSync(process.execPath, [CLI_MAIN, ...argv], { cwd, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600', ...env }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

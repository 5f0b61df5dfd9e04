import { ExitCode, isRoadmapError } from '../errors.js';

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

/**
 * Maps an error to what the user sees and the exit code: user errors print their located
 * problems; anything else is a bug (exit 70). Stack traces only with --debug.
 */
export function reportError(e: unknown, debug: boolean, io: CliIO): number {
  if (isRoadmapError(e)) {
    io.err(`error: ${e.report()}`);
    if (debug && e.stack) io.err(e.stack);
    return e.exitCode;
  }
  const message = e instanceof Error ? e.message : String(e);
  io.err(`internal error (this is a bug in roadmap-press): ${message}`);
  if (debug && e instanceof Error && e.stack) io.err(e.stack);
  else io.err('run again with --debug for the stack trace');
  return ExitCode.bug;
}

import { ExitCode, isRoadmapError } from '../errors.js';

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Set once stdout's reader has gone (`roadmap-press tracks | head -1`). */
let stdoutClosed = false;

/**
 * A reader that stops reading (`| head -1`) is no failure of ours: the command still does its
 * work (files, exit code), it just stops printing. Without a listener, Node turns the EPIPE of
 * the next write into an uncaught exception with a stack trace.
 */
export function tolerateClosedStdout(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    stdoutClosed = true;
    // Any other failure to print (a redirect onto a full disk) leaves the output incomplete:
    // say so and fail, instead of an uncaught exception's stack trace.
    if (e.code !== 'EPIPE') {
      process.stderr.write(`error: cannot write to standard output: ${e.code ?? e.message}\n`);
      process.exitCode = ExitCode.badInput;
    }
  });
  // Nowhere left to report to: a closed stderr only ends the messages.
  process.stderr.on('error', () => {});
}

export const processIO: CliIO = {
  out: (t) => {
    if (!stdoutClosed) process.stdout.write(t.endsWith('\n') ? t : `${t}\n`);
  },
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

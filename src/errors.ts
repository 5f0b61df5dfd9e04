/**
 * Typed user errors. Every error a user can cause (bad data, bad parameters, bad templates,
 * missing glyphs) is a RoadmapError with an exit code; anything else reaching the CLI is a bug.
 */
export const ExitCode = {
  ok: 0,
  badInput: 1,
  usage: 2,
  bug: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export type ErrorKind =
  | 'data'
  | 'params'
  | 'template'
  | 'glyphs'
  | 'io'
  | 'usage';

/** One located problem: `file:line:col path: message`. */
export interface Problem {
  file?: string;
  line?: number;
  column?: number;
  /** Data path such as `levels[2].salary.max`, empty for document-level problems. */
  path?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  let loc = p.file ?? '';
  if (p.file && p.line !== undefined) loc += `:${p.line}`;
  if (p.file && p.line !== undefined && p.column !== undefined) loc += `:${p.column}`;
  const where = [loc, p.path].filter((s) => s && s.length > 0).join(' ');
  return where ? `${where}: ${p.message}` : p.message;
}

export class RoadmapError extends Error {
  /** The first line alone (`invalid parameters:`); `message` adds every problem below it. */
  readonly summary: string;
  readonly kind: ErrorKind;
  readonly exitCode: ExitCode;
  readonly problems: Problem[];
  /** For a parameter error, the parameter at fault (`track`), so a batch can locate it in its row. */
  readonly param: string | undefined;

  constructor(kind: ErrorKind, summary: string, problems: Problem[] = [], options: { exitCode?: ExitCode; param?: string } = {}) {
    // A library user who logs `e.message` (or sees an uncaught one) gets the problems too.
    super([summary, ...problems.map((p) => `  ${formatProblem(p)}`)].join('\n'));
    this.summary = summary;
    this.name = 'RoadmapError';
    this.kind = kind;
    this.problems = problems;
    this.param = options.param;
    this.exitCode = options.exitCode ?? (kind === 'usage' ? ExitCode.usage : ExitCode.badInput);
  }

  /** The summary plus every located problem, one per line: what the CLI prints (the message). */
  report(): string {
    return this.message;
  }
}

export function isRoadmapError(e: unknown): e is RoadmapError {
  return e instanceof RoadmapError;
}

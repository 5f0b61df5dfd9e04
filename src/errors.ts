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
  /** For a parameter error made by `paramError`, what is wrong without the parameter's name. */
  readonly detail: string | undefined;

  constructor(kind: ErrorKind, summary: string, problems: Problem[] = [], options: { exitCode?: ExitCode; param?: string; detail?: string } = {}) {
    // A library user who logs `e.message` (or sees an uncaught one) gets the problems too.
    super([summary, ...problems.map((p) => `  ${formatProblem(p)}`)].join('\n'));
    this.summary = summary;
    this.name = 'RoadmapError';
    this.kind = kind;
    this.problems = problems;
    this.param = options.param;
    this.detail = options.detail;
    this.exitCode = options.exitCode ?? (kind === 'usage' ? ExitCode.usage : ExitCode.badInput);
  }

  /** The summary plus every located problem, one per line: what the CLI prints (the message). */
  report(): string {
    return this.message;
  }

  /**
   * This error with its parameters named as `label` names them (the CLI's `--start`), where it
   * knows the name: the summary of a one-parameter error, and problems whose path is a parameter.
   */
  relabelParams(label: (param: string) => string | undefined): RoadmapError {
    if (this.kind !== 'params') return this;
    const named = this.param === undefined || this.detail === undefined ? undefined : label(this.param);
    const summary = named === undefined ? this.summary : `${named}: ${this.detail}`;
    const problems = this.problems.map((p) => {
      const path = p.path === undefined ? undefined : label(p.path);
      return path === undefined ? p : { ...p, path };
    });
    const relabelled = new RoadmapError(this.kind, summary, problems, { exitCode: this.exitCode, ...(this.param === undefined ? {} : { param: this.param }), ...(this.detail === undefined ? {} : { detail: this.detail }) });
    if (this.stack !== undefined) relabelled.stack = this.stack;
    return relabelled;
  }
}

/**
 * A problem with one learner parameter, named as the library names it (`start: "2027-13" is
 * not a real date…`); the CLI words it with its flag through `relabelParams`.
 */
export function paramError(param: string, detail: string): RoadmapError {
  return new RoadmapError('params', `${param}: ${detail}`, [], { param, detail });
}

export function isRoadmapError(e: unknown): e is RoadmapError {
  return e instanceof RoadmapError;
}

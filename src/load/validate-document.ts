import type { z } from 'zod';
import { RoadmapError, type Problem } from '../errors.js';
import { ParamsSchema, type Params, type ParamsInput } from '../schema/params.js';
import { describeIssue, formatPath } from './describe-issue.js';
import type { ParsedDocument } from './parse-document.js';

/**
 * Validates a parsed document against a schema and returns the typed value, or throws one
 * RoadmapError listing every problem with file, line, column and data path.
 */
export function validateDocument<S extends z.ZodType>(
  doc: ParsedDocument,
  schema: S,
  what: string,
): z.output<S> {
  const result = schema.safeParse(doc.value);
  if (result.success) return result.data;
  throw new RoadmapError('data', `${doc.file}: ${what} is invalid`, issuesToProblems(doc, result.error.issues));
}

export function issuesToProblems(doc: ParsedDocument, issues: readonly z.core.$ZodIssue[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    // An unknown key is reported at the key itself; everything else at the value's node.
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    for (const key of keys) {
      const single = key === undefined ? issue : { ...issue, keys: [key] };
      const path = key === undefined ? issue.path : [...issue.path, key];
      problems.push({
        file: doc.file,
        ...doc.locate(issue.path, key === undefined ? undefined : { key }),
        path: formatPath(path),
        message: describeIssue(single, doc.value),
      });
    }
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** Checks a learner's parameters; each problem names the parameter (`locale`). */
export function resolveParams(input: ParamsInput, source = 'parameters'): Params {
  const result = ParamsSchema.safeParse(input);
  if (result.success) return result.data;
  const problems: Problem[] = result.error.issues.map((issue) => ({
    path: issue.path.length > 0 ? String(issue.path[0]) : source,
    message: describeIssue(issue, input),
  }));
  throw new RoadmapError('params', `invalid ${source}:`, problems);
}

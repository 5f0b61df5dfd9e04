import { RoadmapError, type Problem } from '../errors.js';
import { ParamsSchema, type Params, type ParamsInput } from '../schema/params.js';
import { describeIssue } from '../validate/describe-issue.js';

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

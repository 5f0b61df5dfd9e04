import type { z } from 'zod';

/** `levels[2].salary.max` from `['levels', 2, 'salary', 'max']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out.length === 0 ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

export function getAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = value;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

/** How a value reads in a message: strings quoted, long ones shortened. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') {
    const s = v.length > 40 ? `${v.slice(0, 37)}…` : v;
    return JSON.stringify(s);
  }
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return `a ${typeof v}`;
}

const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);
const typeName: Record<string, string> = { object: 'mapping', array: 'list', string: 'text', number: 'number', boolean: 'boolean (true/false)', int: 'whole number' };

/**
 * A user-facing sentence for one zod issue: what was expected and what was found. zod's own
 * messages are written for developers ("Invalid input: expected number, received string").
 */
export function describeIssue(issue: z.core.$ZodIssue, root: unknown): string {
  const got = getAt(root, issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      if (got === undefined) return `missing required ${typeName[issue.expected] ?? issue.expected}`;
      return `expected ${article(typeName[issue.expected] ?? issue.expected)}, got ${describeValue(got)}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') return `expected at least ${min} item${min === 1 ? '' : 's'}, got ${describeValue(got)}`;
      if (issue.origin === 'string') return min <= 1 ? `expected non-empty text` : `expected at least ${min} characters`;
      return `expected ${issue.inclusive ? 'at least' : 'more than'} ${min}, got ${describeValue(got)}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return `expected at most ${max} items, got ${describeValue(got)}`;
      if (issue.origin === 'string') return `expected at most ${max} characters`;
      return `expected ${issue.inclusive ? 'at most' : 'less than'} ${max}, got ${describeValue(got)}`;
    }
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(got)}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_format':
    case 'custom':
      return `${issue.message}${issue.code === 'invalid_format' ? `, got ${describeValue(got)}` : ''}`;
    default:
      return issue.message;
  }
}

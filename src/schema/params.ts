import { z } from 'zod';
import { isWellFormed } from './text.js';
import { atMostCodePoints, MAX_NAME_CODE_POINTS, tooLongMessage } from './limits.js';

import { matchChoice, Papers } from './choices.js';
import { LOCALE_TAG } from './locale-tag.js';

export { Papers, type Paper } from './choices.js';
export type { Locale } from './locale-tag.js';

/** A reminder further ahead than a year is no reminder for a plan entry of one or two months. */
export const MAX_REMINDER_DAYS = 365;

/** One of `choices`, matched case-insensitively (`a4`, `EN`) where that is unambiguous. */
function choice<T extends string>(choices: readonly [T, ...T[]]) {
  return z
    .string()
    .transform((v) => matchChoice(v, choices) ?? v)
    .pipe(z.enum(choices));
}

/** What the command line, the help and the docs need to know of one learner parameter. */
export interface ParamMeta {
  /** The command-line flag, without dashes; config files and batch rows use the key itself. */
  readonly flag: string;
  readonly description: string;
  /** How the command line reads the value before the schema checks it. */
  readonly type: 'string' | 'number';
  readonly choices?: readonly string[];
  /** The value an absent parameter takes, where the schema supplies one. */
  readonly default?: string;
  /** What an absent parameter means, in words, where no value stands for it. */
  readonly absent?: string;
}

/**
 * Every learner parameter's flag, help text and default, beside the schema that checks it: the
 * CLI's options are made from this, so adding a parameter is one entry here and one below.
 */
export const PARAM_META = {
  name: { flag: 'name', type: 'string', description: "Learner's name, printed on every page" },
  start: { flag: 'start', type: 'string', description: 'Start month: YYYY-MM or YYYY-MM-DD', absent: 'the first day of next month' },
  roadmap: { flag: 'roadmap', type: 'string', description: 'Roadmap id of the project (see `roadmap-press roadmaps`)', absent: 'the only roadmap, else mlops-engineer, else the first by id' },
  track: { flag: 'track', type: 'string', description: 'Specialization id (see `roadmap-press tracks`)', absent: 'general path' },
  level: { flag: 'level', type: 'string', description: 'Current level code (see `roadmap-press levels`)', absent: "the roadmap's first level" },
  locale: { flag: 'locale', type: 'string', description: 'Language of the content, labels, dates and digits: a tag with a label file (bn, en, …)', absent: "the roadmap's language" },
  paper: { flag: 'paper', type: 'string', description: 'Paper size', choices: Papers, default: 'A4' },
  reminders: { flag: 'reminders', type: 'number', description: `Calendar reminders N days before each plan entry ends (0-${MAX_REMINDER_DAYS})`, absent: 'none' },
} as const satisfies Record<string, ParamMeta>;

/**
 * A learner's parameters as given on the command line, in a config file or in a batch row.
 * Values that depend on the data (track and level ids) are checked against it when
 * personalizing, where the valid ids and a suggestion can be listed.
 */
export const ParamsSchema = z.strictObject({
  name: z
    .string()
    .refine((s) => atMostCodePoints(s, MAX_NAME_CODE_POINTS), { error: (iss) => tooLongMessage(iss.input, MAX_NAME_CODE_POINTS), abort: true })
    .refine((s) => s.trim().length > 0, { message: 'expected non-empty text', abort: true })
    .refine(isWellFormed, { message: 'expected well-formed Unicode text, found a lone surrogate (broken UTF-16)' })
    .optional(),
  /** `YYYY-MM` or `YYYY-MM-DD`; default: the first day of next month. */
  start: z.string().optional(),
  /** A roadmap id of the project (its folder under roadmaps/); checked against the project at the edge. */
  roadmap: z.string().optional(),
  /** A specialization id; absent for the general path. */
  track: z.string().optional(),
  /** A level code of the roadmap; absent: its first level. */
  level: z.string().optional(),
  /** A language tag (`bn`, `EN` reads as `en`); absent: the roadmap's language. */
  locale: z
    .string()
    .transform((v) => v.trim().replace(/^[A-Za-z]{2,3}(?=-|$)/, (lang) => lang.toLowerCase()))
    .pipe(z.string().regex(LOCALE_TAG, { message: 'expected a language tag such as "bn", "en" or "pt-BR"' }))
    .optional(),
  paper: choice(Papers).default(PARAM_META.paper.default),
  /**
   * Days before each plan entry ends to remind the learner (an alarm in plan.ics); absent: no
   * reminders. A number, or its digits as text (CSV and YAML batch rows give text).
   */
  reminders: z
    // NaN too: yargs gives it for `--reminders abc`, and it should get the message below.
    .union([z.number(), z.nan(), z.string()])
    .transform((v, ctx) => {
      const days = typeof v === 'number' ? v : /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN;
      if (Number.isInteger(days) && days >= 0 && days <= MAX_REMINDER_DAYS) return days;
      ctx.addIssue({ code: 'custom', message: `expected a whole number of days from 0 to ${MAX_REMINDER_DAYS}, got ${typeof v === 'string' ? JSON.stringify(v) : String(v)}` });
      return z.NEVER;
    })
    .optional(),
});
export type ParamsInput = z.input<typeof ParamsSchema>;
/** Every learner parameter's name, from the schema: what flags, config files and batch rows may set. */
export const PARAM_KEYS = ParamsSchema.keyof().options;
export type ParamKey = (typeof PARAM_KEYS)[number];
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
// A compile-time check: every parameter has its metadata, and no metadata names a key the schema lacks.
true satisfies SameKeys<typeof PARAM_META, Record<ParamKey, unknown>>;
export type Params = z.output<typeof ParamsSchema>;

/**
 * One cell of a batch list: text, or a number where YAML read digits (`level: 2`, a bare year);
 * an empty cell (YAML's null) is no value. The params schema checks the text when the batch is
 * planned, as it checks flags.
 */
const cell = z
  .union([z.string(), z.number(), z.null()], { error: (iss) => `expected text, got ${Array.isArray(iss.input) ? 'a list' : typeof iss.input}` })
  .transform((v) => (v === null ? undefined : String(v)))
  .optional();

function cellsOf<K extends string>(keys: readonly K[]): Record<K, typeof cell> {
  // fromEntries cannot say its keys are K; each key of `keys` gets the cell schema.
  return Object.fromEntries(keys.map((k) => [k, cell])) as Record<K, typeof cell>;
}

/** A `matrix:` block's `defaults:`: parameter columns only. */
export const BatchDefaultsSchema = z.strictObject(cellsOf(PARAM_KEYS));
/** A row of a YAML or JSON batch list: the parameter columns, by name, and an optional `id`. */
export const BatchRowSchema = z.strictObject({ id: cell, ...cellsOf(PARAM_KEYS) });

/** The config file (`roadmap-press.config.yaml`/`.json`): parameters plus build settings. */
export const ConfigSchema = ParamsSchema.partial().extend({
  out: z.string().optional(),
  /** The project folder: where `roadmaps/` is. */
  project: z.string().optional(),
  data: z.string().optional(),
  templates: z.string().optional(),
  fonts: z.string().optional(),
});
export type Config = z.output<typeof ConfigSchema>;

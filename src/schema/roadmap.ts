import { z } from 'zod';
import { KebabId, Text } from './text.js';
import { onAnyList, partsOf } from './list-rules.js';
import { LocaleTag } from './locale-tag.js';

/**
 * The roadmap data model: the single source of truth for the data file's types, its JSON
 * Schema (`roadmap-press schema`) and its validation. It describes any roadmap, not one page:
 * sections the data leaves out leave nothing behind in the outputs. Cross-field rules live in
 * `superRefine` so that every problem is reported together with its path.
 */

/** The longest plan a workbook is made for, in months: five years. */
export const MAX_PLAN_MONTHS = 60;
export const MAX_LEVELS = 20;

const NavLink = z.strictObject({
  title: Text,
  /** A sibling roadmap of the same project: the README links to its README. */
  roadmap: KebabId.optional(),
  chapter: Text.optional(),
  /** `soon` for a chapter that is announced but not yet published. */
  status: z.enum(['published', 'soon']).default('published'),
});

const Meta = z.strictObject({
  id: KebabId,
  /** The language the data's texts are written in; translations are `roadmap.<locale>.yaml`. */
  language: LocaleTag,
  title: Text,
  subtitle: Text.optional(),
  /** Where this roadmap sits in a series of roadmaps ("Phase 12 · Chapter 12.01"). */
  series: z.strictObject({ phase: Text.optional(), chapter: Text.optional() }).optional(),
  nav: z.strictObject({ prev: NavLink.optional(), next: NavLink.optional() }).optional(),
});

/** Each page section has an optional small kicker (e.g. "Skill Matrix") and a heading. */
const SectionHead = z.strictObject({ kicker: Text.optional(), title: Text });

const Sections = z.strictObject({
  levels: SectionHead,
  skills: SectionHead,
  plan: SectionHead,
  specializations: SectionHead.optional(),
  portfolio: SectionHead.optional(),
  pitfalls: SectionHead.optional(),
  takeaway: SectionHead.optional(),
});

const LevelCode = z.string().regex(/^[A-Za-z][A-Za-z0-9+-]{0,11}$/, { message: 'expected a level code such as "L3" or "IC2" (a letter, then up to 11 letters, digits, "+" or "-")' });

const Salary = z.strictObject({
  min: z.number().int().positive(),
  max: z.number().int().positive(),
  /** The top of the range is a floor, not a ceiling ("$600k+"). */
  openEnded: z.boolean().default(false),
});

const Level = z.strictObject({
  code: LevelCode,
  title: Text,
  years: z
    .strictObject({
      from: z.number().int().nonnegative(),
      /** null: open-ended ("10+ yrs"). */
      to: z.number().int().positive().nullable(),
    })
    .optional(),
  /** In the roadmap's `salary.currency`, per `salary.period`. */
  salary: Salary.optional(),
  /** The skill-matrix line of this level, as a list. */
  skills: z.array(Text).min(1),
});

const Month = z.number().int().min(1).max(MAX_PLAN_MONTHS);

const PlanEntry = z.strictObject({
  months: z.strictObject({ from: Month, to: Month }),
  /** The starting levels this entry is for; absent: every level. */
  levels: z.array(LevelCode).min(1).optional(),
  /** The topic line, e.g. "Python deep + Docker + FastAPI + sklearn". */
  topics: z.array(Text).min(1),
  /** Concrete checklist items for these months. */
  tasks: z.array(Text).min(1),
  deliverable: Text.optional(),
  /** True for the months whose project is replaced by the chosen track's capstone. */
  capstone: z.boolean().default(false),
});

const Capstone = z.strictObject({ title: Text, description: Text });

export const Difficulties = ['beginner', 'intermediate', 'advanced'] as const;
const Project = z.strictObject({ title: Text, description: Text, difficulty: z.enum(Difficulties).optional() });

const Specialization = z.strictObject({
  id: KebabId,
  name: Text,
  /** The line for this track, e.g. "RAG, fine-tuning, vector DB, eval framework". */
  summary: Text,
  focus: z.array(Text).min(1),
  capstone: Capstone.optional(),
  projects: z.array(Project).default([]),
});

const ExtraBlock = z.union(
  [z.strictObject({ paragraph: Text }), z.strictObject({ bullets: z.array(Text).min(1) }), z.strictObject({ checklist: z.array(Text).min(1) })],
  { error: 'expected one of { paragraph: text }, { bullets: [...] } or { checklist: [...] }' },
);

const ExtraSection = z.strictObject({
  id: KebabId,
  kicker: Text.optional(),
  title: Text,
  blocks: z.array(ExtraBlock).min(1),
});

/** ISO 4217: three capital letters that Intl knows as a currency. */
const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: 'expected an ISO 4217 currency code such as "USD" or "EUR"' })
  .refine((c) => Intl.supportedValuesOf('currency').includes(c), { message: 'expected an ISO 4217 currency code that exists, such as "USD" or "EUR"' });

const RoadmapObject = z.strictObject({
  $schema: z.string().optional(),
  meta: Meta,
  sections: Sections,
  // Cross-field rules sit on the smallest schema that holds their fields, so a type error
  // in one part does not hide a rule broken in another: every problem is reported at once.
  // They run even when an element is invalid (`onAnyList`), each over the parts that parse.
  levels: z.array(Level).min(1).max(MAX_LEVELS).superRefine(checkLevels, onAnyList),
  /** How the levels' salaries read; required when a level has one. */
  salary: z.strictObject({ currency: CurrencyCode, period: z.enum(['year', 'month']), note: Text.optional() }).optional(),
  plan: z.strictObject({
    /** The general path's capstone, for the entry marked `capstone`. */
    capstone: Capstone.optional(),
    entries: z.array(PlanEntry).min(1),
  }),
  specializations: z.array(Specialization).default([]).superRefine(checkUniqueIds('specializations'), onAnyList),
  portfolio: z.array(Text).min(1).optional(),
  /** Each pitfall's sentence and an optional self-check question for the workbook. */
  pitfalls: z.array(z.strictObject({ text: Text, selfCheck: Text.optional() })).min(1).optional(),
  takeaway: z.strictObject({ text: Text }).optional(),
  /** Months after the start at which the learner checks role/scope growth, and the rule. */
  checkIns: z.strictObject({ months: z.array(z.number().int().positive().max(MAX_PLAN_MONTHS * 2)).min(1), rule: Text.optional() }).optional(),
  /** Generic sections, rendered after the takeaway in the order given. */
  extraSections: z.array(ExtraSection).default([]).superRefine(checkUniqueIds('extraSections'), onAnyList),
});

export const RoadmapSchema = RoadmapObject.superRefine(checkAcrossSections, { when: (p) => typeof p.value === 'object' && p.value !== null });

export type Roadmap = z.infer<typeof RoadmapSchema>;
export type Level = z.infer<typeof Level>;
export type PlanEntry = z.infer<typeof PlanEntry>;
export type Specialization = z.infer<typeof Specialization>;
export type ExtraSection = z.infer<typeof ExtraSection>;
export type Difficulty = (typeof Difficulties)[number];

// zod runs a list's refinement on the list as it came in when an element failed, so each rule
// reads its input as unknown and checks only the fields it needs, where they parse: a type
// error in levels[0].title still lets levels[1]'s code be checked.
const LevelCodePart = z.object({ code: LevelCode });
const LevelYearsPart = z.object({ years: z.object({ from: z.number(), to: z.number().nullable() }) });
const LevelSalaryPart = z.object({ salary: z.object({ min: z.number(), max: z.number() }) });
const PlanPart = z.object({ months: PlanEntry.shape.months, levels: PlanEntry.shape.levels, capstone: PlanEntry.shape.capstone });
const IdPart = z.object({ id: KebabId });

function checkLevels(input: unknown, ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  partsOf(input, LevelCodePart).forEach((part, i) => {
    if (part === undefined) return;
    const first = seen.get(part.code);
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `duplicate level code "${part.code}" (first used at levels[${first}])` });
    else seen.set(part.code, i);
  });
  const years = partsOf(input, LevelYearsPart);
  years.forEach((part, i) => {
    if (part === undefined) return;
    const { from, to } = part.years;
    if (to !== null && to <= from) {
      ctx.addIssue({ code: 'custom', path: [i, 'years', 'to'], message: `expected more than years.from (${from}), got ${to}` });
    }
    const prev = years.slice(0, i).findLast((p) => p !== undefined);
    if (prev && from < prev.years.from) {
      ctx.addIssue({ code: 'custom', path: [i, 'years', 'from'], message: `expected at least the previous level's years.from (${prev.years.from}), got ${from}` });
    }
  });
  partsOf(input, LevelSalaryPart).forEach((part, i) => {
    if (part === undefined) return;
    const { min, max } = part.salary;
    if (max < min) ctx.addIssue({ code: 'custom', path: [i, 'salary', 'max'], message: `expected at least salary.min (${min}), got ${max}` });
  });
}

/** The level codes a plan is checked for: each code the entries name, or one plan for all. */
export function planGroups(entries: ReadonlyArray<{ levels?: readonly string[] | undefined }>, codes: readonly string[]): Array<{ code: string | null; entries: number[] }> {
  const named = new Set(entries.flatMap((e) => e.levels ?? []));
  if (named.size === 0) return [{ code: null, entries: entries.map((_, i) => i) }];
  return codes
    .filter((c) => named.has(c))
    .map((code) => ({ code, entries: entries.flatMap((e, i) => (e.levels === undefined || e.levels.includes(code) ? [i] : [])) }));
}

/** Rules across sections: plan entries name existing levels, each level's plan runs 1…N, salaries have a currency. */
function checkAcrossSections(value: unknown, ctx: z.RefinementCtx): void {
  const root = value as Record<string, unknown>; // `when` let only objects through
  const codes = partsOf(root.levels, LevelCodePart).flatMap((p) => (p ? [p.code] : []));
  const levelsParse = Array.isArray(root.levels) && codes.length === root.levels.length;
  const plan = root.plan;
  const rawEntries = plan !== null && typeof plan === 'object' && 'entries' in plan ? plan.entries : undefined;
  const parts = partsOf(rawEntries, PlanPart);
  const entriesPath = ['plan', 'entries'];
  parts.forEach((p, i) => {
    p?.levels?.forEach((code, k) => {
      if (levelsParse && !codes.includes(code)) {
        ctx.addIssue({ code: 'custom', path: [...entriesPath, i, 'levels', k], message: `no level has the code "${code}" (levels: ${codes.join(', ')})` });
      }
    });
  });
  // After an entry that does not parse, where a plan stands is unknown: coverage is not judged.
  if (parts.length > 0 && parts.every((p) => p !== undefined)) {
    const entries = parts.flatMap((p) => (p ? [p] : []));
    for (const group of planGroups(entries, levelsParse ? codes : [...new Set(entries.flatMap((e) => e.levels ?? []))])) {
      checkPlanCoverage(group.code, group.entries.map((i) => ({ i, entry: entries[i] })), ctx, entriesPath);
    }
  }
  const salaries = partsOf(root.levels, LevelSalaryPart);
  const first = salaries.findIndex((s) => s !== undefined);
  if (first >= 0 && root.salary === undefined) {
    ctx.addIssue({ code: 'custom', path: ['levels', first, 'salary'], message: 'a salary needs the roadmap\'s currency and period: add `salary: { currency: USD, period: year }` at the top level' });
  }
  if (root.salary !== undefined && first < 0 && levelsParse) {
    ctx.addIssue({ code: 'custom', path: ['salary'], message: 'no level has a salary: remove `salary`, or give the levels one' });
  }
  const specs = root.specializations;
  const sections = root.sections;
  if (sections !== null && typeof sections === 'object') {
    const heads = sections as Record<string, unknown>;
    const present: Record<string, boolean> = {
      specializations: Array.isArray(specs) && specs.length > 0,
      portfolio: root.portfolio !== undefined,
      pitfalls: root.pitfalls !== undefined,
      takeaway: root.takeaway !== undefined,
    };
    for (const [key, has] of Object.entries(present)) {
      if (has && heads[key] === undefined) ctx.addIssue({ code: 'custom', path: ['sections', key], message: `the data has ${key}: give the section a heading, sections.${key}: { title: … }` });
      if (!has && heads[key] !== undefined) ctx.addIssue({ code: 'custom', path: ['sections', key], message: `a heading for a section the data does not have: add ${key}, or remove sections.${key}` });
    }
  }
}

function checkPlanCoverage(code: string | null, entries: Array<{ i: number; entry: z.infer<typeof PlanPart> | undefined }>, ctx: z.RefinementCtx, base: (string | number)[]): void {
  const whose = code === null ? 'the plan' : `${code}'s plan`;
  let next = 1;
  for (const { i, entry } of entries) {
    if (!entry) return;
    const { from, to } = entry.months;
    if (to < from) {
      ctx.addIssue({ code: 'custom', path: [...base, i, 'months', 'to'], message: `expected at least months.from (${from}), got ${to}` });
      return;
    }
    if (from > next) {
      ctx.addIssue({ code: 'custom', path: [...base, i, 'months', 'from'], message: `gap in ${whose}: month ${next}${from - 1 > next ? `-${from - 1}` : ''} is not covered (expected ${next}, got ${from})` });
    } else if (from < next) {
      ctx.addIssue({ code: 'custom', path: [...base, i, 'months', 'from'], message: `overlap in ${whose}: month ${from} is already covered (expected ${next}, got ${from})` });
    }
    next = Math.max(next, to + 1);
  }
  const capstones = entries.filter((e) => e.entry?.capstone === true);
  const second = capstones[1];
  if (second) ctx.addIssue({ code: 'custom', path: [...base, second.i, 'capstone'], message: `expected at most one capstone entry in ${whose}` });
}

function checkUniqueIds(list: string) {
  return (input: unknown, ctx: z.RefinementCtx): void => {
    const seen = new Map<string, number>();
    partsOf(input, IdPart).forEach((part, i) => {
      if (part === undefined) return;
      const first = seen.get(part.id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id "${part.id}" (first used at ${list}[${first}])` });
      else seen.set(part.id, i);
    });
  };
}

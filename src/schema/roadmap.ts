import { z } from 'zod';
import { KebabId, Text } from './text.js';
import { onAnyList, partsOf } from './list-rules.js';

/**
 * The roadmap data model: the single source of truth for the data file's types, its JSON
 * Schema (`roadmap-press schema`) and its validation. Cross-field rules live in `superRefine`
 * so that every problem is reported together with its path.
 */

const NavLink = z.strictObject({
  title: Text,
  chapter: Text.optional(),
  /** `soon` for a chapter that is announced but not yet published. */
  status: z.enum(['published', 'soon']).default('published'),
});

const Meta = z.strictObject({
  id: KebabId,
  title: Text,
  phase: Text,
  chapter: Text,
  subtitle: Text,
  nav: z.strictObject({ prev: NavLink.optional(), next: NavLink.optional() }),
});

/** Each page section has a small kicker (e.g. "Skill Matrix") and a heading. */
const SectionHead = z.strictObject({ kicker: Text, title: Text });

const Sections = z.strictObject({
  levels: SectionHead,
  skills: SectionHead,
  plan: SectionHead,
  specializations: SectionHead,
  portfolio: SectionHead,
  pitfalls: SectionHead,
  takeaway: SectionHead,
});

const LevelCode = z.string().regex(/^L[1-9]$/, { message: 'expected a level code such as "L3"' });

const Level = z.strictObject({
  code: LevelCode,
  title: Text,
  years: z.strictObject({
    from: z.number().int().nonnegative(),
    /** null: open-ended ("10+ yrs"). */
    to: z.number().int().positive().nullable(),
  }),
  salary: z.strictObject({
    /** Yearly, in USD. */
    min: z.number().int().positive(),
    max: z.number().int().positive(),
    /** The top of the range is a floor, not a ceiling ("$600k+"). */
    openEnded: z.boolean().default(false),
  }),
  /** The skill-matrix line of this level, as a list. */
  skills: z.array(Text).min(1),
});

const Month = z.number().int().min(1).max(12);

const PlanEntry = z.strictObject({
  months: z.strictObject({ from: Month, to: Month }),
  /** The seed's topic line, e.g. "Python deep + Docker + FastAPI + sklearn". */
  topics: z.array(Text).min(1),
  /** Concrete checklist items for these months. */
  tasks: z.array(Text).min(3).max(6),
  deliverable: Text,
  /** True for the months whose project is replaced by the chosen track's capstone. */
  capstone: z.boolean().default(false),
});

const Project = z.strictObject({ title: Text, description: Text });

const Specialization = z.strictObject({
  id: KebabId,
  name: Text,
  /** The seed's line for this track, e.g. "RAG, fine-tuning, vector DB, eval framework". */
  summary: Text,
  focus: z.array(Text).min(4).max(6),
  capstone: z.strictObject({ title: Text, description: Text }),
  projects: z.strictObject({ beginner: Project, intermediate: Project, advanced: Project }),
});

const Takeaway = z.strictObject({
  /** The seed's takeaway paragraph, kept verbatim. */
  text: Text,
  growth: z.strictObject({
    /** Months after the start at which the learner checks role/scope growth. */
    checkInMonths: z.array(z.number().int().positive()).min(1),
    rule: Text,
  }),
});

export const RoadmapSchema = z
  .strictObject({
    $schema: z.string().optional(),
    meta: Meta,
    sections: Sections,
    // Cross-field rules sit on the smallest schema that holds their fields, so a type error
    // in one part does not hide a rule broken in another: every problem is reported at once.
    // They run even when an element is invalid (`onAnyList`), each over the parts that parse.
    levels: z.array(Level).min(1).superRefine(checkLevels, onAnyList),
    salaryNote: Text,
    plan: z.strictObject({
      /** The seed's headline for the plan, e.g. the general capstone. */
      generalCapstone: z.strictObject({ title: Text, description: Text }),
      entries: z.array(PlanEntry).min(1).superRefine(checkPlan, onAnyList),
    }),
    specializations: z.array(Specialization).min(1).superRefine(checkUniqueIds, onAnyList),
    portfolio: z.array(Text).min(1),
    /** Each pitfall's seed sentence (verbatim) and a self-check question for the workbook. */
    pitfalls: z.array(z.strictObject({ text: Text, selfCheck: Text })).min(1),
    takeaway: Takeaway,
  });

export type Roadmap = z.infer<typeof RoadmapSchema>;
export type Level = z.infer<typeof Level>;
export type PlanEntry = z.infer<typeof PlanEntry>;
export type Specialization = z.infer<typeof Specialization>;

// zod runs a list's refinement on the list as it came in when an element failed, so each rule
// reads its input as unknown and checks only the fields it needs, where they parse: a type
// error in levels[0].title still lets levels[1]'s code be checked against its order.
const LevelCodePart = z.object({ code: LevelCode });
const LevelYearsPart = z.object({ years: Level.shape.years });
const LevelSalaryPart = z.object({ salary: Level.shape.salary });
const PlanMonthsPart = z.object({ months: PlanEntry.shape.months });
const PlanCapstonePart = z.object({ capstone: PlanEntry.shape.capstone });
const SpecializationIdPart = z.object({ id: KebabId });

function checkLevels(input: unknown, ctx: z.RefinementCtx): void {
  const codes = partsOf(input, LevelCodePart);
  const years = partsOf(input, LevelYearsPart);
  const salaries = partsOf(input, LevelSalaryPart);
  const seen = new Map<string, number>();
  codes.forEach((part, i) => {
    if (part === undefined) return;
    const first = seen.get(part.code);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `duplicate level code "${part.code}" (first used at levels[${first}])` });
      return;
    }
    seen.set(part.code, i);
    const expected = `L${i + 1}`;
    if (part.code !== expected) {
      ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `expected "${expected}": level codes run L1, L2, … in order` });
    }
  });
  years.forEach((part, i) => {
    if (part === undefined) return;
    const { from, to } = part.years;
    if (to !== null && to <= from) {
      ctx.addIssue({ code: 'custom', path: [i, 'years', 'to'], message: `expected more than years.from (${from}), got ${to}` });
    }
    const prev = years[i - 1];
    if (prev && from < prev.years.from) {
      ctx.addIssue({ code: 'custom', path: [i, 'years', 'from'], message: `expected at least the previous level's years.from (${prev.years.from}), got ${from}` });
    }
  });
  salaries.forEach((part, i) => {
    if (part === undefined) return;
    const { min, max } = part.salary;
    if (max < min) {
      ctx.addIssue({ code: 'custom', path: [i, 'salary', 'max'], message: `expected at least salary.min (${min}), got ${max}` });
    }
  });
}

function checkPlan(input: unknown, ctx: z.RefinementCtx): void {
  const months = partsOf(input, PlanMonthsPart);
  // After an entry whose months do not parse, where the plan stands is unknown: the next
  // entry is not judged for gaps or overlaps, and coverage of months 1-12 is not judged at all.
  let next: number | null = 1;
  let complete = true;
  months.forEach((part, i) => {
    if (part === undefined) {
      next = null;
      complete = false;
      return;
    }
    const { from, to } = part.months;
    if (to < from) {
      ctx.addIssue({ code: 'custom', path: [i, 'months', 'to'], message: `expected at least months.from (${from}), got ${to}` });
      return;
    }
    if (next !== null && from > next) {
      ctx.addIssue({ code: 'custom', path: [i, 'months', 'from'], message: `gap in the plan: month ${next}${from - 1 > next ? `-${from - 1}` : ''} is not covered (expected ${next}, got ${from})` });
    } else if (next !== null && from < next) {
      ctx.addIssue({ code: 'custom', path: [i, 'months', 'from'], message: `overlap in the plan: month ${from} is already covered (expected ${next}, got ${from})` });
    }
    next = Math.max(next ?? 0, to + 1);
  });
  if (complete && next !== null && next <= 12 && months.length > 0) {
    ctx.addIssue({ code: 'custom', path: [], message: `the plan must cover months 1-12; it ends at month ${next - 1}` });
  }
  if (partsOf(input, PlanCapstonePart).filter((e) => e?.capstone === true).length > 1) {
    ctx.addIssue({ code: 'custom', path: [], message: 'expected at most one capstone entry' });
  }
}

function checkUniqueIds(input: unknown, ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  partsOf(input, SpecializationIdPart).forEach((part, i) => {
    if (part === undefined) return;
    const first = seen.get(part.id);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id "${part.id}" (first used at specializations[${first}])` });
    } else {
      seen.set(part.id, i);
    }
  });
}

import { z } from 'zod';
import { KebabId, Text } from './text.js';

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
    levels: z.array(Level).min(1).superRefine(checkLevels),
    salaryNote: Text,
    plan: z.strictObject({
      /** The seed's headline for the plan, e.g. the general capstone. */
      generalCapstone: z.strictObject({ title: Text, description: Text }),
      entries: z.array(PlanEntry).min(1).superRefine(checkPlan),
    }),
    specializations: z.array(Specialization).min(1).superRefine(checkUniqueIds),
    portfolio: z.array(Text).min(1),
    /** Each pitfall's seed sentence (verbatim) and a self-check question for the workbook. */
    pitfalls: z.array(z.strictObject({ text: Text, selfCheck: Text })).min(1),
    takeaway: Takeaway,
  });

export type Roadmap = z.infer<typeof RoadmapSchema>;
export type Level = z.infer<typeof Level>;
export type PlanEntry = z.infer<typeof PlanEntry>;
export type Specialization = z.infer<typeof Specialization>;

function checkLevels(levels: Level[], ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  levels.forEach((level, i) => {
    const first = seen.get(level.code);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `duplicate level code "${level.code}" (first used at levels[${first}])` });
    } else {
      seen.set(level.code, i);
    }
    const expected = `L${i + 1}`;
    if (first === undefined && level.code !== expected) {
      ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `expected "${expected}": level codes run L1, L2, … in order` });
    }
    if (level.years.to !== null && level.years.to <= level.years.from) {
      ctx.addIssue({ code: 'custom', path: [i, 'years', 'to'], message: `expected more than years.from (${level.years.from}), got ${level.years.to}` });
    }
    if (level.salary.max < level.salary.min) {
      ctx.addIssue({ code: 'custom', path: [i, 'salary', 'max'], message: `expected at least salary.min (${level.salary.min}), got ${level.salary.max}` });
    }
    const prev = levels[i - 1];
    if (prev && level.years.from < prev.years.from) {
      ctx.addIssue({ code: 'custom', path: [i, 'years', 'from'], message: `expected at least the previous level's years.from (${prev.years.from}), got ${level.years.from}` });
    }
  });
}

function checkPlan(entries: PlanEntry[], ctx: z.RefinementCtx): void {
  let next = 1;
  entries.forEach((entry, i) => {
    const { from, to } = entry.months;
    if (to < from) {
      ctx.addIssue({ code: 'custom', path: [i, 'months', 'to'], message: `expected at least months.from (${from}), got ${to}` });
      return;
    }
    if (from > next) {
      ctx.addIssue({ code: 'custom', path: [i, 'months', 'from'], message: `gap in the plan: month ${next}${from - 1 > next ? `-${from - 1}` : ''} is not covered (expected ${next}, got ${from})` });
    } else if (from < next) {
      ctx.addIssue({ code: 'custom', path: [i, 'months', 'from'], message: `overlap in the plan: month ${from} is already covered (expected ${next}, got ${from})` });
    }
    next = Math.max(next, to + 1);
  });
  if (next <= 12 && entries.length > 0) {
    ctx.addIssue({ code: 'custom', path: [], message: `the plan must cover months 1-12; it ends at month ${next - 1}` });
  }
  if (entries.filter((e) => e.capstone).length > 1) {
    ctx.addIssue({ code: 'custom', path: [], message: 'expected at most one capstone entry' });
  }
}

function checkUniqueIds(specs: Specialization[], ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  specs.forEach((s, i) => {
    const first = seen.get(s.id);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id "${s.id}" (first used at specializations[${first}])` });
    } else {
      seen.set(s.id, i);
    }
  });
}

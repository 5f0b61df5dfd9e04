import type { CalendarDate } from './calendar.js';
import type { Labels } from '../schema/labels.js';
import type { Locale, Paper } from '../schema/params.js';
import type { Difficulty } from '../schema/roadmap.js';

/**
 * Everything templates read, computed once per learner. Templates never compute: every date,
 * number and marker is ready to print. Optional things are `null` (not absent) because
 * Handlebars runs in strict mode, where an absent key is an error.
 */
export interface ViewModel {
  locale: Locale;
  paper: Paper;
  labels: Labels;
  meta: MetaView;
  sections: {
    levels: SectionView;
    skills: SectionView;
    plan: SectionView;
    specializations: SectionView | null;
    portfolio: SectionView | null;
    pitfalls: SectionView | null;
    takeaway: SectionView | null;
  };
  /** Which of the ladder's optional columns the data has. */
  ladder: { years: boolean; salary: boolean };
  salaryNote: string | null;
  /** The salary column's currency code and period, in words; null without salaries. */
  salaryUnit: { currency: string; period: string } | null;
  /** The plan's length in months, for "your {months}-month plan". */
  planMonths: string;
  learner: { name: string; slug: string };
  start: DateView;
  /** The chosen specialization, or null for the general path. */
  track: TrackView | null;
  trackName: string;
  levels: LevelView[];
  currentLevel: LevelView;
  /** The next level up, or null at the top. */
  targetLevel: LevelView | null;
  plan: PlanView[];
  /** Set when the learner's level has no plan of its own: their level and the level whose plan they follow. */
  nearestPlan: { level: string; plan: string } | null;
  /** That, as the sentence the outputs print (the `nearestPlan` label), or null. */
  planNotice: string | null;
  /** The capstone entry's project: the track's capstone, or the general one; null when the data has none. */
  capstone: { title: string; description: string } | null;
  specializations: TrackView[];
  portfolio: string[];
  pitfalls: { text: string; selfCheck: string | null }[];
  takeaway: string | null;
  /** The check-ins' rule ("every 18-24 months…"), when the data gives one. */
  checkInRule: string | null;
  checkIns: CheckInView[];
  /** The check-in months as a list in the locale's words and digits ("১৮ এবং ২৪"). */
  checkInMonths: string;
  extraSections: ExtraSectionView[];
  generated: { date: DateView; tool: string; version: string };
  /** The generation parameters, ready for a two-column table. */
  parameters: { label: string; value: string }[];
}

export interface DateView {
  /** The date itself, for code that computes with it (plan.ics, the workbook's timeline); never re-parse `iso`. */
  date: CalendarDate;
  iso: string;
  /** Locale-formatted long date ("১ নভেম্বর, ২০২৭"). */
  text: string;
  /** Locale-formatted month and year ("নভেম্বর ২০২৭"). */
  month: string;
}

export interface LevelView {
  code: string;
  title: string;
  years: string;
  salary: string;
  skills: string[];
  isCurrent: boolean;
  isTarget: boolean;
  /** "তুমি এখানে" / "তোমার target" / "" — for tables. */
  marker: string;
}

export interface PlanView {
  /** Stable id for anchors, form fields and calendar UIDs: `month-1-2`. */
  id: string;
  index: number;
  /** "মাস ১-২" / "Month 1-2". */
  label: string;
  /** The months alone, in the locale's digits: "৯-১০". */
  span: string;
  monthFrom: number;
  monthTo: number;
  from: DateView;
  to: DateView;
  /** "নভেম্বর ২০২৭ – ডিসেম্বর ২০২৭". */
  range: string;
  topics: string[];
  tasks: string[];
  deliverable: string | null;
  doneBy: DateView;
  isCapstone: boolean;
}

export interface TrackView {
  id: string;
  name: string;
  summary: string;
  focus: string[];
  capstone: { title: string; description: string } | null;
  isChosen: boolean;
  /** `label`: the difficulty in the locale's words, null for a project without one. */
  projects: { title: string; description: string; difficulty: Difficulty | null; label: string | null }[];
}

export interface MetaView {
  id: string;
  language: string;
  title: string;
  subtitle: string | null;
  phase: string | null;
  chapter: string | null;
  nav: { prev: NavView | null; next: NavView | null };
}

export interface NavView {
  title: string;
  /** The sibling roadmap's id, when the project has it. */
  roadmap: string | null;
  chapter: string | null;
  soon: boolean;
  /** The README's link to the same learner's README of the sibling roadmap, when the project has it (see sibling-links.ts). */
  href: string | null;
}

export interface SectionView {
  kicker: string | null;
  title: string;
  /** "Kicker: title", or the title alone. */
  heading: string;
}

/** A generic section: each block is exactly one of its three kinds, the others null. */
export interface ExtraSectionView {
  id: string;
  heading: string;
  blocks: { paragraph: string | null; bullets: string[] | null; checklist: string[] | null }[];
}

export interface CheckInView {
  months: number;
  /** "১৮ মাস পরে" / "18 months after the start". */
  label: string;
  date: DateView;
}

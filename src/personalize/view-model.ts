import type { CalendarDate } from './calendar.js';
import type { Labels } from '../schema/labels.js';
import type { Locale, Paper } from '../schema/params.js';
import type { Roadmap, Specialization } from '../schema/roadmap.js';

/**
 * Everything templates read, computed once per learner. Templates never compute: every date,
 * number and marker is ready to print. Optional things are `null` (not absent) because
 * Handlebars runs in strict mode, where an absent key is an error.
 */
export interface ViewModel {
  locale: Locale;
  paper: Paper;
  labels: Labels;
  meta: Roadmap['meta'];
  sections: Roadmap['sections'];
  salaryNote: string;
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
  /** The months 9-10 project: the track's capstone, or the general one. */
  capstone: { title: string; description: string };
  specializations: TrackView[];
  portfolio: string[];
  pitfalls: Roadmap['pitfalls'];
  takeaway: { text: string; rule: string };
  checkIns: CheckInView[];
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
  monthFrom: number;
  monthTo: number;
  from: DateView;
  to: DateView;
  /** "নভেম্বর ২০২৭ – ডিসেম্বর ২০২৭". */
  range: string;
  topics: string[];
  tasks: string[];
  deliverable: string;
  doneBy: DateView;
  isCapstone: boolean;
}

export interface TrackView extends Omit<Specialization, 'projects'> {
  isChosen: boolean;
  projects: { level: 'beginner' | 'intermediate' | 'advanced'; label: string; title: string; description: string }[];
}

export interface CheckInView {
  months: number;
  /** "১৮ মাস পরে" / "18 months after the start". */
  label: string;
  date: DateView;
}

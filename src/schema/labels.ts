import { z } from 'zod';
import { Text } from './text.js';

/**
 * UI labels per locale (labels/<locale>.yaml): every key, and the placeholders its text may use.
 * This table is the typed contract between templates, code and label files (TypeDoc's typed i18n
 * keys are the model): a missing or misspelt key, or a `{placeholder}` the key does not take, is
 * a located validation error, and `formatLabel` only compiles with exactly the key's values.
 * Nothing here is a fact of one roadmap: numbers, currencies and months come from the data.
 */
export const LABEL_PLACEHOLDERS = {
  roadmapFor: [], contents: [], defaultLearner: [], generalPath: [],
  level: [], role: [], experience: [], salary: ['currency', 'period'], perYear: [], perMonth: [], skills: [], yearsSuffix: [],
  youAreHere: [], yourTarget: [], topLevel: [], targetSkills: [],
  personalPlan: ['months'], month: [], dates: [], topics: [], tasks: [], deliverable: [], doneBy: [],
  monthlyTasks: [], timeline: [], capstone: [], yourCapstone: ['months'],
  yourTrack: [], allTracks: [], focus: [], projects: [], beginner: [], intermediate: [], advanced: [],
  portfolioChecklist: [], selfCheck: [], checkIns: [], checkInAt: [], monthsAfterStart: [],
  parameters: [], name: [], start: [], track: [], currentLevel: [], locale: [], paper: [], generatedOn: [], generatedBy: [],
  notes: [], review: [], wentWell: [], blockedBy: [], nextSteps: [],
  howToUse: [], howToUseText: [], howToUseCheckIns: ['months'], pageOf: ['n', 'total'], doneOn: [],
  chapter: ['chapter'], fullStop: [],
  nearestPlan: ['level', 'plan'],
} as const satisfies Record<string, readonly string[]>;

export type LabelKey = keyof typeof LABEL_PLACEHOLDERS;
export const LabelKeys = Object.keys(LABEL_PLACEHOLDERS) as LabelKey[]; // Object.keys loses the literal keys
export type Labels = Record<LabelKey, string>;

/** The values `formatLabel` needs for `key`: one per placeholder, none for a plain label. */
export type LabelValues<K extends LabelKey> = Record<(typeof LABEL_PLACEHOLDERS)[K][number], string>;

const PLACEHOLDER = /\{([A-Za-z]\w*)\}/g;

/** The placeholders a label's text uses, in order. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

/** Fills a label's placeholders; every one the key declares is given (the type checks it). */
export function formatLabel<K extends LabelKey>(labels: Labels, key: K, values: LabelValues<K>): string {
  const given: Record<string, string> = values;
  return labels[key].replace(PLACEHOLDER, (m, name: string) => given[name] ?? m);
}

/** One label's text: non-empty, and using only the placeholders its key takes. */
function labelText(key: LabelKey) {
  const allowed: readonly string[] = LABEL_PLACEHOLDERS[key];
  return Text.superRefine((text, ctx) => {
    for (const name of placeholdersOf(text)) {
      if (!allowed.includes(name)) {
        ctx.addIssue({
          code: 'custom',
          message: `{${name}} is not a placeholder of ${key}: ${allowed.length ? `it takes ${allowed.map((p) => `{${p}}`).join(', ')}` : 'it takes none'}`,
        });
      }
    }
  });
}

const shape = Object.fromEntries(LabelKeys.map((k) => [k, labelText(k)])) as Record<LabelKey, ReturnType<typeof labelText>>; // one schema per key of the table

/** A complete label file: what roadmap-press ships for each of its locales. */
export const LabelsSchema = z.strictObject(shape).extend({ $schema: z.string().optional() });

/**
 * A project's label file: any subset of the keys, each falling back to the shipped label of the
 * same locale (or, for a locale roadmap-press does not ship, the roadmap's language).
 */
export const PartialLabelsSchema = LabelsSchema.partial();

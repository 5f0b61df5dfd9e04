import { z } from 'zod';
import { Text } from './text.js';

/**
 * UI labels per locale (labels/<locale>.yaml). The key list is the typed contract between
 * templates and label files: a missing or misspelt key is a validation error, not a blank.
 */
export const LabelKeys = [
  'roadmapFor', 'contents', 'defaultLearner', 'generalPath',
  'level', 'role', 'experience', 'salary', 'skills', 'yearsSuffix',
  'youAreHere', 'yourTarget', 'topLevel', 'targetSkills',
  'personalPlan', 'month', 'dates', 'topics', 'tasks', 'deliverable', 'doneBy',
  'monthlyTasks', 'timeline', 'capstone', 'yourCapstone',
  'yourTrack', 'allTracks', 'focus', 'projects', 'beginner', 'intermediate', 'advanced',
  'portfolioChecklist', 'selfCheck', 'checkIns', 'checkInAt', 'monthsAfterStart',
  'parameters', 'name', 'start', 'track', 'currentLevel', 'locale', 'paper', 'generatedOn', 'generatedBy',
  'notes', 'review', 'wentWell', 'blockedBy', 'nextSteps',
  'howToUse', 'howToUseText', 'pageOf', 'doneOn',
] as const;
export type LabelKey = (typeof LabelKeys)[number];

export const LabelsSchema = z.strictObject(
  Object.fromEntries(LabelKeys.map((k) => [k, Text])) as Record<LabelKey, typeof Text>,
).extend({ $schema: z.string().optional() });
export type Labels = Record<LabelKey, string>;

import { paramError } from '../errors.js';
import type { Labels } from '../schema/labels.js';
import type { Params } from '../schema/params.js';
import type { Level, Roadmap, Specialization } from '../schema/roadmap.js';
import { addDays, addMonths, checkPlanFits, firstOfNextMonth, parseStartDate, toIso, type CalendarDate } from './calendar.js';
import { formatDate, formatInteger, formatMonthRange, formatMonthYear, localizeDigits } from './locale-format.js';
import { learnerSlug } from './slug.js';
import { unknownIdMessage } from './suggest.js';
import { matchChoice } from '../schema/choices.js';
import type { DateView, LevelView, PlanView, TrackView, ViewModel } from './view-model.js';

export interface PersonalizeInput {
  roadmap: Roadmap;
  labels: Labels;
  params: Params;
  /** "Now": from SOURCE_DATE_EPOCH or the clock, decided at the edge. */
  now: Date;
  version: string;
}

export function personalize({ roadmap, labels, params, now, version }: PersonalizeInput): ViewModel {
  const { locale } = params;
  const start: CalendarDate = params.start === undefined ? firstOfNextMonth(now) : parseStartDate(params.start);
  const reach = { planMonths: Math.max(...roadmap.plan.entries.map((e) => e.months.to)), checkInMonths: roadmap.takeaway.growth.checkInMonths };
  checkPlanFits(start, reach, params.start ?? toIso(start), params.start !== undefined);
  const dateView = (d: CalendarDate): DateView => ({ date: d, iso: toIso(d), text: formatDate(d, locale), month: formatMonthYear(d, locale) });

  const chosen = resolveTrack(roadmap.specializations, params.track);
  const current = resolveLevel(roadmap.levels, params.level);
  const targetIndex = Math.min(current + 1, roadmap.levels.length - 1);
  const hasTarget = targetIndex !== current;

  const levels: LevelView[] = roadmap.levels.map((level, i) => ({
    code: level.code,
    title: level.title,
    years: formatYears(level, labels),
    salary: formatSalary(level),
    skills: level.skills,
    isCurrent: i === current,
    isTarget: hasTarget && i === targetIndex,
    marker: i === current ? labels.youAreHere : hasTarget && i === targetIndex ? labels.yourTarget : '',
  }));

  const capstone = chosen ? chosen.capstone : roadmap.plan.generalCapstone;
  const plan: PlanView[] = roadmap.plan.entries.map((entry, index) => {
    const from = addMonths(start, entry.months.from - 1);
    const to = addDays(addMonths(start, entry.months.to), -1);
    const span = entry.months.from === entry.months.to ? `${entry.months.from}` : `${entry.months.from}-${entry.months.to}`;
    return {
      id: `month-${span}`,
      index,
      label: localizeDigits(`${labels.month} ${span}`, locale),
      monthFrom: entry.months.from,
      monthTo: entry.months.to,
      from: dateView(from),
      to: dateView(to),
      range: formatMonthRange(from, to, locale),
      // The general path keeps the seed's own line; a track names its capstone instead.
      topics: entry.capstone && chosen ? [capstone.title] : entry.topics,
      tasks: entry.tasks,
      deliverable: entry.deliverable,
      doneBy: dateView(to),
      isCapstone: entry.capstone,
    };
  });

  const specializations = roadmap.specializations.map((s) => trackView(s, s.id === chosen?.id, labels));
  const track = specializations.find((s) => s.isChosen) ?? null;
  const trackName = track ? track.name : labels.generalPath;
  // A name is one line of text wherever it is printed: controls and newlines become spaces.
  const givenName = params.name?.replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ').trim() ?? '';
  const name = givenName || labels.defaultLearner;

  const checkIns = roadmap.takeaway.growth.checkInMonths.map((months) => ({
    months,
    label: `${formatInteger(months, locale)} ${labels.monthsAfterStart}`,
    date: dateView(addMonths(start, months)),
  }));
  const generatedDate = dateView({ year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() });
  const currentLevel = levels[current];
  // resolveLevel returned an index into the same list, so this only fires on a bug.
  if (!currentLevel) throw new Error(`level ${current} is not one of the roadmap's ${levels.length} levels`);

  return {
    locale,
    paper: params.paper,
    labels,
    meta: roadmap.meta,
    sections: roadmap.sections,
    salaryNote: roadmap.salaryNote,
    learner: { name, slug: learnerSlug(givenName || 'learner', chosen?.id ?? 'general') },
    start: dateView(start),
    track,
    trackName,
    levels,
    currentLevel,
    targetLevel: hasTarget ? (levels[targetIndex] ?? null) : null,
    plan,
    capstone,
    specializations,
    portfolio: roadmap.portfolio,
    pitfalls: roadmap.pitfalls,
    takeaway: { text: roadmap.takeaway.text, rule: roadmap.takeaway.growth.rule },
    checkIns,
    generated: { date: generatedDate, tool: 'roadmap-press', version },
    parameters: [
      { label: labels.name, value: name },
      { label: labels.start, value: dateView(start).month },
      { label: labels.track, value: chosen ? `${chosen.name} (${chosen.id})` : labels.generalPath },
      { label: labels.currentLevel, value: `${currentLevel.code} — ${currentLevel.title}` },
      { label: labels.locale, value: locale },
      { label: labels.paper, value: params.paper },
      { label: labels.generatedOn, value: generatedDate.text },
      { label: labels.generatedBy, value: `roadmap-press ${version}` },
    ],
  };
}

function resolveTrack(specs: Specialization[], id: string | undefined): Specialization | null {
  if (id === undefined) return null;
  const matched = matchChoice(id, ['general', ...specs.map((s) => s.id)]);
  if (matched === 'general') return null;
  const found = specs.find((s) => s.id === matched);
  if (!found) {
    throw paramError('track', unknownIdMessage('track', id, ['general', ...specs.map((s) => s.id)]));
  }
  return found;
}

function resolveLevel(levels: Level[], code: string): number {
  const matched = matchChoice(code, levels.map((l) => l.code));
  const i = levels.findIndex((l) => l.code === matched);
  if (i < 0) throw paramError('level', unknownIdMessage('level', code, levels.map((l) => l.code)));
  return i;
}

function formatYears(level: Level, labels: Labels): string {
  const { from, to } = level.years;
  return to === null ? `${from}+ ${labels.yearsSuffix}` : `${from}-${to} ${labels.yearsSuffix}`;
}

/** "$60k-$100k", "$350k-$600k+": the seed's own notation, in every locale. */
function formatSalary(level: Level): string {
  const k = (n: number) => (n % 1000 === 0 ? `$${n / 1000}k` : `$${n}`);
  return `${k(level.salary.min)}-${k(level.salary.max)}${level.salary.openEnded ? '+' : ''}`;
}

function trackView(s: Specialization, isChosen: boolean, labels: Labels): TrackView {
  const { projects, ...rest } = s;
  return {
    ...rest,
    isChosen,
    projects: (['beginner', 'intermediate', 'advanced'] as const).map((level) => ({ level, label: labels[level], ...projects[level] })),
  };
}

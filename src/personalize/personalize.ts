import { paramError } from '../errors.js';
import { formatLabel, type Labels } from '../schema/labels.js';
import type { Locale, Params } from '../schema/params.js';
import type { ExtraSection, Level, Roadmap, Specialization } from '../schema/roadmap.js';
import { addDays, addMonths, checkPlanFits, firstOfNextMonth, parseStartDate, toIso, type CalendarDate } from './calendar.js';
import { formatDate, formatInteger, formatMonthRange, formatMonthYear, localizeDigits, currencySymbol, formatList } from './locale-format.js';
import { planForLevel } from './plan-for-level.js';
import { learnerSlug } from './slug.js';
import { unknownIdMessage } from './suggest.js';
import { matchChoice } from '../schema/choices.js';
import type { DateView, ExtraSectionView, LevelView, PlanView, SectionView, TrackView, ViewModel } from './view-model.js';

export interface PersonalizeInput {
  roadmap: Roadmap;
  labels: Labels;
  params: Params;
  /** The locale to write in: `params.locale`, or the roadmap's language, checked to have labels. */
  locale: Locale;
  /** "Now": from SOURCE_DATE_EPOCH or the clock, decided at the edge. */
  now: Date;
  version: string;
}

export function personalize({ roadmap, labels, params, locale, now, version }: PersonalizeInput): ViewModel {
  const start: CalendarDate = params.start === undefined ? firstOfNextMonth(now) : parseStartDate(params.start);
  const chosen = resolveTrack(roadmap.specializations, params.track);
  const current = resolveLevel(roadmap.levels, params.level);
  const levelPlan = planForLevel(roadmap.plan.entries, roadmap.levels.map((l) => l.code), current);
  const reach = { planMonths: Math.max(...levelPlan.entries.map((e) => e.months.to)), checkInMonths: roadmap.checkIns?.months ?? [] };
  checkPlanFits(start, reach, params.start ?? toIso(start), params.start !== undefined);
  const dateView = (d: CalendarDate): DateView => ({ date: d, iso: toIso(d), text: formatDate(d, locale), month: formatMonthYear(d, locale) });

  const targetIndex = Math.min(current + 1, roadmap.levels.length - 1);
  const hasTarget = targetIndex !== current;

  const levels: LevelView[] = roadmap.levels.map((level, i) => ({
    code: level.code,
    title: level.title,
    years: level.years ? formatYears(level.years, labels) : '',
    salary: level.salary && roadmap.salary ? formatSalary(level.salary, roadmap.salary.currency) : '',
    skills: level.skills,
    isCurrent: i === current,
    isTarget: hasTarget && i === targetIndex,
    marker: i === current ? labels.youAreHere : hasTarget && i === targetIndex ? labels.yourTarget : '',
  }));

  const capstone = (chosen ? chosen.capstone : roadmap.plan.capstone) ?? null;
  const plan: PlanView[] = levelPlan.entries.map((entry, index) => {
    const from = addMonths(start, entry.months.from - 1);
    const to = addDays(addMonths(start, entry.months.to), -1);
    const span = entry.months.from === entry.months.to ? `${entry.months.from}` : `${entry.months.from}-${entry.months.to}`;
    return {
      id: `month-${span}`,
      index,
      label: localizeDigits(`${labels.month} ${span}`, locale),
      span: localizeDigits(span, locale),
      monthFrom: entry.months.from,
      monthTo: entry.months.to,
      from: dateView(from),
      to: dateView(to),
      range: formatMonthRange(from, to, locale),
      // The general path keeps the seed's own line; a track names its capstone instead.
      topics: entry.capstone && chosen && capstone ? [capstone.title] : entry.topics,
      tasks: entry.tasks,
      deliverable: entry.deliverable ?? null,
      doneBy: dateView(to),
      isCapstone: entry.capstone && capstone !== null,
    };
  });

  const specializations = roadmap.specializations.map((s) => trackView(s, s.id === chosen?.id, labels));
  const track = specializations.find((s) => s.isChosen) ?? null;
  const trackName = track ? track.name : labels.generalPath;
  // A name is one line of text wherever it is printed: controls and newlines become spaces.
  const givenName = params.name?.replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ').trim() ?? '';
  const name = givenName || labels.defaultLearner;

  const checkIns = (roadmap.checkIns?.months ?? []).map((months) => ({
    months,
    label: `${formatInteger(months, locale)} ${labels.monthsAfterStart}`,
    date: dateView(addMonths(start, months)),
  }));
  const generatedDate = dateView({ year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() });
  const currentLevel = levels[current];
  // resolveLevel returned an index into the same list, so this only fires on a bug.
  if (!currentLevel) throw new Error(`level ${current} is not one of the roadmap's ${levels.length} levels`);
  const nearestPlan = levelPlan.isNearest && levelPlan.planLevel !== null ? { level: currentLevel.code, plan: levelPlan.planLevel } : null;

  return {
    locale,
    paper: params.paper,
    labels,
    meta: metaView(roadmap.meta),
    sections: sectionsView(roadmap.sections),
    ladder: { years: roadmap.levels.some((l) => l.years), salary: roadmap.levels.some((l) => l.salary) },
    salaryUnit: roadmap.salary ? { currency: roadmap.salary.currency, period: roadmap.salary.period === 'year' ? labels.perYear : labels.perMonth } : null,
    planMonths: String(reach.planMonths),
    salaryNote: roadmap.salary?.note ?? null,
    learner: { name, slug: learnerSlug(givenName || 'learner', chosen?.id ?? 'general') },
    start: dateView(start),
    track,
    trackName,
    levels,
    currentLevel,
    targetLevel: hasTarget ? (levels[targetIndex] ?? null) : null,
    plan,
    nearestPlan,
    planNotice: nearestPlan ? formatLabel(labels, 'nearestPlan', nearestPlan) : null,
    capstone,
    specializations,
    portfolio: roadmap.portfolio ?? [],
    pitfalls: (roadmap.pitfalls ?? []).map((p) => ({ text: p.text, selfCheck: p.selfCheck ?? null })),
    takeaway: roadmap.takeaway?.text ?? null,
    checkInRule: roadmap.checkIns?.rule ?? null,
    checkIns,
    checkInMonths: formatList(checkIns.map((c) => formatInteger(c.months, locale)), locale),
    extraSections: roadmap.extraSections.map(extraSectionView),
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

function resolveLevel(levels: Level[], code: string | undefined): number {
  if (code === undefined) return 0;
  const matched = matchChoice(code, levels.map((l) => l.code));
  const i = levels.findIndex((l) => l.code === matched);
  if (i < 0) throw paramError('level', unknownIdMessage('level', code, levels.map((l) => l.code)));
  return i;
}

function formatYears({ from, to }: NonNullable<Level['years']>, labels: Labels): string {
  return to === null ? `${from}+ ${labels.yearsSuffix}` : `${from}-${to} ${labels.yearsSuffix}`;
}

/**
 * "$60k-$100k", "€350k-€600k+": the seed's own notation in every locale, with the currency's
 * narrow symbol (CLDR's, the same in every locale for the common currencies).
 */
function formatSalary(salary: NonNullable<Level['salary']>, currency: string): string {
  const symbol = currencySymbol(currency);
  const k = (n: number) => (n % 1000 === 0 ? `${symbol}${n / 1000}k` : `${symbol}${n}`);
  return `${k(salary.min)}-${k(salary.max)}${salary.openEnded ? '+' : ''}`;
}

/** "Kicker: title", or the title alone. */
function headingOf(h: { kicker?: string | undefined; title: string }): string {
  return h.kicker ? `${h.kicker}: ${h.title}` : h.title;
}

function trackView(s: Specialization, isChosen: boolean, labels: Labels): TrackView {
  return {
    id: s.id,
    name: s.name,
    summary: s.summary,
    focus: s.focus,
    capstone: s.capstone ?? null,
    isChosen,
    projects: s.projects.map((p) => ({ title: p.title, description: p.description, difficulty: p.difficulty ?? null, label: p.difficulty ? labels[p.difficulty] : null })),
  };
}

function metaView(meta: Roadmap['meta']): ViewModel['meta'] {
  const nav = (link: NonNullable<NonNullable<Roadmap['meta']['nav']>['prev']> | undefined) =>
    link ? { title: link.title, roadmap: link.roadmap ?? null, chapter: link.chapter ?? null, soon: link.status === 'soon', href: null } : null;
  return {
    id: meta.id,
    language: meta.language,
    title: meta.title,
    subtitle: meta.subtitle ?? null,
    phase: meta.series?.phase ?? null,
    chapter: meta.series?.chapter ?? null,
    nav: { prev: nav(meta.nav?.prev), next: nav(meta.nav?.next) },
  };
}

function sectionsView(sections: Roadmap['sections']): ViewModel['sections'] {
  const head = (h: { kicker?: string | undefined; title: string }): SectionView => ({
    kicker: h.kicker ?? null,
    title: h.title,
    heading: headingOf(h),
  });
  const optional = (h: { kicker?: string | undefined; title: string } | undefined): SectionView | null => (h ? head(h) : null);
  return {
    levels: head(sections.levels),
    skills: head(sections.skills),
    plan: head(sections.plan),
    specializations: optional(sections.specializations),
    portfolio: optional(sections.portfolio),
    pitfalls: optional(sections.pitfalls),
    takeaway: optional(sections.takeaway),
  };
}

function extraSectionView(s: ExtraSection): ExtraSectionView {
  return {
    id: s.id,
    heading: headingOf(s),
    blocks: s.blocks.map((b) =>
      'paragraph' in b ? { paragraph: b.paragraph, bullets: null, checklist: null } : 'bullets' in b ? { paragraph: null, bullets: b.bullets, checklist: null } : { paragraph: null, bullets: null, checklist: b.checklist },
    ),
  };
}

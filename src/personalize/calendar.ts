import { paramError, RoadmapError } from '../errors.js';

/** A calendar date without time or zone: plan dates are whole days wherever the learner is. */
export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

/**
 * The dates a plan may use: the Gregorian calendar from its first whole year (Intl formats
 * earlier dates in the Julian calendar, so month names and ICS dates would disagree) to the
 * last date with a four-digit year, which is all ISO 8601 and iCalendar's DATE can write.
 */
export const FIRST_DATE: CalendarDate = { year: 1583, month: 1, day: 1 };
export const LAST_DATE: CalendarDate = { year: 9999, month: 12, day: 31 };

// Pure arithmetic rather than Date.UTC, which reads years 0-99 as 1900-1999.
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const monthNamesEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Parses `YYYY-MM` (day 1) or `YYYY-MM-DD`; an impossible date is an error naming the value. */
export function parseStartDate(value: string): CalendarDate {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value.trim());
  if (!m) {
    throw paramError('start', `"${value}" is not a date; use YYYY-MM or YYYY-MM-DD, e.g. 2027-01`);
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12) {
    throw paramError('start', `"${value}" is not a real date: month ${month} does not exist (01-12)`);
  }
  if (year < FIRST_DATE.year) {
    throw paramError('start', `"${value}" is out of range: dates run from ${toIso(FIRST_DATE)} to ${toIso(LAST_DATE)} (the Gregorian calendar with four-digit years)`);
  }
  const dim = daysInMonth(year, month);
  if (day < 1 || day > dim) {
    throw paramError('start', `"${value}" is not a real date: ${monthNamesEn[month - 1]} ${year} has ${dim} days`);
  }
  return { year, month, day };
}

/** `date` plus n months, the day clamped to the target month (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: CalendarDate, n: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export function addDays(date: CalendarDate, n: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + n);
}

/** How far past its start a plan reaches: its entries' last month and its check-ins. */
export interface PlanReach {
  planMonths: number;
  checkInMonths: readonly number[];
}

/**
 * Whether every date plan.ics writes for a plan from `start` has a four-digit year: the last
 * entry's end date (an event ends the day after its last day) and each check-in's next day.
 */
function planFits(start: CalendarDate, reach: PlanReach): boolean {
  const last = dayNumber(LAST_DATE);
  if (dayNumber(addMonths(start, reach.planMonths)) > last) return false;
  return reach.checkInMonths.every((m) => dayNumber(addMonths(start, m)) + 1 <= last);
}

/** The latest start date whose plan fits, or null when none from FIRST_DATE does. */
function latestStart(reach: PlanReach): CalendarDate | null {
  const months = Math.max(reach.planMonths, ...reach.checkInMonths);
  const index = LAST_DATE.year * 12 + (LAST_DATE.month - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  if (year < FIRST_DATE.year) return null;
  // Day 1 of that month always fits (its furthest date lands on LAST_DATE's month's first day).
  for (let day = daysInMonth(year, month); day > 1; day--) {
    if (planFits({ year, month, day }, reach)) return { year, month, day };
  }
  return { year, month, day: 1 };
}

/**
 * Throws unless every date a plan from `start` uses stays within LAST_DATE. The message
 * names the start as the user gave it, never a computed date they did not type.
 */
export function checkPlanFits(start: CalendarDate, reach: PlanReach, value: string, given: boolean): void {
  if (planFits(start, reach)) return;
  const months = Math.max(reach.planMonths, ...reach.checkInMonths);
  const latest = latestStart(reach);
  const detail = `"${value}" is too late: the plan and its check-ins reach ${months} months past the start, so they would run past ${toIso(LAST_DATE)}, the last date a plan can use; ${latest ? `start on ${toIso(latest)} or earlier` : 'no start date fits'}`;
  // A start the user did not give is named as what it is, not as a parameter they set.
  if (given) throw paramError('start', detail);
  throw new RoadmapError('params', `the default start (next month): ${detail}`, [], { param: 'start' });
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
function dayNumber({ year, month, day }: CalendarDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(n: number): CalendarDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function toIso(date: CalendarDate): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(date.year, 4)}-${p(date.month)}-${p(date.day)}`;
}

export function toUtcDate(date: CalendarDate): Date {
  // setUTCFullYear takes the year as given; Date.UTC would turn 0-99 into 1900-1999.
  const d = new Date(0);
  d.setUTCFullYear(date.year, date.month - 1, date.day);
  return d;
}

/**
 * 9899-12-31T23:59:59Z: dates print with four-digit years (PDF, plan.ics), and a plan from
 * then, with whatever a start offset adds, still ends well before the year 10000.
 */
const MAX_SOURCE_DATE_EPOCH = 250246627199;

/**
 * "Now" for defaults and generation stamps: `SOURCE_DATE_EPOCH` (seconds) when given, so CI
 * output is reproducible. Taken as a parameter to keep the core free of `process`.
 */
export function resolveNow(sourceDateEpoch: string | undefined, fallback: () => Date): Date {
  if (sourceDateEpoch !== undefined && sourceDateEpoch.trim() !== '') {
    const secs = Number(sourceDateEpoch);
    if (!Number.isInteger(secs) || secs < 0) {
      throw new RoadmapError('params', `SOURCE_DATE_EPOCH: "${sourceDateEpoch}" is not a whole number of seconds`);
    }
    if (secs > MAX_SOURCE_DATE_EPOCH) {
      throw new RoadmapError('params', `SOURCE_DATE_EPOCH: "${sourceDateEpoch}" is too far ahead: a plan from then would run past the year 9999 (at most ${MAX_SOURCE_DATE_EPOCH}, the end of 9899)`);
    }
    return new Date(secs * 1000);
  }
  return fallback();
}

/** Midnight (UTC) of `d`'s day: a stamp that stays the same for every run on one day. */
export function startOfUtcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/**
 * The build time stamped into every file of a build (the PDF's creation date, plan.ics's
 * DTSTAMP, the generation date): `SOURCE_DATE_EPOCH` exactly when given, otherwise the start
 * of the clock's UTC day, so two builds on one day are byte-identical. The caller passes the
 * environment, which keeps the core free of `process`.
 */
export function buildTime(sourceDateEpoch?: string, clock: () => Date = () => new Date()): Date {
  return resolveNow(sourceDateEpoch, () => startOfUtcDay(clock()));
}

/** The first day of the month after `now` (UTC): the default start. */
export function firstOfNextMonth(now: Date): CalendarDate {
  return addMonths({ year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: 1 }, 1);
}

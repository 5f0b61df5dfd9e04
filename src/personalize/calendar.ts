import { RoadmapError } from '../errors.js';

/** A calendar date without time or zone: plan dates are whole days wherever the learner is. */
export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const monthNamesEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Parses `YYYY-MM` (day 1) or `YYYY-MM-DD`; an impossible date is an error naming the value. */
export function parseStartDate(value: string, source = '--start'): CalendarDate {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value.trim());
  if (!m) {
    throw new RoadmapError('params', `${source}: "${value}" is not a date; use YYYY-MM or YYYY-MM-DD, e.g. 2027-01`, [], { param: 'start' });
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12) {
    throw new RoadmapError('params', `${source}: "${value}" is not a real date: month ${month} does not exist (01-12)`, [], { param: 'start' });
  }
  const dim = daysInMonth(year, month);
  if (day < 1 || day > dim) {
    throw new RoadmapError('params', `${source}: "${value}" is not a real date: ${monthNamesEn[month - 1]} ${year} has ${dim} days`, [], { param: 'start' });
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
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + n));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function toIso(date: CalendarDate): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(date.year, 4)}-${p(date.month)}-${p(date.day)}`;
}

export function toUtcDate(date: CalendarDate): Date {
  return new Date(Date.UTC(date.year, date.month - 1, date.day));
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

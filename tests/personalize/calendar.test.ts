import { describe, expect, it } from 'vitest';
import { addDays, addMonths, firstOfNextMonth, parseStartDate, resolveNow, toIso } from '../../src/personalize/calendar.js';
import { formatMonthRange, formatMonthYear, localizeDigits } from '../../src/personalize/locale-format.js';
import { RoadmapError } from '../../src/errors.js';

describe('parseStartDate', () => {
  it('reads YYYY-MM as the first day of that month', () => {
    expect(parseStartDate('2027-11')).toEqual({ year: 2027, month: 11, day: 1 });
  });

  it('accepts 29 February in a leap year only', () => {
    expect(parseStartDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(() => parseStartDate('2027-02-29')).toThrow(/"2027-02-29" is not a real date: February 2027 has 28 days/);
  });

  it.each([
    ['2027-13', /month 13 does not exist/],
    ['2027-00', /month 0 does not exist/],
    ['2027-02-30', /February 2027 has 28 days/],
    ['2027-04-31', /April 2027 has 30 days/],
    ['27-01', /not a date; use YYYY-MM or YYYY-MM-DD/],
    ['next month', /not a date/],
  ])('rejects %s naming the value', (value, message) => {
    const error = (() => {
      try {
        parseStartDate(value);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(RoadmapError);
    expect((error as RoadmapError).message).toContain(`"${value}"`);
    expect((error as RoadmapError).message).toMatch(message);
    expect((error as RoadmapError).exitCode).toBe(1);
  });
});

describe('month arithmetic', () => {
  it('crosses the year from a November start', () => {
    const start = parseStartDate('2027-11');
    expect(toIso(addMonths(start, 2))).toBe('2028-01-01');
    expect(toIso(addDays(addMonths(start, 2), -1))).toBe('2027-12-31');
  });

  it('clamps the day to the target month, leap years included', () => {
    expect(toIso(addMonths(parseStartDate('2027-01-31'), 1))).toBe('2027-02-28');
    expect(toIso(addMonths(parseStartDate('2028-01-31'), 1))).toBe('2028-02-29');
    expect(toIso(addMonths(parseStartDate('2028-02-29'), 12))).toBe('2029-02-28');
  });

  it('defaults to the first of next month, from SOURCE_DATE_EPOCH when set', () => {
    const now = resolveNow('1796083200', () => new Date(0)); // 2026-12-01T00:00:00Z
    expect(toIso(firstOfNextMonth(now))).toBe('2027-01-01');
    expect(toIso(firstOfNextMonth(new Date(Date.UTC(2026, 11, 31, 23, 59))))).toBe('2027-01-01');
    expect(() => resolveNow('yesterday', () => new Date())).toThrow(/SOURCE_DATE_EPOCH/);
  });
});

describe('locale formatting', () => {
  it('uses Bengali month names and digits for bn', () => {
    expect(formatMonthYear({ year: 2027, month: 11, day: 1 }, 'bn')).toBe('নভেম্বর ২০২৭');
    expect(formatMonthRange({ year: 2027, month: 11, day: 1 }, { year: 2027, month: 12, day: 31 }, 'bn')).toBe('নভেম্বর ২০২৭ – ডিসেম্বর ২০২৭');
    expect(localizeDigits('মাস 9-10', 'bn')).toBe('মাস ৯-১০');
  });

  it('uses English names and ASCII digits for en', () => {
    expect(formatMonthRange({ year: 2027, month: 11, day: 1 }, { year: 2028, month: 1, day: 31 }, 'en')).toBe('November 2027 – January 2028');
    expect(localizeDigits('Month 9-10', 'en')).toBe('Month 9-10');
  });
});

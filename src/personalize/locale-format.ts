import type { Locale } from '../schema/params.js';
import { toUtcDate, type CalendarDate } from './calendar.js';

/**
 * Locale-aware formatting from Intl's CLDR data: Bengali month names and Bengali digits for
 * `bn`. Formatters are cached because Intl constructors are slow relative to formatting.
 */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d:${locale}:${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    cache.set(key, f);
  }
  return f;
}

function numberFormat(locale: Locale): Intl.NumberFormat {
  const key = `n:${locale}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(locale, { useGrouping: false });
    cache.set(key, f);
  }
  return f;
}

/** "নভেম্বর ২০২৭" / "November 2027". */
export function formatMonthYear(date: CalendarDate, locale: Locale): string {
  return dateFormat(locale, { month: 'long', year: 'numeric' }).format(toUtcDate(date));
}

/** "নভে ২০২৭" / "Nov 2027", for tight table cells and chart labels. */
export function formatMonthYearShort(date: CalendarDate, locale: Locale): string {
  return dateFormat(locale, { month: 'short', year: 'numeric' }).format(toUtcDate(date));
}

/** "নভে" / "Nov". */
export function formatMonthShort(date: CalendarDate, locale: Locale): string {
  return dateFormat(locale, { month: 'short' }).format(toUtcDate(date));
}

/** "১ নভেম্বর, ২০২৭" / "November 1, 2027". */
export function formatDate(date: CalendarDate, locale: Locale): string {
  return dateFormat(locale, { dateStyle: 'long' }).format(toUtcDate(date));
}

/** Digits in the locale's script, without grouping ("২০২৭"). */
export function formatInteger(n: number, locale: Locale): string {
  return numberFormat(locale).format(n);
}

/** Replaces ASCII digits in a string with the locale's digits ("মাস 1-2" → "মাস ১-২"). */
export function localizeDigits(text: string, locale: Locale): string {
  if (locale === 'en') return text;
  return text.replace(/[0-9]/g, (d) => formatInteger(Number(d), locale));
}

/** "নভেম্বর ২০২৭ – ডিসেম্বর ২০২৭"; one month when both ends fall in the same month. */
export function formatMonthRange(from: CalendarDate, to: CalendarDate, locale: Locale): string {
  if (from.year === to.year && from.month === to.month) return formatMonthYear(from, locale);
  return `${formatMonthYear(from, locale)} – ${formatMonthYear(to, locale)}`;
}

const symbols = new Map<string, string>();

/** A currency's narrow symbol ("$", "€"; the code where CLDR has none), made once per currency. */
export function currencySymbol(currency: string): string {
  let symbol = symbols.get(currency);
  if (symbol === undefined) {
    const parts = new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0);
    symbol = parts.find((p) => p.type === 'currency')?.value ?? currency;
    symbols.set(currency, symbol);
  }
  return symbol;
}

const listFormats = new Map<string, Intl.ListFormat>();

/** "১৮ ও ২৪", "18 and 24": the locale's conjunction list, its formatter made once per locale. */
export function formatList(items: readonly string[], locale: Locale): string {
  let format = listFormats.get(locale);
  if (format === undefined) {
    format = new Intl.ListFormat(locale, { type: 'conjunction' });
    listFormats.set(locale, format);
  }
  return format.format(items);
}

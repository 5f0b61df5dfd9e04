import { z } from 'zod';

/**
 * A language tag as the data and label files name locales: a BCP 47 language with an optional
 * script and region (`bn`, `en`, `hi`, `pt-BR`, `zh-Hant`). Intl takes it for digits, month
 * names and lists; labels/<tag>.yaml holds its words.
 */
export const LOCALE_TAG = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/;

/** A locale: a language tag (see LOCALE_TAG); the set a project offers is its label files'. */
export type Locale = string;

export const LocaleTag = z.string().regex(LOCALE_TAG, { message: 'expected a language tag such as "bn", "en" or "pt-BR"' });

/** The fixed choices of parameters, without zod, for the CLI's option definitions. */
export const Locales = ['bn', 'en'] as const;
export const Papers = ['A4', 'Letter'] as const;
export type Locale = (typeof Locales)[number];
export type Paper = (typeof Papers)[number];

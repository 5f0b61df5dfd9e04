import { z } from 'zod';
import { atMostCodePoints, MAX_TEXT_CODE_POINTS, tooLongMessage } from './limits.js';

/** A non-empty, trimmed line of content. Whitespace-only strings are as empty as "". */
export const Text = z
  .string()
  // First and aborting: an over-long field is reported by its length alone, before any other
  // check scans it.
  .refine((s) => atMostCodePoints(s, MAX_TEXT_CODE_POINTS), { error: (iss) => tooLongMessage(iss.input, MAX_TEXT_CODE_POINTS), abort: true })
  // min(1) puts minLength into the JSON Schema; the refinement catches whitespace-only text.
  .min(1, { abort: true })
  .refine((s) => s.trim().length > 0, { message: 'expected non-empty text', abort: true })
  // Text ends up in Markdown, PDF text and calendar files: it must be well-formed Unicode
  // without control characters (a lone surrogate or a NUL has no glyph and no meaning).
  .refine((s) => isWellFormed(s), { message: 'expected well-formed Unicode text, found a lone surrogate (broken UTF-16)', abort: true })
  .refine((s) => !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(s), { message: 'expected text without control characters' });

export function isWellFormed(s: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

export const KebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'expected a kebab-case id such as "edge-ml"' });

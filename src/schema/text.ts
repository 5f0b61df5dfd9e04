import { z } from 'zod';

/** A non-empty, trimmed line of content. Whitespace-only strings are as empty as "". */
export const Text = z
  .string()
  // min(1) puts minLength into the JSON Schema; the refinement catches whitespace-only text.
  .min(1, { abort: true })
  .refine((s) => s.trim().length > 0, { message: 'expected non-empty text' });

export const KebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'expected a kebab-case id such as "edge-ml"' });

import { z } from 'zod';
import type { FontStyleName } from './types.js';

/**
 * Font configuration (fonts/stacks.json). Kept as data so a deployment can swap a Bengali font
 * (e.g. Noto Serif Bengali) without touching code. File names are resolved by the loader.
 */
const stack = z.array(z.string().min(1)).min(1);

export const FontConfigSchema = z
  .object({
    stacks: z.object({
      regular: stack,
      bold: stack,
      italic: stack,
      boldItalic: stack,
      mono: stack,
    }),
    /** What to draw for a character no font covers (with --allow-missing-glyphs). */
    replacement: z.object({
      font: z.string().min(1),
      char: z.string().min(1),
    }),
  })
  .strict();

export type FontConfig = z.infer<typeof FontConfigSchema>;

export const STYLE_NAMES: readonly FontStyleName[] = ['regular', 'bold', 'italic', 'boldItalic', 'mono'];

/** Every font file a configuration refers to, each once, in first-use order. */
export function fontFilesOf(config: FontConfig): string[] {
  const files = new Set<string>();
  for (const s of STYLE_NAMES) for (const f of config.stacks[s]) files.add(f);
  files.add(config.replacement.font);
  return [...files];
}

export function parseFontConfig(json: unknown): FontConfig {
  return FontConfigSchema.parse(json);
}

/**
 * Folder names for learners. A slug only ever holds letters, marks, digits and single hyphens,
 * so `../../x`, `C:\x`, `.hidden` or `con` cannot name anything but a plain folder inside the
 * output directory; names in any script keep their letters (রাহাত stays রাহাত).
 */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_LENGTH = 64;

export function slugify(text: string): string {
  const cleaned = text
    .normalize('NFKD')
    // Latin diacritics go (José → jose); other scripts' marks (Bengali vowel signs) stay.
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const truncated = truncateGraphemes(cleaned, MAX_LENGTH).replace(/-+$/, '');
  // A slug must start with a letter or digit: a leading mark would attach to nothing.
  return truncated.replace(/^\p{M}+/u, '');
}

function truncateGraphemes(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const { segment } of new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(text)) {
    if (out.length + segment.length > max) break;
    out += segment;
  }
  return out;
}

/**
 * A slug made safe as a folder name: a Windows device name (`con`, `lpt1`) gets a `learner-`
 * prefix, as Windows opens the device instead of a folder of that name. Every learner folder
 * goes through here, whether named from the learner or from a batch row's `id`.
 */
export function folderName(slug: string): string {
  return WINDOWS_RESERVED.test(slug) ? `learner-${slug}` : slug;
}

/** `<name>-<track>`, never empty, never a reserved device name. */
export function learnerSlug(name: string, track: string): string {
  const base = slugify(name) || 'learner';
  return folderName(`${base}-${slugify(track) || 'general'}`);
}

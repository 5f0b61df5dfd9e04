/**
 * Script of a code point, as an ISO 15924 tag HarfBuzz accepts, or null for characters that take
 * the script of the text around them (Common and Inherited: spaces, digits, punctuation, marks).
 * JS regexes can test a script but not name it, so we test the scripts a roadmap can plausibly
 * contain and call the rest `Zzzz` (still kept apart from its neighbours).
 */
const SCRIPTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['Latn', /\p{Script=Latin}/u],
  ['Beng', /\p{Script=Bengali}/u],
  ['Deva', /\p{Script=Devanagari}/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Arab', /\p{Script=Arabic}/u],
  ['Hani', /\p{Script=Han}/u],
];
const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}]/u;

// Regex tests per character dominated layout time; scripts never change, so remember them.
const scriptCache = new Map<number, string | null>();

export function scriptOf(cp: number): string | null {
  const hit = scriptCache.get(cp);
  if (hit !== undefined) return hit;
  const ch = String.fromCodePoint(cp);
  let tag: string | null = 'Zzzz';
  if (NEUTRAL.test(ch)) tag = null;
  else for (const [t, re] of SCRIPTS) if (re.test(ch)) {
    tag = t;
    break;
  }
  if (scriptCache.size < 100_000) scriptCache.set(cp, tag);
  return tag;
}

/** Characters HarfBuzz hides or handles itself; a font need not map them. */
export function isDefaultIgnorable(cp: number): boolean {
  return (
    cp === 0x00ad ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff
  );
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export interface Grapheme {
  start: number;
  end: number;
  text: string;
}

// Printable ASCII, where every character is its own grapheme (CR LF aside, excluded here).
const SIMPLE = /^[\x20-\x7e]*$/;

export function graphemes(text: string): Grapheme[] {
  const out: Grapheme[] = [];
  if (SIMPLE.test(text)) {
    // Intl.Segmenter is the slowest step of layout; plain ASCII needs none of it.
    for (let i = 0; i < text.length; i++) out.push({ start: i, end: i + 1, text: text.charAt(i) });
    return out;
  }
  for (const s of segmenter.segment(text)) out.push({ start: s.index, end: s.index + s.segment.length, text: s.segment });
  return out;
}

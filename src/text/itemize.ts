import type { LoadedFont } from './fonts.js';
import { isDefaultIgnorable, scriptOf, type Grapheme } from './script.js';

/** A maximal piece of text with one style, one script and one font. */
export interface FontRun {
  start: number;
  end: number;
  /** Index of the style (span) the run belongs to. */
  styleIndex: number;
  /** ISO 15924 tag, or undefined when the run holds only neutral characters. */
  script: string | undefined;
  font: LoadedFont;
  /** True when no font covers the text: it is drawn with the replacement character. */
  missing: boolean;
}

interface Unit extends Grapheme {
  styleIndex: number;
  script: string | null;
  neutral: boolean;
}

function covers(font: LoadedFont, text: string): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    // Controls (newline, tab) are layout, not glyphs: the line breaker consumes them.
    if (cp >= 0x20 && !isDefaultIgnorable(cp) && !font.has(cp)) return false;
  }
  return true;
}

/**
 * Split a paragraph into runs: first by style and script (neutral graphemes join the run before
 * them, or the one after at the start), then give each run the first font of its stack that has
 * all its letters; graphemes that font lacks fall back to the first font of the stack that has
 * them (a neutral one preferring the font before it). Graphemes are never split, so a base and
 * its marks always share a font.
 */
export function itemize(
  units0: readonly Grapheme[],
  styleIndexAt: (index: number) => number,
  stackOf: (styleIndex: number) => readonly LoadedFont[],
  replacementFont: LoadedFont,
): FontRun[] {
  const units: Unit[] = units0.map((g) => {
    let script: string | null = null;
    for (const ch of g.text) {
      script = scriptOf(ch.codePointAt(0) ?? 0);
      if (script !== null) break;
    }
    return { start: g.start, end: g.end, text: g.text, styleIndex: styleIndexAt(g.start), script, neutral: script === null };
  });

  // Resolve neutral scripts: take the previous unit's script in the same style, else the next.
  let prev: Unit | undefined;
  for (const u of units) {
    if (u.script === null && prev && prev.styleIndex === u.styleIndex && prev.script !== null) u.script = prev.script;
    prev = u;
  }
  let next: Unit | undefined;
  for (const u of units.toReversed()) {
    if (u.script === null && next && next.styleIndex === u.styleIndex && next.script !== null) u.script = next.script;
    next = u;
  }

  // Group into (style, script) runs.
  const groups: Unit[][] = [];
  for (const u of units) {
    const last = groups[groups.length - 1];
    const tail = last?.[last.length - 1];
    if (last && tail && tail.styleIndex === u.styleIndex && tail.script === u.script) last.push(u);
    else groups.push([u]);
  }

  const runs: FontRun[] = [];
  const push = (u: Unit, font: LoadedFont, missing: boolean): void => {
    const last = runs[runs.length - 1];
    if (last && last.end === u.start && last.font === font && last.styleIndex === u.styleIndex && last.missing === missing && !missing) {
      last.end = u.end;
      return;
    }
    runs.push({ start: u.start, end: u.end, styleIndex: u.styleIndex, script: u.script ?? undefined, font, missing });
  };

  for (const group of groups) {
    const first = group[0];
    if (!first) continue;
    const stack = stackOf(first.styleIndex);
    // The run's font is the first that covers its letters (its script); characters it lacks
    // (an arrow in Latin text, a danda after Latin) fall back one grapheme at a time. Picking the
    // first font that covers *everything* instead would set a whole sentence in the mono font
    // because of one arrow.
    const letters = group.filter((u) => !u.neutral).map((u) => u.text).join('');
    const whole = group.map((u) => u.text).join('');
    const primary = stack.find((f) => covers(f, letters)) ?? stack.find((f) => covers(f, whole));
    let prevFont: LoadedFont | undefined;
    for (const u of group) {
      const font =
        primary && covers(primary, u.text)
          ? primary
          : u.neutral && prevFont && covers(prevFont, u.text)
            ? prevFont
            : stack.find((f) => covers(f, u.text));
      if (font) {
        push(u, font, false);
        prevFont = font;
      } else {
        push(u, replacementFont, true);
        prevFont = undefined;
      }
    }
  }
  return runs;
}

/** RGB components 0–1 of a `#rgb` or `#rrggbb` colour, the values PDFKit's _normalizeColor gives. */
export type Rgb = readonly [r: number, g: number, b: number];

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * The one colour parser of the PDF writer. Colours come from the theme (code), so one that is not
 * hex RGB is a bug, not bad input. Not cached here: the writers cache the operators they make
 * from a colour (line-writer per text colour, shapes per colour and direction).
 */
export function rgbOf(color: string): Rgb {
  if (!HEX_COLOR.test(color)) throw new Error(`not a #rgb or #rrggbb colour: ${JSON.stringify(color)}`);
  const full = color.length === 4 ? color.replace(/[0-9a-f]/gi, (d) => d + d) : color;
  const hex = parseInt(full.slice(1), 16);
  return [(hex >> 16) / 255, ((hex >> 8) & 0xff) / 255, (hex & 0xff) / 255];
}

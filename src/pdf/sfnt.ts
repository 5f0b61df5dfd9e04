/**
 * The two structures of an sfnt (TrueType) font that both the subsetter and the composite-glyph
 * writer read: the table directory and a compound glyph's component records.
 */

export interface TableRecord {
  tag: string;
  offset: number;
  length: number;
}

/** The table directory, in file order; records past the end of the bytes are left out. */
export function tableDirectory(bytes: Uint8Array): TableRecord[] {
  if (bytes.length < 12) return [];
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = v.getUint16(4);
  const out: TableRecord[] = [];
  for (let i = 0; i < n && 12 + i * 16 + 16 <= bytes.length; i++) {
    const rec = 12 + i * 16;
    const tag = String.fromCharCode(v.getUint8(rec), v.getUint8(rec + 1), v.getUint8(rec + 2), v.getUint8(rec + 3));
    out.push({ tag, offset: v.getUint32(rec + 8), length: v.getUint32(rec + 12) });
  }
  return out;
}

/** A component of a compound glyph: its glyph id and the byte offset of that id in the glyph. */
export type ComponentRecord = readonly [glyphID: number, pos: number];

// Component flags (OpenType glyf table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** The components of a compound glyph, or null for a simple or empty glyph. */
export function compoundComponents(glyph: Uint8Array): ComponentRecord[] | null {
  if (glyph.length < 10) return null;
  const v = new DataView(glyph.buffer, glyph.byteOffset, glyph.byteLength);
  if (v.getInt16(0) >= 0) return null;
  const list: ComponentRecord[] = [];
  let o = 10;
  for (;;) {
    const flags = v.getUint16(o);
    list.push([v.getUint16(o + 2), o + 2]);
    o += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) o += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) o += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) o += 8;
    if (!(flags & MORE_COMPONENTS)) break;
  }
  return list;
}

/** UTF-16BE hex of a string, as a ToUnicode CMap destination wants it. */
export function utf16Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return out;
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0').toUpperCase();
}

/**
 * A ToUnicode CMap with one bfchar entry per CID. Every entry is non-empty by construction
 * (placeGlyphs never gives a text glyph empty text), which matters: an empty `<>` entry is read
 * as stray characters by pdf.js and as U+FFFD by mupdf.
 */
export function toUnicodeCMap(entries: ReadonlyArray<readonly [cid: number, text: string]>): string {
  const lines: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    lines.push(`${chunk.length} beginbfchar`);
    for (const [cid, text] of chunk) {
      if (text.length === 0) throw new Error(`empty ToUnicode entry for CID ${cid}`);
      lines.push(`<${hex4(cid)}> <${utf16Hex(text)}>`);
    }
    lines.push('endbfchar');
  }
  return `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
${lines.join('\n')}
endcmap
CMapName currentdict /CMap defineresource pop
end
end`;
}

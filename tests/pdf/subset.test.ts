import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fontFilesOf } from '../../src/text/config.js';
import { loadFontConfig } from '../../src/node/load-fonts.js';
import { TrueTypeSource, TrueTypeSubset } from '../../src/pdf/subset-ttf.js';
import { root } from '../text/helpers.js';

describe('TrueType subsetting', async () => {
  const files = fontFilesOf(await loadFontConfig());

  it.each(files)('writes the same bytes and glyph ids as fontkit for %s', (file) => {
    const bytes = new Uint8Array(readFileSync(join(root, 'fonts', file)));
    const fk = fontkit.create(bytes);
    const src = new TrueTypeSource(bytes);
    let seed = 7;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const sets: number[][] = [[], [0], Array.from({ length: fk.numGlyphs }, (_, i) => fk.numGlyphs - 1 - i)];
    for (let t = 0; t < 8; t++) sets.push(Array.from({ length: 1 + Math.floor(rnd() * 200) }, () => Math.floor(rnd() * fk.numGlyphs)));
    for (const gids of sets) {
      const a = fk.createSubset();
      const b = new TrueTypeSubset(src);
      expect(gids.map((g) => b.includeGlyph(g))).toEqual(gids.map((g) => a.includeGlyph(g)));
      expect(Buffer.from(b.encode()).equals(Buffer.from(a.encode()))).toBe(true);
    }
  });

  it.each(files)('reads the font descriptor values fontkit reads for %s', (file) => {
    const bytes = new Uint8Array(readFileSync(join(root, 'fonts', file)));
    const fk = fontkit.create(bytes);
    const info = new TrueTypeSource(bytes).info();
    expect({ ...info.bbox }).toEqual({ minX: fk.bbox.minX, minY: fk.bbox.minY, maxX: fk.bbox.maxX, maxY: fk.bbox.maxY });
    expect(info.italic).toBe(fk.head.macStyle.italic);
    expect(info.isFixedPitch).toBe(Boolean(fk.post.isFixedPitch));
    expect([info.ascent, info.descent, info.italicAngle]).toEqual([fk.ascent, fk.descent, fk.italicAngle]);
    expect([info.capHeight, info.xHeight]).toEqual([fk.capHeight, fk.xHeight]);
  });
});

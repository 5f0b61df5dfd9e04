import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fontFilesOf } from '../../src/text/config.js';
import { loadFontConfig } from '../../src/text/load-fonts-node.js';
import { TrueTypeSource, TrueTypeSubset } from '../../src/text/subset-ttf.js';
import { root } from './helpers.js';

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
});

/**
 * Regenerate tests/fixtures/text/hb-*.json: HarfBuzz's own CLI (`hb-shape`, Debian
 * libharfbuzz-bin) run over the Bengali corpus with each shipped Bengali font. The text engine's
 * test compares the glyphs it hands to the PDF writer against these files, so they must come
 * from an independent shaper invocation, not from the engine.
 *
 *   node --import tsx scripts/hb-fixtures.ts
 *
 * Each corpus line is split on whitespace; from each token the Bengali part is taken (from the
 * first Bengali-script character over the Bengali, Common and Inherited characters after it),
 * which is the run the engine's itemizer gives the Bengali font (`career-এর` → `এর`).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { HbFixture, HbGlyph } from './hb-fixture-format.js';

const root = join(import.meta.dirname, '..');
const fonts = ['NotoSansBengali-Regular.ttf', 'NotoSansBengali-Bold.ttf'];
const corpus = readFileSync(join(root, 'tests/fixtures/bengali-words.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'));
const BENGALI_RUN = /\p{Script=Bengali}[\p{Script=Bengali}\p{Script=Common}\p{Script=Inherited}]*/gu;


const version = execFileSync('hb-shape', ['--version'], { encoding: 'utf8' }).split('\n')[0];
mkdirSync(join(root, 'tests/fixtures/text'), { recursive: true });
for (const font of fonts) {
  const path = join(root, 'fonts', font);
  const lines = corpus.map((line) => {
    const runs = line
      .split(/\s+/)
      .flatMap((token) => token.match(BENGALI_RUN) ?? [])
      .map((text) => {
        const out = execFileSync('hb-shape', ['--output-format=json', '--no-glyph-names', path, '--', text], {
          encoding: 'utf8',
        });
        const glyphs = (JSON.parse(out) as HbGlyph[]).map(({ g, cl, ax, ay, dx, dy }) => ({ g, cl, ax, ay, dx, dy }));
        return { text, glyphs };
      });
    return { line, runs };
  });
  const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
  const file = join(root, 'tests/fixtures/text', `hb-${font.replace(/\.ttf$/, '')}.json`);
  const data: HbFixture = { font, sha256, shaper: version ?? 'hb-shape', clusters: 'code point index', lines };
  // One glyph per line keeps diffs of regenerated fixtures readable.
  const json = JSON.stringify(data, null, 1).replace(/\{\s+("g"[^}]*?)\s+\}/g, (_m, inner: string) => `{${inner.replace(/\s+/g, ' ')}}`);
  writeFileSync(file, `${json}\n`);
  console.log(`${file}: ${lines.length} lines, ${lines.reduce((n, l) => n + l.runs.length, 0)} runs`);
}

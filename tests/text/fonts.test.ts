import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontFilesOf, parseFontConfig } from '../../src/text/config.js';
import { root } from './helpers.js';

const fontDir = join(root, 'fonts');
const readme = readFileSync(join(fontDir, 'README.md'), 'utf8');

/** `| file | version | source | `sha` |` rows of fonts/README.md. */
function listedHashes(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const m of readme.matchAll(/^\| (\S+\.ttf) \|.*\| `([0-9a-f]{64})` \|$/gm)) rows.set(m[1] as string, m[2] as string);
  return rows;
}

describe('shipped fonts', () => {
  const files = readdirSync(fontDir).filter((f) => f.endsWith('.ttf'));

  it('lists every font file in fonts/README.md with its SHA-256, and the hashes match', () => {
    const listed = listedHashes();
    expect([...listed.keys()].sort()).toEqual([...files].sort());
    for (const f of files) {
      const sha = createHash('sha256').update(readFileSync(join(fontDir, f))).digest('hex');
      expect(sha, f).toBe(listed.get(f));
    }
  });

  it('ships the seven required faces and the OFL text', () => {
    expect(files.sort()).toEqual(
      [
        'NotoSans-Bold.ttf',
        'NotoSans-BoldItalic.ttf',
        'NotoSans-Italic.ttf',
        'NotoSans-Regular.ttf',
        'NotoSansBengali-Bold.ttf',
        'NotoSansBengali-Regular.ttf',
        'NotoSansMono-Regular.ttf',
      ].sort(),
    );
    const ofl = readFileSync(join(fontDir, 'OFL.txt'), 'utf8');
    expect(ofl).toContain('SIL OPEN FONT LICENSE Version 1.1');
    expect(ofl).toContain('PERMISSION & CONDITIONS');
  });

  it('has a valid stacks.json whose files all exist', () => {
    const config = parseFontConfig(JSON.parse(readFileSync(join(fontDir, 'stacks.json'), 'utf8')));
    for (const f of fontFilesOf(config)) expect(files).toContain(f);
    expect(config.stacks.regular[0]).toBe('NotoSans-Regular.ttf');
    expect(config.stacks.italic).toContain('NotoSansBengali-Regular.ttf');
    expect(config.stacks.mono.slice(0, 2)).toEqual(['NotoSansMono-Regular.ttf', 'NotoSansBengali-Regular.ttf']);
  });

  it('rejects a configuration with a missing style', () => {
    expect(() => parseFontConfig({ stacks: { regular: ['a.ttf'] }, replacement: { font: 'a.ttf', char: '?' } })).toThrow();
  });
});

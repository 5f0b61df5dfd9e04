import { existsSync, mkdirSync, readdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RoadmapError } from '../../src/errors.js';
import { folderInside, openOutputRoot } from '../../src/node/output-root.js';
import { writeFileSet } from '../../src/node/write-files.js';
import { tempDirSync } from '../helpers/project.js';

const FILES = [
  { name: 'README.md', bytes: new TextEncoder().encode('readme') },
  { name: 'plan.ics', bytes: new TextEncoder().encode('calendar') },
];

/** What is planted at one level of the output path before the write. */
type Plant = 'nothing' | 'link-out' | 'link-in' | 'file';

describe('writing a learner set under --out', () => {
  it('never writes outside the real --out, whatever level holds a symlink or a file', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.nat(4),
        fc.constantFrom<Plant>('nothing', 'link-out', 'link-in', 'file'),
        fc.boolean(),
        (depth, at, plant, rootIsLink) => {
          const level = at % depth;
          const base = tempDirSync('rp-root-');
          const victim = tempDirSync('rp-victim-');
          const realOut = join(base, 'real-out');
          mkdirSync(realOut);
          // --out itself may be a symlink: the user named it, and its real place is used.
          const out = rootIsLink ? join(base, 'out-link') : realOut;
          if (rootIsLink) symlinkSync(realOut, out);
          const parts = Array.from({ length: depth }, (_, i) => `level-${i}`);
          const planted = join(realOut, ...parts.slice(0, level + 1));
          mkdirSync(join(realOut, ...parts.slice(0, level)), { recursive: true });
          if (plant === 'link-out') symlinkSync(victim, planted);
          if (plant === 'link-in') {
            // A link that stays inside --out is refused too: a level is a folder, never a link.
            mkdirSync(join(realOut, 'elsewhere'));
            symlinkSync(join(realOut, 'elsewhere'), planted);
          }
          if (plant === 'file') writeFileSync(planted, 'not a folder');

          const write = () => writeFileSet(folderInside(openOutputRoot(out), ...parts), FILES);
          if (plant === 'nothing') {
            write();
            expect(readdirSync(join(realOut, ...parts)).sort()).toEqual(['README.md', 'plan.ics']);
          } else {
            expect(write).toThrow(RoadmapError);
            expect(existsSync(join(realOut, ...parts, 'README.md'))).toBe(false);
          }
          expect(readdirSync(victim)).toEqual([]);
          expect(realpathSync(out)).toBe(realpathSync(realOut));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a part that would climb out of --out', () => {
    const out = openOutputRoot(tempDirSync('rp-root-'));
    for (const part of ['..', '.', '', 'a/b', 'a\\b']) {
      expect(() => folderInside(out, part)).toThrow(/refusing to write outside the output folder/);
    }
  });
});

import { readdir, readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { Lexer, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { RoadmapError } from '../../src/errors.js';
import { buildToDisk } from '../../src/node/build-to-disk.js';
import { buildTime } from '../../src/personalize/calendar.js';
import { plainText } from '../../src/markdown/plain-text.js';
import { shippedProject, tempDir } from '../helpers/project.js';

const hostile = fc.constantFrom(
  '../../etc/passwd',
  '..\\..\\windows\\system32',
  '/abs/path',
  'con',
  'NUL.txt',
  'aux',
  '.',
  '..',
  // The longest names allowed (MAX_NAME_CODE_POINTS); longer ones are refused up front.
  'ক'.repeat(200),
  'x'.repeat(200),
  '😀 Emoji 🎉',
  '[click](javascript:alert(1))',
  '<img src=x onerror=alert(1)>',
  '{{constructor.constructor "alert(1)"}}',
  '# heading\n- list',
  '| a | b |',
  '`code` *em* __strong__ ~~del~~',
  'Tab\tName\u0000Nul',
);

describe('any learner name', () => {
  it('stays inside out/ and appears literally in the README', async () => {
    const project = await shippedProject();
    const out = await tempDir();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(hostile, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 40 })),
        fc.constantFrom('llmops', 'platform', 'general'),
        fc.constantFrom('bn' as const, 'en' as const),
        async (name, track, locale) => {
          let result;
          try {
            // Emoji and other characters no font covers are drawn as a visible replacement.
            result = await buildToDisk({ project, params: { name, track, locale, start: '2027-01' }, out, now: buildTime('1796083200'), allowMissingGlyphs: true });
          } catch (e) {
            // Only a name that is blank, broken UTF-16 or too long may be refused, as a parameter error.
            expect(e).toBeInstanceOf(RoadmapError);
            expect((e as RoadmapError).kind).toBe('params');
            return;
          }
          expect(result.dir.startsWith(resolve(out) + sep)).toBe(true);
          for (const f of result.files) expect(f.path.startsWith(resolve(out) + sep)).toBe(true);
          const readme = await readFile(join(result.dir, 'README.md'), 'utf8');
          const heading = new Lexer().lex(readme).find((t) => t.type === 'heading') as Tokens.Heading;
          const shown = name.replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ').trim();
          // A name of nothing but control characters prints as the default learner name.
          expect(plainText(heading.tokens)).toBe(`MLOps Engineer Roadmap — ${shown || project.labels[locale]?.defaultLearner}`);
        },
      ),
      { numRuns: 80, seed: 7 },
    );
    // Nothing escaped the output folder: every entry is a learner folder directly inside it.
    for (const entry of await readdir(out, { withFileTypes: true })) expect(entry.isDirectory()).toBe(true);
  });
});

describe('any parameters', () => {
  it('end as a located parameter error or a build inside out/', async () => {
    const project = await shippedProject();
    const out = await tempDir();
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const date = fc.tuple(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 0, max: 14 }), maybe(fc.integer({ min: 0, max: 33 }))).map(
      ([y, m, d]) => `${y}-${String(m).padStart(2, '0')}${d === undefined ? '' : `-${String(d).padStart(2, '0')}`}`,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          name: maybe(fc.string({ minLength: 1, maxLength: 30 })),
          start: maybe(fc.oneof(date, fc.string({ maxLength: 12 }))),
          track: maybe(fc.oneof(fc.constantFrom('llmops', 'platform', 'edge-ml', 'ml-infra', 'responsible-ai', 'general'), fc.string({ maxLength: 12 }))),
          level: maybe(fc.oneof(fc.constantFrom('L1', 'L2', 'L3', 'L4', 'L5', 'l3'), fc.string({ maxLength: 4 }))),
          locale: maybe(fc.constantFrom('bn', 'en')),
          paper: maybe(fc.constantFrom('A4', 'Letter')),
        }),
        async (params) => {
          try {
            const result = await buildToDisk({ project, params, out, now: buildTime('1796083200'), allowMissingGlyphs: true });
            expect(result.dir.startsWith(resolve(out) + sep)).toBe(true);
            expect(result.files.map((f) => f.bytes).every((n) => n > 0)).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(RoadmapError);
            expect((e as RoadmapError).kind).toBe('params');
            expect((e as RoadmapError).exitCode).toBe(1);
          }
        },
      ),
      { numRuns: 60, seed: 11 },
    );
  });
});

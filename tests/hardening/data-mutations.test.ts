import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { RoadmapError } from '../../src/errors.js';
import { buildLearner } from '../../src/pipeline/build-learner.js';
import { prepareProject } from '../../src/pipeline/prepare-project.js';
import { NOW, shippedSources } from '../helpers/project.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value in the data, so a mutation can target any of them. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return here;
}

function mutate(root: Json, path: (string | number)[], kind: Mutation): Json {
  const copy = structuredClone(root);
  let parent: Json = copy;
  for (const seg of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[seg]!;
  const key = path[path.length - 1]!;
  const holder = parent as Record<string | number, Json>;
  if (kind.type === 'delete') {
    if (Array.isArray(holder)) holder.splice(Number(key), 1);
    else delete holder[key];
  } else holder[key] = kind.value;
  return copy;
}

type Mutation = { type: 'delete' } | { type: 'set'; value: Json };

const deep = (n: number): Json => (n === 0 ? 'x' : [deep(n - 1)]);
const oddText = fc.constantFrom(
  'a\u0301\u0302\u0303 combining', // combining marks
  'مرحبا بالعالم RTL', // right-to-left
  'tab\tand\u0007bell', // control characters
  'lone \ud800 surrogate',
  'ক্\u200dষ ZWJ and ক্\u200cষ ZWNJ',
  '\u202eRLO override',
  '',
  '   ',
  '👩‍👩‍👧 family',
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant({ type: 'delete' as const }),
  fc.constant({ type: 'set' as const, value: 'x'.repeat(100_000) }),
  fc.constant({ type: 'set' as const, value: deep(200) }),
  fc.constant({ type: 'set' as const, value: null }),
  fc.constant({ type: 'set' as const, value: { unexpected: true } }),
  fc.integer({ min: -5, max: 5_000_000 }).map((n) => ({ type: 'set' as const, value: n })),
  fc.boolean().map((b) => ({ type: 'set' as const, value: b })),
  oddText.map((s) => ({ type: 'set' as const, value: s })),
);

describe('mutated data never crashes', () => {
  it('ends as located validation errors or a valid build', async () => {
    const sources = await shippedSources();
    const data = parse(sources.data.text) as Json;
    const all = paths(data);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(all.length - 1), mutation), { minLength: 1, maxLength: 3 }), async (edits) => {
        let mutated = data;
        for (const [i, m] of edits) {
          const p = all[i]!;
          try {
            mutated = mutate(mutated, p, m);
          } catch {
            // an earlier edit removed this path: skip it
          }
        }
        const text = stringify(mutated, { lineWidth: 0 });
        try {
          const project = prepareProject({ ...sources, data: { file: 'roadmaps/mlops-engineer/roadmap.yaml', text } });
          const build = await buildLearner(project, { name: 'Fuzz', track: 'llmops' }, NOW);
          expect(build.artifacts.every((a) => a.bytes.byteLength > 0)).toBe(true);
        } catch (e) {
          if (!(e instanceof RoadmapError)) throw e;
          expect(e.exitCode).toBe(1);
          if (e.kind === 'data') {
            expect(e.problems.length).toBeGreaterThan(0);
            for (const p of e.problems) {
              // The data, or its English overlay when a mutation leaves the overlay without its counterpart.
              expect(['roadmaps/mlops-engineer/roadmap.yaml', 'roadmaps/mlops-engineer/roadmap.en.yaml']).toContain(p.file);
              expect(p.line).toBeGreaterThan(0);
            }
          }
        }
      }),
      { numRuns: 60, seed: 20261129 },
    );
  });

  it('rejects a lone surrogate and control characters with their path', async () => {
    const sources = await shippedSources();
    const data = parse(sources.data.text) as Json;
    const bad = mutate(mutate(data, ['salary', 'note'], { type: 'set', value: 'x\ud800y' }), ['portfolio', 0], { type: 'set', value: 'bell\u0007' });
    try {
      prepareProject({ ...sources, data: { file: 'd.yaml', text: stringify(bad) } });
      throw new Error('expected a data error');
    } catch (e) {
      expect(e).toBeInstanceOf(RoadmapError);
      const messages = (e as RoadmapError).problems.map((p) => `${p.path}: ${p.message}`);
      expect(messages).toEqual(expect.arrayContaining([
        'salary.note: expected well-formed Unicode text, found a lone surrogate (broken UTF-16)',
        'portfolio[0]: expected text without control characters',
      ]));
    }
  });
});

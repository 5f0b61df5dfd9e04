import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { roadmapJsonSchema } from '../../src/schema/json-schema.js';
import { fromRoot } from '../helpers/paths.js';

describe('the JSON Schema', () => {
  it('is committed in sync with the zod schema (run `roadmap-press schema > roadmaps/roadmap.schema.json`)', async () => {
    const committed = JSON.parse(await readFile(fromRoot('roadmaps', 'roadmap.schema.json'), 'utf8')) as unknown;
    expect(committed).toEqual(roadmapJsonSchema());
  });

  it('is referenced by the shipped data file so editors autocomplete', async () => {
    const data = await readFile(fromRoot('roadmaps', 'mlops-engineer', 'roadmap.yaml'), 'utf8');
    expect(data.split('\n')[0]).toBe('# yaml-language-server: $schema=../roadmap.schema.json');
  });

  it('describes the level and plan structure', () => {
    const schema = roadmapJsonSchema() as { properties: Record<string, { type?: string }>; required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['meta', 'sections', 'levels', 'plan']));
    // Every other section is optional: a roadmap without salaries, pitfalls or tracks is valid.
    for (const optional of ['salary', 'specializations', 'portfolio', 'pitfalls', 'takeaway', 'checkIns', 'extraSections']) expect(schema.required).not.toContain(optional);
    expect(schema.properties.levels?.type).toBe('array');
  });
});

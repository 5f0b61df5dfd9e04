import { describe, expect, it } from 'vitest';
import { RoadmapError } from '../../src/errors.js';
import { loadRoadmap, validateAhead } from '../../src/load/load-roadmap.js';
import { shippedSources } from '../helpers/project.js';

describe('data validated ahead (the CLI bundle)', () => {
  it('gives the shipped data and labels exactly as validating them does', async () => {
    const sources = await shippedSources();
    const ahead = new Map(validateAhead(sources));
    expect(ahead.size).toBe(4); // the data, its English overlay and both label files
    const fromAhead = loadRoadmap(sources, ahead);
    expect(fromAhead).toStrictEqual(loadRoadmap(sources, new Map()));
    expect(fromAhead.roadmap.specializations.map((s) => s.id)).toContain('llmops');
    // Parsed afresh each time: one caller changing its copy cannot reach another's.
    expect(loadRoadmap(sources, ahead).roadmap).not.toBe(fromAhead.roadmap);
  });

  it('validates a file edited since, and reports its problems with their lines', async () => {
    const sources = await shippedSources();
    const ahead = new Map(validateAhead(sources));
    const text = sources.data.text.replace('  - id: llmops\n', '  - id: LLM Ops!\n');
    expect(text).not.toBe(sources.data.text);
    let error: unknown;
    try {
      loadRoadmap({ ...sources, data: { ...sources.data, text } }, ahead);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RoadmapError);
    expect((error as RoadmapError).problems[0]?.line).toBeGreaterThan(1);
  });
});

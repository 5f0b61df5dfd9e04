import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRunConfig, type RunEnvironment } from '../../src/node/config.js';
import { tempDir } from '../helpers/project.js';

const noClock = (): Date => {
  throw new Error('the clock was read');
};

function env(cwd: string, sourceDateEpoch?: string, clock: () => Date = noClock): RunEnvironment {
  return { sourceDateEpoch, clock, cwd };
}

describe('resolveRunConfig', () => {
  it('layers flags over the config file over defaults, per key', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'roadmap-press.config.yaml'), 'name: From File\nlocale: en\nout: built\ndata: roadmaps/mlops-engineer/roadmap.yaml\n');
    const run = await resolveRunConfig({ params: { locale: 'bn', paper: 'Letter' }, fillable: true }, env(dir, '0'));
    expect(run.params).toMatchObject({ name: 'From File', locale: 'bn', paper: 'Letter' });
    // Paths in the file are the file's; the default output root is `out`.
    expect(run.out).toBe(join(dir, 'built'));
    expect(run.sources.data).toBe(join(dir, 'roadmaps', 'mlops-engineer', 'roadmap.yaml'));
    expect(run.buildOptions).toEqual({ fillable: true, allowMissingGlyphs: false });
    expect(run.configFile).toBe(join(dir, 'roadmap-press.config.yaml'));
  });

  it('uses the defaults without a config file', async () => {
    const run = await resolveRunConfig({}, env(await tempDir(), '0'));
    expect(run).toMatchObject({ params: {}, out: 'out', configFile: null, buildOptions: { fillable: false, allowMissingGlyphs: false } });
  });

  it('decides the build time once: SOURCE_DATE_EPOCH exactly, else the start of the clock’s UTC day', async () => {
    const dir = await tempDir();
    expect((await resolveRunConfig({}, env(dir, '1796120430'))).now.toISOString()).toBe('2026-12-01T10:20:30.000Z');
    const run = await resolveRunConfig({}, env(dir, undefined, () => new Date('2026-11-29T10:15:00Z')));
    expect(run.now.toISOString()).toBe('2026-11-29T00:00:00.000Z');
  });

  it('refuses a SOURCE_DATE_EPOCH that is not a whole number of seconds', async () => {
    await expect(resolveRunConfig({}, env(await tempDir(), 'soon'))).rejects.toThrow('SOURCE_DATE_EPOCH: "soon" is not a whole number of seconds');
  });
});

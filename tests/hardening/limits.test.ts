import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { MAX_CONFIG_FILE_BYTES, MAX_DATA_FILE_BYTES, MAX_LIST_FILE_BYTES, MAX_NAME_CODE_POINTS, MAX_TEMPLATE_FILE_BYTES, MAX_TEXT_CODE_POINTS } from '../../src/schema/limits.js';
import { ParamsSchema } from '../../src/schema/params.js';
import { Text } from '../../src/schema/text.js';
import { tempDir } from '../helpers/project.js';
import { CLI_MAIN, fromRoot } from '../helpers/paths.js';

const run = runCli;

/** The shipped data with the takeaway text replaced by `text`, written to a temp folder. */
async function dataWithTakeaway(text: string): Promise<string> {
  const shipped = await readFile(fromRoot('roadmaps', 'mlops-engineer', 'roadmap.yaml'), 'utf8');
  const replaced = shipped.replace(/^( {2}text: ).*$/m, `$1"${text}"`);
  expect(replaced).not.toBe(shipped);
  const path = join(await tempDir(), 'roadmap.yaml');
  await writeFile(path, replaced);
  return path;
}

beforeEach(() => {
  vi.stubEnv('SOURCE_DATE_EPOCH', '1796083200');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('text field limit', () => {
  it('accepts a data field of exactly the limit and refuses one more, with its location', async () => {
    expect(Text.safeParse('x'.repeat(MAX_TEXT_CODE_POINTS)).success).toBe(true);
    const path = await dataWithTakeaway('x'.repeat(MAX_TEXT_CODE_POINTS + 1));
    const r = await run('validate', path);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/roadmap\.yaml:\d+:\d+ takeaway\.text: expected at most 10,000 characters \(Unicode code points\), got 10,001/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('counts code points: 10 000 emoji (20 000 UTF-16 units) are within the limit', () => {
    expect(Text.safeParse('😀'.repeat(MAX_TEXT_CODE_POINTS)).success).toBe(true);
    expect(Text.safeParse('😀'.repeat(MAX_TEXT_CODE_POINTS + 1)).success).toBe(false);
  });

  it('refuses a 4 MB field (inside the file limit) as a located data error', async () => {
    const path = await dataWithTakeaway('y'.repeat(4 * 1024 * 1024));
    const r = await run('build', '--data', path, '--out', await tempDir());
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/takeaway\.text: expected at most 10,000 characters \(Unicode code points\), got 4,194,304/);
  });
});

describe('learner name limit', () => {
  it('allows 200 code points and refuses 201', async () => {
    expect(ParamsSchema.safeParse({ name: 'ক'.repeat(MAX_NAME_CODE_POINTS) }).success).toBe(true);
    expect(ParamsSchema.safeParse({ name: '😀'.repeat(MAX_NAME_CODE_POINTS) }).success).toBe(true);
    const r = await run('build', '--name', 'ক'.repeat(MAX_NAME_CODE_POINTS + 1), '--out', await tempDir());
    expect(r.code).toBe(1);
    expect(r.err).toContain('expected at most 200 characters (Unicode code points), got 201');
  });
});

describe('file size limits', () => {
  it('refuses a 50 MB field in the built CLI at once, by the file size, with exit 1', async () => {
    const path = await dataWithTakeaway('z'.repeat(50 * 1024 * 1024));
    const r = spawnSync(process.execPath, [CLI_MAIN, 'build', '--data', path, '--out', 'out'], { cwd: await tempDir(), encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('data file');
    expect(r.stderr).toMatch(/roadmap\.yaml: 52,4\d\d,\d{3} bytes, over the limit of 5 MB \(5,242,880 bytes\) for a data file/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('accepts a data file just under the limit (the limit is on bytes, checked before parsing)', async () => {
    const shipped = await readFile(fromRoot('roadmaps', 'mlops-engineer', 'roadmap.yaml'), 'utf8');
    const path = join(await tempDir(), 'roadmap.yaml');
    // A trailing comment pads the valid file to the limit exactly.
    const pad = MAX_DATA_FILE_BYTES - Buffer.byteLength(shipped) - 3;
    await writeFile(path, `${shipped}\n# ${'p'.repeat(pad)}`);
    expect((await readFile(path)).byteLength).toBe(MAX_DATA_FILE_BYTES);
    expect((await run('validate', path)).code).toBe(0);
    await writeFile(path, `${shipped}\n# ${'p'.repeat(pad + 1)}`);
    const r = await run('validate', path);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/over the limit of 5 MB \(5,242,880 bytes\) for a data file/);
  });

  it.each([
    ['template', '--readme-template', 'big.hbs', MAX_TEMPLATE_FILE_BYTES],
    ['config file', '--config', 'big.yaml', MAX_CONFIG_FILE_BYTES],
  ])('refuses a %s over its limit before parsing it', async (what, flag, file, limit) => {
    const dir = await tempDir();
    await writeFile(join(dir, file), `# ${'p'.repeat(limit)}`);
    const r = await run('build', flag, join(dir, file), '--out', join(dir, 'out'));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`over the limit of 1 MB (1,048,576 bytes) for a ${what}`);
  });

  it.skipIf(process.platform !== 'linux')('holds the limit for a file whose size says nothing (/dev/zero)', async () => {
    const r = await run('validate', '/dev/zero');
    expect(r.code).toBe(1);
    expect(r.err).toContain('more than 5,242,880 bytes, over the limit of 5 MB (5,242,880 bytes) for a data file');
  });

  it('refuses a batch list over its limit before reading a row', async () => {
    const dir = await tempDir();
    const list = join(dir, 'learners.csv');
    await writeFile(list, `name\n${'x\n'.repeat(MAX_LIST_FILE_BYTES / 2)}`);
    const r = await run('batch', list, '--out', join(dir, 'out'), '--jobs', '1');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/learners\.csv: 10,485,765 bytes, over the limit of 10 MB \(10,485,760 bytes\) for a learner list/);
  });
});

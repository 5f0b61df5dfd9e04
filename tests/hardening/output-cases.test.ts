import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RoadmapError } from '../../src/errors.js';
import { buildText, tempDir } from '../helpers/project.js';

const cliMain = resolve('dist/cli/main.js');

/** Runs the built CLI in `cwd` and returns its exit code and output. */
function cli(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cliMain, ...args], { cwd, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function buildError(params: Parameters<typeof buildText>[0]): Promise<RoadmapError> {
  try {
    await buildText(params);
  } catch (e) {
    if (e instanceof RoadmapError) return e;
    throw e;
  }
  throw new Error('the build succeeded');
}

describe('start dates', () => {
  it.each(['0001-01', '0099-12-31', '0000-02-29', '1582-12-31'])('rejects %s, naming the supported range', async (start) => {
    const e = await buildError({ start });
    expect(e.exitCode).toBe(1);
    expect(e.message).toBe(`--start: "${start}" is out of range: dates run from 1583-01-01 to 9999-12-31 (the Gregorian calendar with four-digit years)`);
  });

  it('prints the first supported year as itself in the README and the calendar', async () => {
    const readme = await buildText({ start: '1583-01', locale: 'en' });
    expect(readme).toContain('January 1583');
    expect(readme).not.toMatch(/19\d\d/);
    const ics = await buildText({ start: '1583-01', locale: 'en' }, 'plan.ics');
    expect(ics).toContain('DTSTART;VALUE=DATE:15830101');
  });

  it('knows 1600 is a leap year and 1700 is not', async () => {
    expect(await buildText({ start: '1600-02-29', locale: 'en' }, 'plan.ics')).toContain('DTSTART;VALUE=DATE:16000229');
    const e = await buildError({ start: '1700-02-29' });
    expect(e.message).toBe('--start: "1700-02-29" is not a real date: February 1700 has 28 days');
  });

  it('rejects a start whose plan would run past 9999-12-31, naming what the user typed', async () => {
    const dir = await tempDir();
    const r = cli(dir, ['build', '--start', '9999-12', '--out', 'out']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      'error: --start: "9999-12" is too late: the plan and its check-ins reach 24 months past the start, so they would run past 9999-12-31, the last date a plan can use; start on 9997-12-30 or earlier',
    );
  });

  it('builds the latest start it suggests, ending within 9999', async () => {
    const ics = await buildText({ start: '9997-12-30', locale: 'en' }, 'plan.ics');
    expect(ics).toContain('DTSTART;VALUE=DATE:99971230');
    // The 24-month check-in falls on 9999-12-30; its event ends the next day.
    expect(ics).toContain('DTEND;VALUE=DATE:99991231');
    const e = await buildError({ start: '9997-12-31' });
    expect(e.message).toContain('"9997-12-31" is too late');
    expect(ics).not.toMatch(/DATE:\d{9}/);
  });
});

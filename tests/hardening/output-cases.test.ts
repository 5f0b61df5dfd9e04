import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, RoadmapError } from '../../src/errors.js';
import { createHandlebars } from '../../src/render/handlebars-env.js';
import type { TemplateSet } from '../../src/render/template-set.js';
import { roadmapErrorOf } from '../helpers/errors.js';
import { MAX_TEMPLATE_BLOCK_DEPTH } from '../../src/schema/limits.js';
import { planBatch, singleRoadmap } from '../../src/batch/plan-batch.js';
import { readBatchList } from '../../src/batch/read-list.js';
import { buildText, NOW, shippedProject, tempDir } from '../helpers/project.js';
import { fromRoot } from '../helpers/paths.js';
import { runBuiltCli } from '../helpers/cli.js';


/** Runs the built CLI in `cwd` and returns its exit code and output. */
function cli(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = runBuiltCli(cwd, args);
  return { status: r.code, stdout: r.out, stderr: r.err };
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
    expect(e.message).toBe(`start: "${start}" is out of range: dates run from 1583-01-01 to 9999-12-31 (the Gregorian calendar with four-digit years)`);
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
    expect(e.message).toBe('start: "1700-02-29" is not a real date: February 1700 has 28 days');
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

describe('text files that are not UTF-8', () => {
  const latin1 = Buffer.from('title: caf\xe9\n', 'latin1');

  async function project(): Promise<string> {
    const dir = await tempDir();
    await mkdir(join(dir, 'labels'), { recursive: true });
    await mkdir(join(dir, 'roadmaps', 'mlops-engineer'), { recursive: true });
    await copyFile(fromRoot('roadmaps', 'mlops-engineer', 'roadmap.yaml'), join(dir, 'roadmaps', 'mlops-engineer', 'roadmap.yaml'));
    for (const l of ['bn', 'en']) await copyFile(`labels/${l}.yaml`, join(dir, 'labels', `${l}.yaml`));
    return dir;
  }

  /** `text` with one byte that is never UTF-8 (0xff) after `before`, on its own line. */
  async function corrupt(path: string, before: string): Promise<void> {
    const text = await readFile(path, 'utf8');
    const at = text.indexOf(before) + before.length;
    await writeFile(path, Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xff]), Buffer.from(text.slice(at))]));
  }

  it('validate reports a bad byte in the data with its line and column', async () => {
    const dir = await project();
    await corrupt(join(dir, 'roadmaps', 'mlops-engineer', 'roadmap.yaml'), '  title: MLOps Engineer Roadmap');
    const r = cli(dir, ['validate', 'roadmaps/mlops-engineer/roadmap.yaml']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error: roadmaps/mlops-engineer/roadmap.yaml is not valid UTF-8\n  roadmaps/mlops-engineer/roadmap.yaml:13:32: invalid UTF-8 (byte 0xff); save the file as UTF-8');
    expect(r.stdout).not.toContain('ok');
  });

  it('counts the column in characters, after Bengali text', async () => {
    const dir = await project();
    // Line 17 starts "  subtitle: MLOps career-এর map": 27 characters (এর is two) and 31 bytes before the bad one.
    await corrupt(join(dir, 'roadmaps', 'mlops-engineer', 'roadmap.yaml'), '  subtitle: MLOps career-এর');
    const r = cli(dir, ['validate', 'roadmaps/mlops-engineer/roadmap.yaml']);
    expect(r.stderr).toContain('roadmaps/mlops-engineer/roadmap.yaml:17:28: invalid UTF-8 (byte 0xff)');
  });

  it('reports a label file', async () => {
    const dir = await project();
    await corrupt(join(dir, 'labels', 'en.yaml'), 'tasks:');
    const r = cli(dir, ['build', '--data', 'roadmaps/mlops-engineer/roadmap.yaml', '--out', 'out']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/labels\/en\.yaml:\d+:7: invalid UTF-8 \(byte 0xff\)/);
  });

  it.each([
    ['a template', (dir: string) => ['build', '--readme-template', join(dir, 'bad.hbs'), '--out', 'out'], 'bad.hbs:1:11'],
    ['a config file', (dir: string) => ['build', '--config', join(dir, 'bad.yaml'), '--out', 'out'], 'bad.yaml:1:11'],
    ['a learner list', () => ['batch', 'bad.yaml', '--out', 'out'], 'bad.yaml:1:11'],
    ['proof input', () => ['proof', 'bad.txt'], 'bad.txt:1:11'],
  ])('reports %s', async (_what, args, where) => {
    const dir = await tempDir();
    for (const name of ['bad.hbs', 'bad.yaml', 'bad.txt']) await writeFile(join(dir, name), latin1);
    const r = cli(dir, args(dir));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${where}: invalid UTF-8 (byte 0xe9); save the file as UTF-8`);
  });
});

describe('file options given a folder', () => {
  it.each([
    ['--readme-template', 'template'],
    ['--workbook-template', 'template'],
    ['--data', 'data file'],
    ['--config', 'config file'],
  ])('%s . names the folder and exits 1', async (option, what) => {
    const dir = await tempDir();
    const r = cli(dir, ['build', option, '.', '--out', 'out']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`error: cannot read ${what} .: it is a folder, not a file`);
  });
});

describe('batch ids that are device names', () => {
  it('never makes a folder named CON, nul or LPT1, and keeps other ids', async () => {
    const entries = readBatchList({ file: 'l.yaml', text: '- {name: A, id: CON}\n- {name: B, id: nul}\n- {name: C, id: LPT1}\n- {name: D, id: Team-7}\n- {name: E, id: console}\n' });
    const plan = planBatch(singleRoadmap(await shippedProject()), entries, NOW);
    expect(plan.builds.map((b) => b.folder)).toEqual(['learner-con', 'learner-nul', 'learner-lpt1', 'team-7', 'console']);
  });
});

describe('strict templates', () => {
  function set(readme: string, partials: Record<string, string> = {}): TemplateSet {
    return {
      readme: { file: 'my/readme.md.hbs', source: readme },
      workbook: { file: 'my/workbook.md.hbs', source: '# x' },
      partials: Object.fromEntries(Object.entries(partials).map(([k, v]) => [k, { file: `my/partials/${k}.hbs`, source: v }])),
    };
  }
  const context = { learner: { name: 'Rahim' }, plan: [{ label: 'M1' }], track: null, labels: { month: 'Month' } };

  function problemOf(source: string): string {
    const e = roadmapErrorOf(() => createHandlebars(set(source)).render('readme', context));
    expect(e.exitCode).toBe(1);
    return e.problems.map(formatProblem).join('\n');
  }

  it.each([
    ['# T\n\n{{#each nope}}x{{/each}}\n', 'my/readme.md.hbs:3:1: {{#each}} was given a value that is not defined'],
    ['# T\n{{#with learner.nope}}x{{/with}}\n', 'my/readme.md.hbs:2:1: {{#with}} was given a value that is not defined'],
    ['# T\n\nA {{lookup labels "nope"}}\n', 'my/readme.md.hbs:3:3: lookup: "nope" is not defined'],
    ['# T\n{{lookup nope "month"}}\n', 'my/readme.md.hbs:2:1: lookup was given a value that is not defined'],
    ['{{__proto__}}', 'my/readme.md.hbs:1:3: "__proto__" is not defined'],
    ['{{learner.constructor}}', 'my/readme.md.hbs:1:3: "constructor" is not defined'],
    ['{{#each plan}}{{label}}{{lookup ../labels "nope"}}{{/each}}', 'my/readme.md.hbs:1:24: lookup: "nope" is not defined'],
  ])('%j is an error naming the template and line', (source, expected) => {
    expect(problemOf(source)).toBe(`${expected} (strict mode: a missing value is an error, never a blank)`);
  });

  it('still renders present values, null values and optional if blocks', () => {
    const hb = createHandlebars(set('{{#each plan}}{{label}}{{/each}} {{lookup labels "month"}} {{#with track}}T{{else}}none{{/with}} {{#if nope}}x{{else}}no{{/if}} {{#each track}}x{{/each}}'));
    expect(hb.render('readme', context)).toBe('M1 Month none no ');
  });

  it('renders the shipped templates for a learner without a track', async () => {
    expect(await buildText({ locale: 'en' })).toContain('# ');
  });

  it.each([
    ['nested blocks', () => set(`${'{{#if true}}'.repeat(5000)}x${'{{/if}}'.repeat(5000)}`), 'my/readme.md.hbs'],
    ['a partial that includes itself', () => set('# T\n{{> loop}}\n', { loop: '{{> loop}}' }), 'my/partials/loop.hbs'],
  ])('%s too deep for the stack are a template error, not a crash', (_what, templates, file) => {
    const e = roadmapErrorOf(() => createHandlebars(templates()).render('readme', context));
    expect(e.exitCode).toBe(1);
    expect(e.summary).toBe(`template ${file} nests too deeply to render`);
  });

  it(`renders blocks nested ${MAX_TEMPLATE_BLOCK_DEPTH} deep and refuses one more, naming the line`, () => {
    const nest = (n: number) => set(`# T\n{{!-- {{#if}} in a comment does not count --}}\n${'{{#if true}}\n'.repeat(n)}x${'{{/if}}'.repeat(n)}`);
    expect(createHandlebars(nest(MAX_TEMPLATE_BLOCK_DEPTH)).render('readme', context)).toContain('x');
    const e = roadmapErrorOf(() => createHandlebars(nest(MAX_TEMPLATE_BLOCK_DEPTH + 1)).render('readme', context));
    expect(e.problems).toEqual([{ file: 'my/readme.md.hbs', line: MAX_TEMPLATE_BLOCK_DEPTH + 3, message: `blocks are nested more than ${MAX_TEMPLATE_BLOCK_DEPTH} deep` }]);
  });

  it('exits 1 from the CLI for a template nested too deeply', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'deep.hbs'), `${'{{#with learner}}'.repeat(5000)}x${'{{/with}}'.repeat(5000)}`);
    const r = cli(dir, ['build', '--readme-template', 'deep.hbs', '--out', 'out']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error: template deep.hbs nests too deeply to render');
    expect(r.stderr).not.toContain('    at ');
  });
});

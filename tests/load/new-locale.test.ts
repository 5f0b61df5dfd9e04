import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';
import { tempDir } from '../helpers/project.js';

// A partial Hindi label file: the keys it leaves out fall back to the shipped English ones.
const HINDI = ['contents: विषय-सूची', 'month: महीना', 'tasks: काम', 'personalPlan: आपकी {months}-महीने की योजना', 'fullStop: "।"', ''].join('\n');

/** A project of the shipped roadmaps with one new file, labels/hi.yaml: no code, no other change. */
async function hindiProject(): Promise<string> {
  const dir = await tempDir();
  await cp(fromRoot('roadmaps'), join(dir, 'roadmaps'), { recursive: true });
  await mkdir(join(dir, 'labels'));
  await writeFile(join(dir, 'labels', 'hi.yaml'), HINDI);
  return dir;
}

describe('a new locale from a label file alone', () => {
  it('builds --locale hi: its labels, Intl month names, English labels for the keys it leaves out, the content in the roadmap language', async () => {
    const dir = await hindiProject();
    const out = join(dir, 'out');
    const r = await runCli('build', '--project', dir, '--locale', 'hi', '--name', 'Asha', '--start', '2027-01', '--out', out, '--allow-missing-glyphs');
    expect(r.code).toBe(0);
    const readme = await readFile(join(out, 'mlops-engineer', 'asha-general', 'README.md'), 'utf8');
    expect(readme).toContain('## विषय-सूची');
    expect(readme).toContain('## आपकी 12-महीने की योजना');
    expect(readme).toContain('महीना 1-2 · जनवरी 2027 – फ़रवरी 2027');
    expect(readme).toContain('## Month by month'); // monthlyTasks: not in hi.yaml
    // No roadmap.hi.yaml: the content stays in the roadmap's own language.
    expect(readme).toContain('প্রতি 18-24 মাসে role/scope বাড়াও');
    const ics = await readFile(join(out, 'mlops-engineer', 'asha-general', 'plan.ics'), 'utf8');
    expect(ics).toContain('महीना 1-2');
  });

  it('reports the Devanagari letters no shipped font covers, instead of drawing empty boxes', async () => {
    const dir = await hindiProject();
    const r = await runCli('build', '--project', dir, '--locale', 'hi', '--name', 'Asha', '--start', '2027-01', '--out', join(dir, 'out'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/U\+092E/); // म, in महीना
  });

  it('is listed by validate with what it takes from elsewhere', async () => {
    const dir = await hindiProject();
    const r = await runCli('validate', '--project', dir, '--roadmap', 'mlops-engineer');
    expect(r.code).toBe(0);
    expect(r.out).toContain('hi: not translated (no roadmap.hi.yaml): the content stays in bn');
    expect(r.out).toMatch(/hi: \d+ labels taken from en: .*monthlyTasks/);
  });
});

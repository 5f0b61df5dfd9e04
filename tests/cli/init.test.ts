import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli, runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';
import { tempDir } from '../helpers/project.js';

/** Every file below `dir` with its bytes, by path. */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, Buffer>();
  for (const e of entries.filter((d) => d.isFile()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(e.parentPath, e.name);
    files.set(path.slice(dir.length + 1), await readFile(path));
  }
  return files;
}

describe('roadmap-press init', () => {
  it('writes a project that validate accepts and build turns into a workbook, in the folder and with --project', async () => {
    const parent = await tempDir();
    const init = runBuiltCli(parent, ['init', 'my-project']);
    expect(init.err).toBe('');
    expect(init.code).toBe(0);
    expect(init.out).toContain('roadmaps/my-roadmap/roadmap.yaml');
    expect(init.out).toMatch(/next steps:\n {2}cd my-project\n {2}roadmap-press validate .*\n {2}roadmap-press build /);
    const dir = join(parent, 'my-project');
    expect([...(await snapshot(dir)).keys()].sort()).toEqual(['labels/en.yaml', 'roadmap-press.config.yaml', 'roadmaps/my-roadmap/roadmap.yaml', 'roadmaps/roadmap.schema.json']);

    const validate = runBuiltCli(dir, ['validate']);
    expect(validate.err).toBe('');
    expect(validate.code).toBe(0);
    expect(validate.out).toContain('roadmaps/my-roadmap/roadmap.yaml: ok (3 levels, 3 plan entries, 0 specializations)');

    const build = runBuiltCli(dir, ['build']);
    expect(build.err).toBe('');
    expect(build.code).toBe(0);
    const learner = join(dir, 'out', 'my-roadmap', 'your-name-general');
    expect((await readdir(learner)).sort()).toEqual(['README.md', 'plan.ics', 'workbook.pdf']);
    const readme = await readFile(join(learner, 'README.md'), 'utf8');
    expect(readme).toContain('# My Roadmap — Your Name');
    expect(readme).toContain('Your 3-month plan');
    expect((await readFile(join(learner, 'workbook.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');

    // From outside, naming the project: the same roadmap.
    const outside = await tempDir();
    expect(runBuiltCli(outside, ['validate', '--project', dir]).out).toContain('my-roadmap/roadmap.yaml: ok');
    const fromOutside = runBuiltCli(outside, ['build', '--project', dir, '--name', 'Ada']);
    expect(fromOutside.code).toBe(0);
    expect((await readdir(join(outside, 'out', 'my-roadmap', 'ada-general'))).sort()).toEqual(['README.md', 'plan.ics', 'workbook.pdf']);
  });

  it('refuses a second run with exit 1, naming the files, and changes no byte', async () => {
    const dir = await tempDir();
    expect(runBuiltCli(dir, ['init']).code).toBe(0);
    await writeFile(join(dir, 'roadmaps', 'my-roadmap', 'roadmap.yaml'), 'edited by the user\n');
    const before = await snapshot(dir);
    const again = runBuiltCli(dir, ['init', '--templates']);
    expect(again.code).toBe(1);
    expect(again.out).toBe('');
    expect(again.err).toContain('refusing to overwrite');
    expect(again.err).toContain('roadmaps/my-roadmap/roadmap.yaml: already exists');
    expect(again.err).toContain('roadmap-press.config.yaml: already exists');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('refuses when only one file is in the way, writing none of the others', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'roadmap-press.config.yaml'), 'name: Mine\n');
    const r = runBuiltCli(dir, ['init']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('roadmap-press.config.yaml: already exists');
    expect([...(await snapshot(dir)).keys()]).toEqual(['roadmap-press.config.yaml']);
  });

  it('copies the shipped templates with --templates, and build reads them from the project', async () => {
    const dir = await tempDir();
    expect(runBuiltCli(dir, ['init', '--templates']).code).toBe(0);
    const shipped = await snapshot(fromRoot('templates'));
    const copied = await snapshot(join(dir, 'templates'));
    expect(copied).toEqual(shipped);
    // The project's copy is what a build reads: an edit shows in the README.
    const readme = join(dir, 'templates', 'readme.md.hbs');
    await writeFile(readme, `${await readFile(readme, 'utf8')}\nEdited in the project's own templates.\n`);
    expect(runBuiltCli(dir, ['build']).code).toBe(0);
    expect(await readFile(join(dir, 'out', 'my-roadmap', 'your-name-general', 'README.md'), 'utf8')).toContain("Edited in the project's own templates.");
  });

  it('is listed in the help, with its own help', async () => {
    const help = await runCli('--help');
    expect(help.out).toMatch(/init \[dir\]/);
    const own = await runCli('init', '--help');
    expect(own.code).toBe(0);
    expect(own.out).toContain('--templates');
  });
});

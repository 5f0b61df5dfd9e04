import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planWatch } from '../../src/cli/commands/watch-targets.js';
import { tempDir } from '../helpers/project.js';
import { ROOT as root } from '../helpers/paths.js';


/** A project whose fonts folder also holds a subfolder, output, dependencies and history. */
async function project() {
  const dir = await tempDir();
  for (const folder of ['roadmaps', 'labels']) await cp(join(root, folder), join(dir, folder), { recursive: true });
  await mkdir(join(dir, 'fonts', 'extra'), { recursive: true });
  for (const skipped of ['node_modules', '.git', 'out', 'built']) await mkdir(join(dir, 'fonts', skipped, 'deeper'), { recursive: true });
  const config = join(dir, 'press.yaml');
  await writeFile(config, 'fonts: fonts\nout: fonts/built\n');
  return { dir, config };
}

describe('planWatch', () => {
  it('plans the data, labels, templates, partials, fonts and config folders, walking fonts but not output, dependencies or history', async () => {
    const { dir, config } = await project();
    const plan = await planWatch({ config, data: join(dir, 'roadmaps', 'mlops-engineer', 'roadmap.yaml') });
    expect(plan.complete).toBe(true);
    const dirs = plan.targets.map((t) => t.dir);
    expect(dirs).toEqual(
      expect.arrayContaining([
        dir,
        join(dir, 'roadmaps', 'mlops-engineer'),
        join(dir, 'labels'),
        join(root, 'templates'),
        join(root, 'templates', 'partials'),
        join(dir, 'fonts'),
        join(dir, 'fonts', 'extra'),
      ]),
    );
    expect(dirs.filter((d) => d.startsWith(join(dir, 'fonts')) && /node_modules|\.git|out|built/.test(d))).toEqual([]);
    expect(new Set(dirs).size).toBe(dirs.length);
  });

  it("plans the project's roadmap that the build picks, not the shipped one", async () => {
    const { dir, config } = await project();
    const plan = await planWatch({ config, project: dir, roadmap: 'data-engineer' });
    const dirs = plan.targets.map((t) => t.dir);
    expect(dirs).toContain(join(dir, 'roadmaps', 'data-engineer'));
    expect(dirs.filter((d) => d.startsWith(join(root, 'roadmaps')))).toEqual([]);
  });

  it('lets through only the file names a build reads, not editors’ temporary files', async () => {
    const { dir, config } = await project();
    const plan = await planWatch({ config, data: join(dir, 'roadmaps', 'mlops-engineer', 'roadmap.yaml') });
    const matters = (folder: string, name: string) => plan.targets.find((t) => t.dir === folder)?.matters(name) ?? false;
    expect(matters(join(dir, 'roadmaps', 'mlops-engineer'), 'roadmap.yaml')).toBe(true);
    expect(matters(join(dir, 'roadmaps', 'mlops-engineer'), '.roadmap.yaml.swp')).toBe(false);
    expect(matters(join(dir, 'roadmaps', 'mlops-engineer'), 'roadmap.yaml~')).toBe(false);
    expect(matters(join(dir, 'roadmaps', 'mlops-engineer'), 'roadmap.schema.json')).toBe(false);
    expect(matters(join(dir, 'labels'), 'en.yaml')).toBe(true);
    expect(matters(join(dir, 'labels'), '4913')).toBe(false);
    expect(matters(join(dir, 'fonts'), 'stacks.json')).toBe(true);
    expect(matters(join(dir, 'fonts', 'extra'), 'Serif.otf')).toBe(true);
    expect(matters(join(dir, 'fonts'), 'OFL.txt')).toBe(false);
    expect(matters(join(root, 'templates', 'partials'), 'ladder.hbs')).toBe(true);
    expect(matters(dir, 'press.yaml')).toBe(true);
    expect(matters(dir, 'roadmap-press.config.yaml')).toBe(false);
  });

  it('plans only the config file while it cannot be read, so earlier watchers stay', async () => {
    const { dir, config } = await project();
    await writeFile(config, 'fonts: [fonts\n');
    const plan = await planWatch({ config });
    expect(plan).toMatchObject({ complete: false, targets: [{ dir }] });
    expect(plan.targets[0]?.matters('press.yaml')).toBe(true);
  });
});

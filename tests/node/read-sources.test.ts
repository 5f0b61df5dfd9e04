import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectOfDataFile, readTemplates, templatesFolderOf } from '../../src/node/read-sources.js';
import { fromRoot } from '../helpers/paths.js';
import { tempDir } from '../helpers/project.js';

/** A project with one roadmap file (its content does not matter here) and, if asked, its own templates/. */
async function project(withTemplates: boolean): Promise<{ dir: string; data: string }> {
  const dir = await tempDir();
  await mkdir(join(dir, 'roadmaps', 'x'), { recursive: true });
  const data = join(dir, 'roadmaps', 'x', 'roadmap.yaml');
  await writeFile(data, 'meta: {}\n');
  if (withTemplates) await cp(fromRoot('templates'), join(dir, 'templates'), { recursive: true });
  return { dir, data };
}

describe('templatesFolderOf', () => {
  it("reads a project's own templates/ by default, and the shipped ones when it has none", async () => {
    const own = await project(true);
    expect(await templatesFolderOf({ data: own.data })).toBe(join(own.dir, 'templates'));
    const none = await project(false);
    expect(await templatesFolderOf({ data: none.data })).toBe(fromRoot('templates'));
    expect(await templatesFolderOf({})).toBe(fromRoot('templates'));
  });

  it('lets --templates win over the project folder, and never looks beside a lone data file', async () => {
    const own = await project(true);
    const elsewhere = await tempDir();
    expect(await templatesFolderOf({ data: own.data, templates: elsewhere })).toBe(elsewhere);
    await cp(fromRoot('templates'), join(elsewhere, 'templates'), { recursive: true });
    await writeFile(join(elsewhere, 'roadmap.yaml'), 'meta: {}\n');
    expect(await templatesFolderOf({ data: join(elsewhere, 'roadmap.yaml') })).toBe(fromRoot('templates'));
    expect(projectOfDataFile(join(elsewhere, 'roadmap.yaml'))).toBeNull();
    expect(projectOfDataFile(own.data)).toBe(own.dir);
  });

  it("reads the project's template files, names them by their project path", async () => {
    const own = await project(true);
    await writeFile(join(own.dir, 'templates', 'readme.md.hbs'), '# own\n');
    const set = await readTemplates({ data: own.data });
    expect(set.readme.source).toBe('# own\n');
    expect(set.readme.file).toContain(join('templates', 'readme.md.hbs'));
  });
});

import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initProject, starterFiles } from '../../src/node/init-project.js';
import { readProjectSources } from '../../src/node/read-sources.js';
import { prepareProject } from '../../src/pipeline/prepare-project.js';
import { roadmapJsonSchema } from '../../src/schema/json-schema.js';
import { fromRoot } from '../helpers/paths.js';
import { tempDir } from '../helpers/project.js';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('starterFiles', () => {
  it('is a valid project: the roadmap, its schema as `schema` prints it, a partial label file and the config', async () => {
    const files = await starterFiles();
    expect(files.map((f) => f.name)).toEqual(['roadmaps/my-roadmap/roadmap.yaml', 'roadmaps/roadmap.schema.json', 'labels/en.yaml', 'roadmap-press.config.yaml']);
    const text = (name: string) => decode(files.find((f) => f.name === name)?.bytes ?? new Uint8Array());
    expect(text('roadmaps/my-roadmap/roadmap.yaml').split('\n')[0]).toBe('# yaml-language-server: $schema=../roadmap.schema.json');
    expect(JSON.parse(text('roadmaps/roadmap.schema.json'))).toEqual(roadmapJsonSchema());
    expect(text('roadmap-press.config.yaml')).toMatch(/^name: Your Name\nlocale: en\nout: out\n/m);
  });

  it('gives no seed facts: no L codes, no salaries, no seed names', async () => {
    const roadmap = decode((await starterFiles())[0]?.bytes ?? new Uint8Array());
    expect(roadmap).not.toMatch(/code: L\d|MLOps|^\s*salary:|Phase 12|\$\d/m);
  });

  it('sets one label and comments out the rest, so the others fall back to the shipped labels key by key', async () => {
    const dir = await tempDir();
    await initProject(dir);
    const labels = await readFile(join(dir, 'labels', 'en.yaml'), 'utf8');
    const live = labels.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(live).toEqual(['roadmapFor: Roadmap for']);
    const shippedKeys = (await readFile(fromRoot('labels', 'en.yaml'), 'utf8')).split('\n').flatMap((l) => /^([A-Za-z]+):/.exec(l)?.[1] ?? []);
    for (const key of shippedKeys.filter((k) => k !== 'roadmapFor')) expect(labels).toContain(`\n# ${key}:`);
    // Read as a build reads it: the project's labels equal the shipped English ones.
    const project = prepareProject(await readProjectSources({ data: join(dir, 'roadmaps', 'my-roadmap', 'roadmap.yaml') }));
    const shipped = prepareProject(await readProjectSources());
    expect(project.labels.en).toEqual(shipped.labels.en);
    expect(project.roadmap.meta.id).toBe('my-roadmap');
    expect(project.roadmap.levels.map((l) => l.code)).toEqual(['JR', 'MID', 'SR']);
    expect(Math.max(...project.roadmap.plan.entries.map((e) => e.months.to))).toBe(3);
  });
});

describe('initProject', () => {
  it('creates the folder when missing, and writes into an existing folder beside other files', async () => {
    const parent = await tempDir();
    const r = await initProject(join(parent, 'a', 'b'));
    expect(r.files).toContain('roadmap-press.config.yaml');
    expect(await readdir(join(parent, 'a', 'b'))).toContain('roadmaps');
    const other = await tempDir();
    await writeFile(join(other, 'notes.txt'), 'mine');
    await initProject(other);
    expect(await readFile(join(other, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses a file where a folder must go, a dangling symlink on a target, and a target folder, writing nothing', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'labels'), 'a file');
    await mkdir(join(dir, 'roadmaps', 'my-roadmap', 'roadmap.yaml'), { recursive: true });
    await symlink(join(dir, 'nowhere'), join(dir, 'roadmap-press.config.yaml'));
    const e = await initProject(dir).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'io', exitCode: 1 });
    const report = e instanceof Error ? e.message : '';
    expect(report).toContain('3 files');
    expect(report).toMatch(/labels: a file where init needs a folder/);
    expect(report).toMatch(/roadmap\.yaml: already exists/);
    expect(report).toMatch(/roadmap-press\.config\.yaml: already exists/);
    expect((await readdir(join(dir, 'roadmaps'))).sort()).toEqual(['my-roadmap']);
  });

  it('refuses when the folder itself is a file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'project'), 'a file');
    await expect(initProject(join(dir, 'project'))).rejects.toThrow(/a file where init needs a folder/);
  });
});

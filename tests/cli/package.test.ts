import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/project.js';
import { fromRoot, ROOT } from '../helpers/paths.js';

/**
 * The package as a user gets it: `npm pack`, installed from the tarball into an empty project
 * (dependencies from the npm cache `npm ci` filled, so mostly offline). Slow: one pack and one
 * install for the whole file.
 */
const TSC = fromRoot('node_modules', 'typescript', 'bin', 'tsc');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let tmp: string;
let app: string;
let packed: { scripts?: Record<string, string>; dependencies?: Record<string, string> };

beforeAll(async () => {
  tmp = await tempDir('roadmap-press-pack-');
  app = join(tmp, 'app');
  execFileSync(npm, ['pack', '--pack-destination', tmp, '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = (await readdir(tmp)).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${tmp}`);
  await mkdir(app);
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  execFileSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', join(tmp, tarball)], { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] });
  packed = JSON.parse(await readFile(join(app, 'node_modules/roadmap-press/package.json'), 'utf8'));
}, 600_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('has no install-time script that needs the repository (prepare would run tsc on install from git)', () => {
    const scripts = Object.keys(packed.scripts ?? {});
    for (const lifecycle of ['prepare', 'preinstall', 'install', 'postinstall']) expect(scripts).not.toContain(lifecycle);
    expect(packed.dependencies).toHaveProperty('@types/pdfkit');
  });

  it('installs only what it runs: no test tooling among its dependencies', () => {
    for (const testOnly of ['mupdf', 'vitest', 'fast-check', 'fast-xml-parser', 'pdfjs-dist']) expect(packed.dependencies).not.toHaveProperty(testOnly);
  });

  it('installs a working roadmap-press command', async () => {
    const bin = join(app, 'node_modules/roadmap-press/dist/cli/main.js');
    const r = spawnSync(process.execPath, [bin, 'build', '--name', 'Ada', '--locale', 'en', '--out', 'out'], { cwd: app, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const dir = /^built (out\/[^/]+\/[^/]+)\//.exec(r.stdout)?.[1];
    expect(dir, r.stdout).toBeDefined();
    const pdf = await readFile(join(app, dir ?? '', 'workbook.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await readFile(join(app, dir ?? '', 'README.md'), 'utf8')).toContain('Ada');
  }, 120_000);

  it("runs the README's library snippet", async () => {
    // The snippet as the README shows it, so the two cannot drift apart.
    const readme = await readFile(fromRoot('README.md'), 'utf8');
    const snippet = /## Library use\n+```ts\n([^]*?)```/.exec(readme)?.[1];
    expect(snippet, 'the README has a ```ts block under "## Library use"').toBeDefined();
    await writeFile(join(app, 'snippet.mjs'), `${snippet ?? ''}console.log(slug, artifacts.map((a) => a.name).join(' '));\n`);
    const r = spawnSync(process.execPath, ['snippet.mjs'], { cwd: app, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('rahim-llmops README.md plan.ics workbook.pdf');
  }, 120_000);

  it('type-checks for a TypeScript user without skipLibCheck', async () => {
    await writeFile(
      join(app, 'use.mts'),
      [
        "import { buildLearner, prepareProject, RoadmapError, type LearnerBuild } from 'roadmap-press';",
        "import { readProjectSources } from 'roadmap-press/node';",
        'const project = prepareProject(await readProjectSources());',
        "const build: LearnerBuild = await buildLearner(project, { name: 'Rahim', paper: 'Letter' });",
        "const problems: string[] = new RoadmapError('params', 'x').problems.map((p) => p.message);",
        'export { build, problems };',
      ].join('\n'),
    );
    await writeFile(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, skipLibCheck: false, types: [] }, files: ['use.mts'] }),
    );
    const r = spawnSync(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 300_000);
});

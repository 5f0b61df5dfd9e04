import { spawn } from 'node:child_process';
import { cp, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/project.js';
import { ROOT as root } from '../helpers/paths.js';

/** The built CLI by absolute path (npm test builds dist/ first): nothing resolves through the temp cwd. */
const cliMain = join(root, 'dist', 'cli', 'main.js');

/** Collects a child's output and waits (bounded) for a pattern to appear after a mark. */
function watcher(args: string[], cwd: string) {
  const child = spawn(process.execPath, [cliMain, ...args], {
    cwd,
    env: { ...process.env, SOURCE_DATE_EPOCH: '1796083200' },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const waitFor = async (pattern: RegExp, from: number, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (pattern.test(output.slice(from))) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${pattern}; output:\n${output}`);
  };
  return { child, waitFor, mark: () => output.length, output: () => output };
}

describe('build --watch', () => {
  it('rebuilds when the data changes and reports errors without exiting', async () => {
    const dir = await tempDir();
    for (const folder of ['roadmaps', 'labels']) await cp(join(root, folder), join(dir, folder), { recursive: true });
    const dataFile = join(dir, 'roadmaps', 'mlops-engineer', 'roadmap.yaml');
    const original = await readFile(dataFile, 'utf8');
    const w = watcher(['build', '--watch', '--data', dataFile, '--out', join(dir, 'out')], dir);
    try {
      await w.waitFor(/watching for changes/, 0);
      let mark = w.mark();
      await writeFile(dataFile, original.replace('max: 220000', 'max: "220k"'));
      await w.waitFor(/roadmap\.yaml:86:12 levels\[2\]\.salary\.max: expected a number, got "220k"[\s\S]*watching for changes/, mark);
      expect(w.child.exitCode).toBeNull();

      mark = w.mark();
      await writeFile(dataFile, original.replace('title: Junior MLOps Engineer', 'title: Apprentice MLOps Engineer'));
      await w.waitFor(/built [\s\S]*watching for changes/, mark);
      const readme = await readFile(join(dir, 'out', 'mlops-engineer', 'learner-general', 'README.md'), 'utf8');
      expect(readme).toContain('Apprentice MLOps Engineer');
    } finally {
      w.child.kill('SIGTERM');
    }
  });
});

/** An editor's safe write: the new text goes to a temporary file that is renamed over the original. */
async function atomicSave(file: string, text: string): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.swp`);
  await writeFile(temp, text);
  await rename(temp, file);
}

/** A temp project with its own data, templates and fonts, so every file the build reads can be edited. */
async function copiedProject(locale = 'bn') {
  const dir = await tempDir();
  for (const folder of ['roadmaps', 'labels', 'templates', 'fonts']) await cp(join(root, folder), join(dir, folder), { recursive: true });
  const args = ['build', '--watch', '--data', join(dir, 'roadmaps', 'mlops-engineer', 'roadmap.yaml'), '--templates', join(dir, 'templates'), '--fonts', join(dir, 'fonts')];
  // bn, the data's own language, so an edit of roadmap.yaml shows (an English build reads roadmap.en.yaml over it).
  return { dir, args: [...args, '--out', join(dir, 'out'), '--locale', locale] };
}

describe('build --watch after atomic saves', () => {
  it('rebuilds on every atomic save of the data file, not just the first', async () => {
    const { dir, args } = await copiedProject();
    const dataFile = join(dir, 'roadmaps', 'mlops-engineer', 'roadmap.yaml');
    const original = await readFile(dataFile, 'utf8');
    const w = watcher(args, dir);
    try {
      await w.waitFor(/watching for changes/, 0);
      for (const title of ['Apprentice', 'Trainee', 'Novice']) {
        const mark = w.mark();
        await atomicSave(dataFile, original.replace('title: Junior MLOps Engineer', `title: ${title} MLOps Engineer`));
        await w.waitFor(/changed: .*roadmap\.yaml\nrebuilt [\s\S]*watching for changes/, mark);
        const readme = await readFile(join(dir, 'out', 'mlops-engineer', 'learner-general', 'README.md'), 'utf8');
        expect(readme).toContain(`${title} MLOps Engineer`);
      }
      expect(w.output().match(/^rebuilt /gm)).toHaveLength(3);
    } finally {
      w.child.kill('SIGTERM');
    }
  });

  it('rebuilds after atomic saves of a template, a partial and the font stacks', async () => {
    const { dir, args } = await copiedProject();
    const readmeTemplate = join(dir, 'templates', 'readme.md.hbs');
    const partial = join(dir, 'templates', 'partials', 'ladder.hbs');
    const stacks = join(dir, 'fonts', 'stacks.json');
    const w = watcher(args, dir);
    try {
      await w.waitFor(/watching for changes/, 0);
      let mark = w.mark();
      await atomicSave(readmeTemplate, `<!-- edited template -->\n${await readFile(readmeTemplate, 'utf8')}`);
      await w.waitFor(/changed: .*readme\.md\.hbs\nrebuilt [\s\S]*watching for changes/, mark);
      expect(await readFile(join(dir, 'out', 'mlops-engineer', 'learner-general', 'README.md'), 'utf8')).toContain('<!-- edited template -->');

      mark = w.mark();
      await atomicSave(partial, `<!-- edited partial -->\n${await readFile(partial, 'utf8')}`);
      await w.waitFor(/changed: .*ladder\.hbs\nrebuilt [\s\S]*watching for changes/, mark);
      expect(await readFile(join(dir, 'out', 'mlops-engineer', 'learner-general', 'README.md'), 'utf8')).toContain('<!-- edited partial -->');

      // A stacks file naming a font that is not there proves the rebuild read the saved stacks.
      mark = w.mark();
      const goodStacks = await readFile(stacks, 'utf8');
      await atomicSave(stacks, goodStacks.replace('"NotoSansMono-Regular.ttf", "NotoSansBengali-Regular.ttf"', '"Missing-Mono.ttf"'));
      await w.waitFor(/changed: .*stacks\.json\nerror: [^\n]*Missing-Mono\.ttf[\s\S]*watching for changes/, mark);

      mark = w.mark();
      await atomicSave(stacks, goodStacks);
      await w.waitFor(/changed: .*stacks\.json\nrebuilt [\s\S]*watching for changes/, mark);
      expect(w.child.exitCode).toBeNull();
    } finally {
      w.child.kill('SIGTERM');
    }
  });

  it('reports bad YAML after an atomic save, keeps watching and rebuilds after the fix', async () => {
    const { dir, args } = await copiedProject();
    const dataFile = join(dir, 'roadmaps', 'mlops-engineer', 'roadmap.yaml');
    const original = await readFile(dataFile, 'utf8');
    const w = watcher(args, dir);
    try {
      await w.waitFor(/watching for changes/, 0);
      let mark = w.mark();
      await atomicSave(dataFile, original.replace('    title: Junior MLOps Engineer', '    title: [Junior MLOps Engineer'));
      await w.waitFor(/error: [\s\S]*roadmap\.yaml:\d+:\d+[\s\S]*watching for changes/, mark);
      expect(w.output().slice(mark)).not.toMatch(/internal error|\n\s+at /);
      expect(w.child.exitCode).toBeNull();

      mark = w.mark();
      await atomicSave(dataFile, original.replace('title: Junior MLOps Engineer', 'title: Fixed MLOps Engineer'));
      await w.waitFor(/rebuilt [\s\S]*watching for changes/, mark);
      expect(await readFile(join(dir, 'out', 'mlops-engineer', 'learner-general', 'README.md'), 'utf8')).toContain('Fixed MLOps Engineer');
    } finally {
      w.child.kill('SIGTERM');
    }
  });

  it('keeps watching a config file that is broken at start, and follows it and the labels once fixed', async () => {
    const { dir, args } = await copiedProject('en');
    const config = join(dir, 'roadmap-press.config.yaml');
    const labels = join(dir, 'labels', 'en.yaml');
    await writeFile(config, 'paper: [Letter\n');
    const w = watcher(args, dir);
    try {
      await w.waitFor(/error: [\s\S]*roadmap-press\.config\.yaml:\d+:\d+[\s\S]*watching for changes/, 0);
      expect(w.child.exitCode).toBeNull();

      let mark = w.mark();
      await atomicSave(config, 'paper: Letter\n');
      await w.waitFor(/changed: roadmap-press\.config\.yaml\nrebuilt [^\n]*, Letter\)[\s\S]*watching for changes/, mark);

      mark = w.mark();
      await atomicSave(labels, (await readFile(labels, 'utf8')).replace('personalPlan: Your {months}-month plan', 'personalPlan: Your own {months}-month plan'));
      await w.waitFor(/changed: labels\/en\.yaml\nrebuilt [\s\S]*watching for changes/, mark);
      expect(await readFile(join(dir, 'out', 'mlops-engineer', 'learner-general', 'README.md'), 'utf8')).toContain('Your own 12-month plan');
    } finally {
      w.child.kill('SIGTERM');
    }
  });
});

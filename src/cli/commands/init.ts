/** `roadmap-press init [dir]`: a new roadmap project to edit, and what to run next. */
import { relative, resolve } from 'node:path';
import { initProject } from '../../node/init-project.js';
import type { CliIO } from '../run-command.js';

export interface InitArgs {
  dir?: string | undefined;
  templates?: boolean | undefined;
}

/** A folder as `cd` takes it in a POSIX shell: quoted when it has anything but plain characters. */
function shellWord(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}

export async function runInit(args: InitArgs, io: CliIO): Promise<number> {
  const cwd = process.cwd();
  const result = await initProject(resolve(cwd, args.dir ?? '.'), { templates: Boolean(args.templates) });
  // Below the working directory: relative, as typed; elsewhere: absolute, not a climb of `../`.
  const rel = relative(cwd, result.dir);
  const shown = rel.startsWith('..') ? result.dir : rel;
  io.out(`wrote a roadmap project into ${shown === '' ? 'the current folder' : `${shown}/`}:`);
  for (const f of result.files) io.out(`  ${f}`);
  io.out('');
  io.out('next steps:');
  if (shown !== '') io.out(`  cd ${shellWord(shown)}`);
  io.out(`  roadmap-press validate   # check roadmaps/${result.roadmapId}/roadmap.yaml after each edit`);
  io.out(`  roadmap-press build      # README.md, plan.ics and workbook.pdf into out/${result.roadmapId}/<learner>/`);
  return 0;
}

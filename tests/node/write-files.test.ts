import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileSet } from '../../src/node/write-files.js';
import { tempDir } from '../helpers/project.js';

const bytes = (t: string) => new TextEncoder().encode(t);

describe('createFileSet', () => {
  it('writes every file, and leaves no temporary file behind', async () => {
    const dir = await tempDir();
    createFileSet([{ path: join(dir, 'a'), bytes: bytes('A') }, { path: join(dir, 'b'), bytes: bytes('B') }]);
    expect((await readdir(dir)).sort()).toEqual(['a', 'b']);
    expect(await readFile(join(dir, 'b'), 'utf8')).toBe('B');
  });

  it('never replaces a file that took a name meanwhile: it refuses and removes what it placed', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'b'), 'theirs');
    expect(() => createFileSet([{ path: join(dir, 'a'), bytes: bytes('A') }, { path: join(dir, 'b'), bytes: bytes('B') }])).toThrow(/refusing to overwrite .*b: it appeared while writing/);
    expect(await readdir(dir)).toEqual(['b']);
    expect(await readFile(join(dir, 'b'), 'utf8')).toBe('theirs');
  });
});

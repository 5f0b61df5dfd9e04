import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

describe('text engine core', () => {
  it('reads no files: only load-fonts-node.ts imports Node built-ins', () => {
    const dir = join(root, 'src/text');
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && f !== 'load-fonts-node.ts')
      .filter((f) => /from '(node:|fs|path|os|child_process)/.test(readFileSync(join(dir, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

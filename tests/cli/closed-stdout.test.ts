import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI_MAIN } from '../helpers/paths.js';

const MAIN = CLI_MAIN;

/** Runs the built CLI with stdout a pipe that is closed at `when`, like `| head -1`. */
function runWithClosedStdout(argv: string[], when: 'at once' | 'after the first chunk'): Promise<{ code: number | null; signal: string | null; err: string; chunks: number }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [MAIN, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let chunks = 0;
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    if (when === 'at once') child.stdout.destroy();
    else
      child.stdout.on('data', () => {
        chunks++;
        child.stdout.destroy();
      });
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, err, chunks }));
  });
}

describe('a closed stdout', () => {
  // Closing before the first write makes the EPIPE certain; after the first chunk is `| head -1`.
  it.each([
    [['tracks'], 'at once'],
    [['schema'], 'at once'],
    [['levels'], 'at once'],
    [['tracks'], 'after the first chunk'],
    [['--help'], 'after the first chunk'],
  ] as const)('%j with stdout closed %s exits 0 without a stack trace', async (argv, when) => {
    const r = await runWithClosedStdout([...argv], when);
    expect(r.err).toBe('');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    if (when === 'after the first chunk') expect(r.chunks).toBe(1);
  });
});

describe('a stdout that cannot be written', () => {
  it.skipIf(!existsSync('/dev/full'))('(a full disk, /dev/full) fails with exit 1 and one line, no stack trace', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [MAIN, 'schema'], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(r.stderr).toBe('error: cannot write to standard output: ENOSPC\n');
      expect(r.status).toBe(1);
    } finally {
      closeSync(full);
    }
  });
});

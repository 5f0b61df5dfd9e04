import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/batch/progress.js';

function recorder(live: boolean, quiet = false) {
  let clock = 0;
  const out: string[] = [];
  const progress = createProgress({ quiet, live, write: (t) => out.push(t), now: () => clock });
  return { progress, out, advance: (ms: number) => (clock += ms) };
}

describe('batch progress', () => {
  it('draws one live bar with count, rate and ETA on a terminal', () => {
    const r = recorder(true);
    r.progress.start(10);
    r.advance(1000);
    r.progress.tick(2, 0);
    r.advance(1000);
    r.progress.tick(4, 1);
    r.progress.finish();
    expect(r.out[0]).toBe('\r[#####...................] 2/10 built · 2.0/s · ETA 4s\x1b[K');
    expect(r.out[1]).toBe('\r[##########..............] 4/10 built, 1 failed · 2.0/s · ETA 3s\x1b[K');
    expect(r.out[2]).toBe('\n');
  });

  it('prints a plain line at most every 2 s in CI logs, and always the last one', () => {
    const r = recorder(false);
    r.progress.start(100);
    for (let i = 1; i <= 100; i++) {
      r.advance(100);
      r.progress.tick(i, 0);
    }
    expect(r.out.every((l) => l.startsWith('batch: ') && l.endsWith('\n') && !l.includes('\r'))).toBe(true);
    expect(r.out).toHaveLength(5);
    expect(r.out.at(-1)).toBe('batch: 100/100 built · 10.0/s · ETA 0s\n');
  });

  it('prints nothing when quiet', () => {
    const r = recorder(true, true);
    r.progress.start(3);
    r.progress.tick(3, 0);
    r.progress.finish();
    expect(r.out).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { affinityKey, poolSize, takeJob } from '../../src/batch/pool.js';
import type { BuildJob } from '../../src/batch/protocol.js';

const job = (index: number, locale: 'bn' | 'en', paper: 'A4' | 'Letter', track?: string): BuildJob => ({
  index,
  params: { locale, paper, level: 'L1', ...(track ? { track } : {}) },
  roadmap: 'mlops-engineer',
  folder: `learner-${index}`,
  inputHash: String(index),
});

describe('takeJob', () => {
  const queue = () => [job(0, 'bn', 'A4', 'llmops'), job(1, 'en', 'Letter', 'llmops'), job(2, 'bn', 'A4', 'llmops'), job(3, 'en', 'A4')];

  it('gives a worker the next learner of a kind it has already built', () => {
    const q = queue();
    const seen = new Set([affinityKey(job(9, 'en', 'Letter', 'llmops'))]);
    expect(takeJob(q, seen, seen)?.index).toBe(1);
    expect(q.map((j) => j.index)).toEqual([0, 2, 3]);
  });

  it('gives a new worker a kind no other worker has started', () => {
    const q = queue();
    const claimed = new Set([affinityKey(job(9, 'bn', 'A4', 'llmops'))]);
    expect(takeJob(q, new Set(), claimed)?.index).toBe(1);
  });

  it('takes the head of the queue when every kind is another worker’s, so no worker idles', () => {
    const q = queue();
    const claimed = new Set(q.map(affinityKey));
    expect(takeJob(q, new Set(), claimed)?.index).toBe(0);
    expect(takeJob([], new Set(), claimed)).toBeUndefined();
  });

  it('tells kinds apart by locale, paper and track', () => {
    const keys = new Set([job(0, 'bn', 'A4'), job(1, 'en', 'A4'), job(2, 'bn', 'Letter'), job(3, 'bn', 'A4', 'llmops')].map(affinityKey));
    expect(keys.size).toBe(4);
  });
});

describe('poolSize', () => {
  it('starts no more workers than learners to build, and says so when fewer than asked', () => {
    expect(poolSize(64, 3, 2)).toEqual({ size: 3, note: 'batch: using 3 workers (asked for 64; 3 learners to build)' });
    expect(poolSize(2, 1, 8)).toEqual({ size: 1, note: 'batch: using 1 worker (asked for 2; 1 learner to build)' });
  });

  it('caps a huge request at twice the cores', () => {
    expect(poolSize(1e9, 5_000, 2)).toEqual({ size: 4, note: 'batch: using 4 workers (asked for 1000000000; at most 2 × 2 cores)' });
    expect(poolSize(Number.POSITIVE_INFINITY, 5_000, 1).size).toBe(2);
  });

  it('gives what was asked within the bounds, silently', () => {
    expect(poolSize(3, 10, 2)).toEqual({ size: 3, note: null });
    expect(poolSize(4, 4, 2)).toEqual({ size: 4, note: null });
  });

  it('defaults to the cores, capped by the learners without a note', () => {
    expect(poolSize(undefined, 100, 6)).toEqual({ size: 6, note: null });
    expect(poolSize(undefined, 2, 6)).toEqual({ size: 2, note: null });
  });

  it('uses one worker for a value the CLI would refuse', () => {
    expect(poolSize(0, 10, 4).size).toBe(1);
    expect(poolSize(Number.NaN, 10, 4).size).toBe(1);
  });
});

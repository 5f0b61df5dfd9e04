import { describe, expect, it } from 'vitest';
import { affinityKey, takeJob } from '../../src/batch/pool.js';
import type { BuildJob } from '../../src/batch/protocol.js';

const job = (index: number, locale: 'bn' | 'en', paper: 'A4' | 'Letter', track?: string): BuildJob => ({
  index,
  params: { locale, paper, level: 'L1', ...(track ? { track } : {}) },
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

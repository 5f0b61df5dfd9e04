import { RoadmapError } from '../errors.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses `i/n` (1 ≤ i ≤ n). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new RoadmapError('usage', `--shard: "${text}" is not a shard; use i/n with 1 <= i <= n, e.g. 2/4`);
  }
  return { index, count };
}

/**
 * Whether list position `position` belongs to a shard. Round-robin over the whole list (not
 * contiguous blocks) so that each shard gets a similar mix of tracks, locales and papers;
 * n shards together cover the list exactly once.
 */
export function inShard(position: number, shard: Shard | null): boolean {
  return shard === null || position % shard.count === shard.index - 1;
}

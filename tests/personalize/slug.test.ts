import { describe, expect, it } from 'vitest';
import { learnerSlug, slugify } from '../../src/personalize/slug.js';

describe('learnerSlug', () => {
  it('names the folder by name and track', () => {
    expect(learnerSlug('Rahim Uddin', 'llmops')).toBe('rahim-uddin-llmops');
    expect(learnerSlug('José Núñez', 'edge-ml')).toBe('jose-nunez-edge-ml');
  });

  it('keeps Bengali names readable', () => {
    expect(learnerSlug('রাহাত করিম', 'general')).toBe('রাহাত-করিম-general');
  });

  it.each(['../../x', '..\\..\\x', '/etc/passwd', 'C:\\Windows', '.hidden', '..', '.', 'a/../../b', '\u0000nul'])(
    'turns %j into a plain folder name',
    (name) => {
      const slug = learnerSlug(name, 'llmops');
      expect(slug).toMatch(/^[\p{L}\p{N}][\p{L}\p{M}\p{N}-]*$/u);
      expect(slug).not.toContain('..');
      expect(slug).not.toMatch(/[\\/:.]/);
    },
  );

  it('never yields a reserved device name or an empty slug', () => {
    expect(slugify('con')).toBe('con');
    expect(learnerSlug('con', '')).toBe('con-general');
    expect(learnerSlug('', '')).toBe('learner-general');
    expect(learnerSlug('😀🎉', 'platform')).toBe('learner-platform');
  });

  it('bounds the length of very long names', () => {
    const slug = learnerSlug('ক'.repeat(10_000), 'ml-infra');
    expect(slug.length).toBeLessThanOrEqual(64 + '-ml-infra'.length);
    expect(slug.endsWith('-ml-infra')).toBe(true);
  });
});

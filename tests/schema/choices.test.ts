import { describe, expect, it } from 'vitest';
import { matchChoice } from '../../src/schema/choices.js';
import { nearest } from '../../src/personalize/suggest.js';

describe('matchChoice', () => {
  it('matches exactly, then ignoring case and surrounding space', () => {
    expect(matchChoice('A4', ['A4', 'Letter'])).toBe('A4');
    expect(matchChoice(' letter ', ['A4', 'Letter'])).toBe('Letter');
    expect(matchChoice('A3', ['A4', 'Letter'])).toBeUndefined();
  });

  it('does not guess between choices that differ only by case', () => {
    expect(matchChoice('ab', ['aB', 'Ab'])).toBeUndefined();
    expect(matchChoice('Ab', ['aB', 'Ab'])).toBe('Ab');
  });
});

describe('nearest', () => {
  it('counts a swap of neighbours as one slip', () => {
    expect(nearest('buidl', ['batch', 'build', 'proof'])).toBe('build');
    expect(nearest('nmae', ['name', 'out', 'paper'])).toBe('name');
  });

  it('picks the nearest number among codes with a common prefix', () => {
    const levels = ['L1', 'L2', 'L3', 'L4', 'L5'];
    expect(nearest('L7', levels)).toBe('L5');
    expect(nearest('l0', levels)).toBe('L1');
    expect(nearest('L3', levels)).toBe('L3');
  });
});

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildText } from '../helpers/project.js';
import { fromRoot } from '../helpers/paths.js';

const BENGALI = /[\u0980-\u09FF]/;
// The web page's own chrome: breadcrumb, back link and the "next chapter … soon" badge.
const CHROME = [/^হোম\//, /^← /, /^পরবর্তী:/];

/** Every Bengali-bearing sentence of the seed page's content, split at the danda (।). */
async function seedSentences(): Promise<string[]> {
  const page = await readFile(fromRoot('tests', 'fixtures', 'seed-page.txt'), 'utf8');
  return page
    .normalize('NFC')
    .split('\n')
    .map((line) => line.replace(/^\s*•\s*/, '').trim())
    .filter((line) => line && !CHROME.some((c) => c.test(line)))
    .flatMap((line) => line.split('।'))
    .map((s) => s.trim())
    .filter((s) => BENGALI.test(s));
}

describe('the seed page in the README', () => {
  it('finds the Bengali sentences to check', async () => {
    const sentences = await seedSentences();
    expect(sentences.length).toBeGreaterThanOrEqual(15);
    expect(sentences).toContain('প্রতি 18-24 মাসে role/scope বাড়াও');
    expect(sentences.some((s) => s.startsWith('পরবর্তী'))).toBe(false);
  });

  it('keeps every Bengali sentence verbatim in the bn README', async () => {
    const readme = (await buildText({ locale: 'bn', track: 'llmops', start: '2027-01' })).normalize('NFC');
    const missing = (await seedSentences()).filter((s) => !readme.includes(s));
    expect(missing).toEqual([]);
  });

  it('gives the en README in English: none of the seed\'s Bengali sentences, no Bengali letter outside the parameters', async () => {
    const readme = (await buildText({ locale: 'en', track: 'llmops', start: '2027-01' })).normalize('NFC');
    expect((await seedSentences()).filter((s) => readme.includes(s))).toEqual([]);
    expect(readme).not.toMatch(BENGALI);
  });
});

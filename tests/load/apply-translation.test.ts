import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import { applyTranslation } from '../../src/load/apply-translation.js';
import { parseDocumentText } from '../../src/load/parse-document.js';

const original = {
  meta: { id: 'demo', title: 'Titel', language: 'de' },
  levels: [
    { code: 'J1', title: 'Junior', skills: ['SQL', 'Python'], years: { from: 0, to: 2 } },
    { code: 'J2', title: 'Senior', skills: ['Spark'] },
  ],
};
const overlay = (text: string) => applyTranslation(original, parseDocumentText(text, 'roadmap.en.yaml'));

describe('applyTranslation', () => {
  it('puts each text in place by key and list position, keeping ids, codes and numbers', () => {
    const t = overlay('meta:\n  title: Title\nlevels:\n  - title: Beginner\n    skills: [SQL, Python 3]\n  - title: Expert\n    skills: [Spark]\n');
    expect(t.problems).toEqual([]);
    expect(t.missing).toEqual([]);
    expect(t.value).toEqual({
      meta: { id: 'demo', title: 'Title', language: 'de' },
      levels: [
        { code: 'J1', title: 'Beginner', skills: ['SQL', 'Python 3'], years: { from: 0, to: 2 } },
        { code: 'J2', title: 'Expert', skills: ['Spark'] },
      ],
    });
  });

  it('keeps the original of a text the overlay leaves out, and lists its path (never an id or code)', () => {
    const t = overlay('levels:\n  - title: Beginner\n  - title: Expert\n');
    expect(t.missing).toEqual(['meta.title', 'levels[0].skills[0]', 'levels[0].skills[1]', 'levels[1].skills[0]']);
    expect(t.value).toMatchObject({ meta: { title: 'Titel' }, levels: [{ title: 'Beginner', skills: ['SQL', 'Python'] }, { title: 'Expert', skills: ['Spark'] }] });
  });

  it('locates what does not fit the original: a translated code, an unknown key, a list of another length, a number', () => {
    const t = overlay('meta:\n  id: other\n  titel: Title\nlevels:\n  - title: A\n    years: {from: 1}\n');
    expect(t.problems.map(formatProblem)).toEqual([
      'roadmap.en.yaml:3:3 meta: unknown key "titel": the original has no meta.titel',
      'roadmap.en.yaml:2:7 meta.id: id is not translated: leave it out of the translation',
      'roadmap.en.yaml:5:3 levels: expected 2 items, as in the original (matched item by item), got 1',
    ]);
    const n = overlay('levels:\n  - years: {from: 1}\n  - {}\n');
    expect(n.problems.map(formatProblem)).toEqual(['roadmap.en.yaml:2:19 levels[0].years.from: not a text: leave it out of the translation']);
  });

  it('holds a translated text to the same text rules as the original', () => {
    const t = overlay('meta:\n  title: "   "\n');
    expect(t.problems).toHaveLength(1);
    expect(t.problems[0]).toMatchObject({ file: 'roadmap.en.yaml', line: 2, path: 'meta.title' });
    expect(t.value).toMatchObject({ meta: { title: 'Titel' } });
  });
});

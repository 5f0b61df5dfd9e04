import { describe, expect, it } from 'vitest';
import { lexWorkbook } from '../../src/markdown/lex-workbook.js';
import { githubAnchors, workbookHeadingIds } from '../../src/markdown/heading-ids.js';

const lex = (md: string) => lexWorkbook(md, { file: 'test.md' });

describe('githubAnchors (the README rule)', () => {
  it('numbers duplicate slugs as GitHub does and keeps non-ASCII slugs', () => {
    const anchors = githubAnchors('# Title\n\n## Month 1\n\n## Month 1\n\n## মাস ১\n');
    expect(anchors.map((a) => a.anchor)).toEqual(['title', 'month-1', 'month-1-1', 'মাস-১']);
    expect(anchors.map((a) => a.depth)).toEqual([1, 2, 2, 2]);
  });

  it('leaves headings in blockquotes out', () => {
    expect(githubAnchors('> ## Quoted\n\n## Plain\n').map((a) => a.text)).toEqual(['Plain']);
  });
});

describe('workbookHeadingIds (the PDF rule)', () => {
  it('takes an explicit {# id } and removes it from the title', () => {
    const { list } = workbookHeadingIds(lex('## Month 1 {# m1 }\n'));
    expect(list).toEqual([{ id: 'm1', title: 'Month 1', depth: 2, order: 0 }]);
  });

  it('uses section-N for a non-ASCII slug and appends -1 to a used id', () => {
    const { list } = workbookHeadingIds(lex('## মাস ১\n\n## Plan\n\n## Plan {# plan }\n'));
    expect(list.map((h) => h.id)).toEqual(['section-1', 'plan', 'plan-1']);
  });

  it('looks into blockquotes and containers, leaves cover headings out of the list, maps slugs to ids', () => {
    const ids = workbookHeadingIds(lex('::: cover\n# Cover\n:::\n\n> ## Quoted\n\n## Fixed {# fx }\n'));
    expect(ids.list.map((h) => h.id)).toEqual(['quoted', 'fx']);
    expect(ids.slugToId.get('fixed')).toBe('fx');
  });
});

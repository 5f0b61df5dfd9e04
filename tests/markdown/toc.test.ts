import { describe, expect, it } from 'vitest';
import { isDirective, type DirectiveToken } from '../../src/markdown/directives.js';
import { workbookHeadingIds } from '../../src/markdown/heading-ids.js';
import { lexWorkbook } from '../../src/markdown/lex-workbook.js';
import { expandToc, workbookTocEntries } from '../../src/markdown/toc.js';

describe('expandToc (the README rule)', () => {
  it('lists the level 2-3 headings after ::: toc with GitHub anchors, escaped', () => {
    const md = '# Title\n\n## Before\n\n::: toc\n\n## A *b*\n\n### C\n\n#### D\n';
    expect(expandToc(md, (s) => s.replace(/\*/g, '\\*'))).toBe('# Title\n\n## Before\n\n- [A b](#a-b)\n  - [C](#c)\n\n## A *b*\n\n### C\n\n#### D\n');
  });
});

describe('workbookTocEntries (the PDF rule)', () => {
  it('takes the headings after the directive down to its depth (default 2)', () => {
    const tokens = lexWorkbook('## Before\n\n::: toc\n\n# One\n\n## Two\n\n### Three\n\n::: toc 3\n\n### Four\n', { file: 'test.md' });
    const ids = workbookHeadingIds(tokens);
    const [first, second] = tokens.filter((t): t is typeof t & DirectiveToken => isDirective(t));
    if (!first || !second) throw new Error('expected two toc directives');
    expect(workbookTocEntries(ids, first).map((h) => h.title)).toEqual(['One', 'Two']);
    expect(workbookTocEntries(ids, second).map((h) => h.title)).toEqual(['Four']);
  });
});

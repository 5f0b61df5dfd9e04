import { describe, expect, it } from 'vitest';
import { lexWorkbook } from '../../src/markdown/lex-workbook.js';

describe('lexWorkbook', () => {
  it('parses leaf and container directives into tokens', () => {
    const tokens = lexWorkbook('# A\n\n::: toc 3\n\n::: notes 8\n\n::: keep\ntext\n\n- [ ] x\n:::\n\n::: pagebreak\n', { file: 't' });
    const d = tokens.filter((t) => t.type === 'directive') as unknown as { name: string; args: string; tokens: { type: string }[] }[];
    expect(d.map((x) => [x.name, x.args])).toEqual([['toc', '3'], ['notes', '8'], ['keep', ''], ['pagebreak', '']]);
    expect(d[2]!.tokens.map((t) => t.type)).toEqual(['paragraph', 'space', 'list']);
  });

  it('cuts a paragraph at a directive line', () => {
    const tokens = lexWorkbook('some text\n::: pagebreak\nmore', { file: 't' });
    expect(tokens.map((t) => t.type)).toEqual(['paragraph', 'directive', 'paragraph']);
  });
});

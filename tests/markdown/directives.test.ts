import { describe, expect, it } from 'vitest';
import { RoadmapError } from '../../src/errors.js';
import { checkDirectives, lexWorkbook } from '../../src/markdown/directives.js';

function problems(md: string, source?: string) {
  try {
    checkDirectives(md, { file: 'templates/workbook.md.hbs', ...(source !== undefined ? { source } : {}) });
  } catch (e) {
    expect(e).toBeInstanceOf(RoadmapError);
    expect((e as RoadmapError).kind).toBe('template');
    return (e as RoadmapError).problems;
  }
  return [];
}

describe('workbook directives', () => {
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

  it('names the template file and the template line of an unknown directive', () => {
    const source = '# {{title}}\n\n{{#each x}}\n::: notez 3\n{{/each}}\n';
    const [p, ...rest] = problems('# T\n\n::: notez 3\n', source);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: 'templates/workbook.md.hbs', line: 4 });
    expect(p!.message).toMatch(/unknown directive "notez"/);
  });

  it('reports malformed arguments, stray closers and unclosed containers, all at once', () => {
    const ps = problems('::: notes many\n\n:::\n\n::: pagebreak now\n\n::: toc 9\n\n::: cover\n# x\n');
    expect(ps.map((p) => p.message)).toEqual([
      expect.stringMatching(/notes.*number of lines/),
      expect.stringMatching(/closing ":::"/),
      expect.stringMatching(/pagebreak.*no arguments/),
      expect.stringMatching(/toc.*depth/),
      expect.stringMatching(/cover.*never closed/),
    ]);
    expect(ps.map((p) => p.line)).toEqual([1, 3, 5, 7, 9]);
  });

  it('ignores ::: inside fenced code', () => {
    expect(problems('```\n::: whatever\n```\n')).toEqual([]);
  });

  it('rejects nested containers', () => {
    expect(problems('::: keep\n::: keep\n:::\n')[0]?.message).toMatch(/do not nest/);
  });

  it('treats names of Object.prototype members as unknown directives', () => {
    expect(problems('::: toString\n')[0]?.message).toMatch(/unknown directive "toString"/);
  });
});

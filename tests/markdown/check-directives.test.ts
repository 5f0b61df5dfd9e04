import { describe, expect, it } from 'vitest';
import { RoadmapError } from '../../src/errors.js';
import { checkDirectives } from '../../src/markdown/check-directives.js';

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

describe('checkDirectives', () => {
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

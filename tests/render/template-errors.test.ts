import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import { createHandlebars } from '../../src/render/handlebars-env.js';
import type { TemplateSet } from '../../src/render/template-set.js';
import { roadmapErrorOf } from '../helpers/errors.js';

function set(readme: string, partials: Record<string, string> = {}): TemplateSet {
  return {
    readme: { file: 'my/readme.md.hbs', source: readme },
    workbook: { file: 'my/workbook.md.hbs', source: '# x' },
    partials: Object.fromEntries(Object.entries(partials).map(([k, v]) => [k, { file: `my/partials/${k}.hbs`, source: v }])),
  };
}

describe('templates', () => {
  it("fills a label's placeholders from the helper's own arguments only, never from inherited members", () => {
    const hb = createHandlebars(set('{{format label n=3}}\n'));
    expect(hb.render('readme', { label: 'page {n}' })).toBe('page 3\n');
    const e = roadmapErrorOf(() => hb.render('readme', { label: 'page {n}, {constructor}, {toString}' }));
    expect(e.message).toContain('has {constructor}, which this call does not give (n=)');
  });

  it('says what a failing helper said once, as the problem under a short summary', () => {
    const e = roadmapErrorOf(() => createHandlebars(set('{{join 5}}\n')).render('readme', {}));
    expect(e.summary).toBe('template my/readme.md.hbs failed');
    expect(e.message.match(/join expects a list/g)).toHaveLength(1);
  });

  it('fails on a missing value, naming the template and line, never printing a blank', () => {
    const hb = createHandlebars(set('# Title\n\nHello {{learner.nmae}}!\n'));
    const e = roadmapErrorOf(() => hb.render('readme', { learner: { name: 'x' } }));
    expect(e.kind).toBe('template');
    expect(e.problems.map(formatProblem)).toEqual(['my/readme.md.hbs:3:9: "nmae" is not defined (strict mode: a missing value is an error, never a blank)']);
  });

  it('names the partial when the missing value is inside one', () => {
    const hb = createHandlebars(set('# T\n{{> card}}\n', { card: 'line one\n{{nope}}\n' }));
    const e = roadmapErrorOf(() => hb.render('readme', {}));
    expect(e.problems[0]?.file).toBe('my/partials/card.hbs');
    expect(e.problems[0]?.line).toBe(2);
  });

  it('reports a syntax error with its line', () => {
    const e = roadmapErrorOf(() => createHandlebars(set('# T\n\n{{#each items}}\n- {{this}}\n')));
    expect(e.problems[0]?.file).toBe('my/readme.md.hbs');
    expect(e.message).toContain('syntax error');
  });

  it('escapes values for Markdown but leaves triple-stash output raw', () => {
    const hb = createHandlebars(set('{{a}} {{{a}}}'));
    expect(hb.render('readme', { a: '*x*' })).toBe('\\*x\\* *x*');
  });

  it('does not change the global Handlebars escaping', async () => {
    createHandlebars(set('{{a}}'));
    const { default: Handlebars } = await import('handlebars');
    expect(Handlebars.compile('{{a}}')({ a: '<b>' })).toBe('&lt;b&gt;');
  });
});

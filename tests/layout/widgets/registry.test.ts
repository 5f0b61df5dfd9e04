import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../src/layout/layout.js';
import { WIDGETS } from '../../../src/layout/widgets/registry.js';
import { DIRECTIVES } from '../../../src/markdown/directives.js';
import { lexWorkbook } from '../../../src/markdown/lex-workbook.js';
import { fakeMeasurer } from '../fake-measurer.js';

const review = { review: 'Review', wentWell: 'Went well', blockedBy: 'Blocked', nextSteps: 'Next' };
const lay = (md: string) => layoutDocument(lexWorkbook(md, { file: 'test.md' }), fakeMeasurer(), { paper: 'A4', widgets: { review } });

describe('the widget registry', () => {
  it('has a widget for every directive and nothing else', () => {
    expect(Object.keys(WIDGETS).sort()).toEqual(Object.keys(DIRECTIVES).sort());
  });

  it('starts a new page for ::: pagebreak and puts ::: cover on pages of its own', () => {
    expect(lay('one\n\n::: pagebreak\n\ntwo\n').pages).toHaveLength(2);
    const r = lay('before\n\n::: cover\ncover text\n:::\n\nafter\n');
    expect(r.pages.map((p) => p.cover)).toEqual([false, true, false]);
  });

  it('splits ::: notes over pages when it is longer than a page, one field per part', () => {
    const r = lay('## Plan\n\n::: notes 120\n');
    expect(r.fields.length).toBeGreaterThan(1);
    expect(r.pages.length).toBeGreaterThanOrEqual(r.fields.length);
    expect(r.fields).toEqual(r.fields.map((_, i) => (i === 0 ? 'plan.notes' : `plan.notes-${i + 1}`)));
  });

  it('lays out no ::: timeline without timeline data', () => {
    expect(lay('::: timeline\n').pages[0]?.items).toEqual([]);
  });
});

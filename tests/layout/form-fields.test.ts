import { describe, expect, it } from 'vitest';
import { FormFields } from '../../src/layout/form-fields.js';

describe('FormFields', () => {
  it('names fields after the section, numbering checkboxes and repeated kinds', () => {
    const fields = new FormFields();
    fields.name('notes', false);
    fields.enterSection('month-1');
    fields.checkbox();
    fields.checkbox();
    fields.name('notes', false);
    fields.name('notes', false);
    expect(fields.names).toEqual(['doc.notes', 'month-1.check-1', 'month-1.check-2', 'month-1.notes', 'month-1.notes-2']);
    expect(fields.checkboxes).toBe(2);
  });
});

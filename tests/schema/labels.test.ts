import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatLabel, LABEL_PLACEHOLDERS, LabelsSchema, PartialLabelsSchema, placeholdersOf, type Labels } from '../../src/schema/labels.js';
import { fromRoot } from '../helpers/paths.js';

const shipped = async (locale: string): Promise<Labels> => LabelsSchema.parse(parse(await readFile(fromRoot('labels', `${locale}.yaml`), 'utf8')));

describe('labels', () => {
  it('lists the placeholders a text uses, in order', () => {
    expect(placeholdersOf('Page {n} of {total}')).toEqual(['n', 'total']);
    expect(placeholdersOf('no {} or {1x} here')).toEqual([]);
  });

  it('fills the placeholders of a shipped label from the data, in each locale', async () => {
    const en = await shipped('en');
    expect(formatLabel(en, 'personalPlan', { months: '6' })).toBe('Your 6-month plan');
    expect(formatLabel(en, 'salary', { currency: 'EUR', period: 'month' })).toBe('Salary (EUR / month)');
    expect(formatLabel(await shipped('bn'), 'personalPlan', { months: '6' })).toBe('তোমার 6-month plan');
  });

  it('ships, in every locale, only the placeholders each key takes', async () => {
    for (const locale of ['bn', 'en']) {
      const labels = await shipped(locale);
      for (const [key, allowed] of Object.entries(LABEL_PLACEHOLDERS)) {
        const used = placeholdersOf(labels[key as keyof Labels]); // Object.entries loses the literal keys
        expect(used.filter((p) => !(allowed as readonly string[]).includes(p)), `${locale} ${key}`).toEqual([]);
      }
    }
  });

  it('refuses a placeholder a key does not take, naming the ones it does, and an unknown key', () => {
    const r = PartialLabelsSchema.safeParse({ personalPlan: 'Your {weeks}-week plan', tasks: 'Tasks {n}' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'personalPlan: {weeks} is not a placeholder of personalPlan: it takes {months}',
      'tasks: {n} is not a placeholder of tasks: it takes none',
    ]);
    expect(PartialLabelsSchema.safeParse({ taks: 'Tasks' }).success).toBe(false);
    expect(PartialLabelsSchema.safeParse({ tasks: 'Tasks' }).success).toBe(true);
  });
});

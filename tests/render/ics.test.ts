import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildText } from '../helpers/project.js';

describe('plan.ics', () => {
  it('parses as iCalendar with one all-day event per plan entry and check-in', async () => {
    const ics = await buildText({ name: 'Rahim', start: '2027-11', track: 'llmops' }, 'plan.ics');
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(9);
    const first = events[0]!;
    expect(first.startDate.isDate).toBe(true);
    expect(first.startDate.toString()).toBe('2027-11-01');
    // DTEND is exclusive: months 1-2 of a November start end on 31 December.
    expect(first.endDate.toString()).toBe('2028-01-01');
    expect(first.summary).toBe('মাস ১-২: Python deep + Docker + FastAPI + sklearn');
    expect(first.description).toContain('☐ ');
    expect(events.map((e) => e.uid)).toEqual(expect.arrayContaining(['rahim-llmops-month-9-10@roadmap-press', 'rahim-llmops-checkin-24@roadmap-press']));
    expect(events[8]!.startDate.toString()).toBe('2029-11-01');
  });

  it('uses CRLF line endings and folds lines at 75 octets', async () => {
    const ics = await buildText({ name: 'রাহাত করিম'.repeat(5), start: '2027-01' }, 'plan.ics');
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.split('\r\n').filter((l) => l.includes('\n'))).toEqual([]);
    const tooLong = ics.split('\r\n').filter((l) => new TextEncoder().encode(l).length > 75);
    expect(tooLong).toEqual([]);
  });

  it('escapes commas and semicolons in text values', async () => {
    const ics = await buildText({ name: 'Doe, Jane; PhD', start: '2027-01', locale: 'en' }, 'plan.ics');
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('X-WR-CALNAME:MLOps Engineer Roadmap — Doe\\, Jane\\; PhD');
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const first = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(first.description).toContain('☐ Type hints, dataclass');
  });
});

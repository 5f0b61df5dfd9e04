import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/batch/progress.js';
import { runBatch } from '../../src/batch/run-batch.js';
import { RoadmapError } from '../../src/errors.js';
import { buildToDisk } from '../../src/node/build-to-disk.js';
import { resolveRunConfig } from '../../src/node/config.js';
import { readProjectSources } from '../../src/node/read-sources.js';
import { startOfUtcDay } from '../../src/personalize/calendar.js';
import { buildLearner } from '../../src/pipeline/build-learner.js';
import { prepareProject, type Project } from '../../src/pipeline/prepare-project.js';
import type { ParamsInput } from '../../src/schema/params.js';
import { buildText, NOW, shippedSources, tempDir } from '../helpers/project.js';
import { ROOT as root } from '../helpers/paths.js';


/** README and calendar only (no fonts, so no PDF): what these tests read, quickly. */
async function calendarProject(data?: string): Promise<Project> {
  const sources = data === undefined ? await shippedSources() : await readProjectSources({ data });
  return prepareProject({ ...sources, fonts: undefined });
}

async function icsOf(project: Project, params: ParamsInput, now: Date = NOW): Promise<string> {
  const artifact = (await buildLearner(project, params, now)).artifacts.find((a) => a.name === 'plan.ics');
  if (!artifact) throw new Error('no plan.ics built');
  return new TextDecoder().decode(artifact.bytes);
}

function events(ics: string): ICAL.Event[] {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

const stamps = (ics: string) => [...new Set(ics.split('\r\n').filter((l) => l.startsWith('DTSTAMP:')))];

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
    expect(events.map((e) => e.uid)).toEqual(expect.arrayContaining(['month-9-10.rahim-llmops.mlops-engineer@roadmap-press', 'checkin-24.rahim-llmops.mlops-engineer@roadmap-press']));
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
    expect(first.description).toContain('☐ Write a small Python package with type hints, dataclasses and pytest; keep test coverage above 80%.');
  });

  it('is byte-identical for two builds a second apart without SOURCE_DATE_EPOCH: DTSTAMP is the start of the UTC day', async () => {
    const project = await calendarProject();
    const dir = await tempDir();
    const build = async (out: string, at: string) => {
      const { now } = await resolveRunConfig({}, { sourceDateEpoch: undefined, clock: () => new Date(at), cwd: dir });
      return buildToDisk({ project, params: { name: 'Rahim', track: 'llmops' }, out: join(dir, out), now });
    };
    const [a, b] = [await build('a', '2026-11-29T10:15:00Z'), await build('b', '2026-11-29T10:15:01Z')];
    const [icsA, icsB] = await Promise.all([a, b].map((w) => readFile(join(w.dir, 'plan.ics'), 'utf8')));
    expect(icsA).toBe(icsB);
    expect(stamps(icsA!)).toEqual(['DTSTAMP:20261129T000000Z']);
  });

  it('stamps SOURCE_DATE_EPOCH exactly, as the PDF does', async () => {
    const project = await calendarProject();
    const out = await tempDir();
    // 2026-12-01T10:20:30Z; the clock must not be read.
    const { now } = await resolveRunConfig({}, { sourceDateEpoch: '1796120430', clock: () => { throw new Error('clock read'); }, cwd: out });
    const written = await buildToDisk({ project, params: { name: 'Rahim' }, out, now });
    expect(stamps(await readFile(join(written.dir, 'plan.ics'), 'utf8'))).toEqual(['DTSTAMP:20261201T102030Z']);
  });

  it('builds without a date argument, stamped with the start of the current UTC day', async () => {
    const project = await calendarProject();
    const before = startOfUtcDay(new Date());
    const build = await buildLearner(project, { name: 'Rahim', start: '2027-01' });
    const after = startOfUtcDay(new Date());
    const ics = new TextDecoder().decode(build.artifacts.find((a) => a.name === 'plan.ics')!.bytes);
    const stamp = (d: Date) => `DTSTAMP:${d.toISOString().slice(0, 10).replace(/-/g, '')}T000000Z`;
    // Taken just before and after: equal unless the build ran across midnight.
    expect([stamp(before), stamp(after)]).toContain(stamps(ics)[0]);
    expect(build.artifacts.map((a) => a.name)).toEqual(['README.md', 'plan.ics']);
  });
});

describe('plan.ics event UIDs', () => {
  it('differ for two learners of one name in a batch (rahim-llmops and rahim-llmops-2)', async () => {
    const dir = await tempDir();
    const list = join(dir, 'learners.yaml');
    await writeFile(list, '- {name: Rahim, track: llmops, start: 2027-01}\n- {name: Rahim, track: llmops, start: 2027-01}\n');
    const out = join(dir, 'out');
    const result = await runBatch({ list, out, paths: {}, now: NOW, jobs: 1, progress: createProgress({ quiet: true, live: false, write: () => {} }), warn: () => {} });
    expect(result.manifest.learners.map((l) => [l.folder, l.status])).toEqual([['rahim-llmops', 'ok'], ['rahim-llmops-2', 'ok']]);
    const [first, second] = await Promise.all(['rahim-llmops', 'rahim-llmops-2'].map(async (f) => events(await readFile(join(out, 'mlops-engineer', f, 'plan.ics'), 'utf8')).map((e) => e.uid)));
    expect(first).toHaveLength(9);
    expect(first).toContain('month-1-2.rahim-llmops.mlops-engineer@roadmap-press');
    expect(second).toContain('month-1-2.rahim-llmops-2.mlops-engineer@roadmap-press');
    expect(first!.filter((uid) => second!.includes(uid))).toEqual([]);
    expect(new Set([...first!, ...second!]).size).toBe(18);
  });

  it('differ for one learner of two roadmaps', async () => {
    const dir = await tempDir();
    const data = join(dir, 'roadmap.yaml');
    const shipped = await readFile(join(root, 'roadmaps', 'mlops-engineer', 'roadmap.yaml'), 'utf8');
    const copy = shipped.replace(/^ {2}id: mlops-engineer$/m, '  id: devops-engineer');
    expect(copy).not.toBe(shipped);
    await writeFile(data, copy);
    const params = { name: 'Rahim', track: 'llmops', start: '2027-01' };
    const a = events(await icsOf(await calendarProject(), params)).map((e) => e.uid);
    const b = events(await icsOf(await calendarProject(data), params)).map((e) => e.uid);
    expect(b).toContain('month-1-2.rahim-llmops.devops-engineer@roadmap-press');
    expect(a.filter((uid) => b.includes(uid))).toEqual([]);
  });

  it('stay the same from one build to the next', async () => {
    const project = await calendarProject();
    const params = { name: 'Rahim', start: '2027-01' };
    const uids = async (now: Date) => events(await icsOf(project, params, now)).map((e) => e.uid);
    expect(await uids(new Date('2027-03-04T05:06:07Z'))).toEqual(await uids(NOW));
  });
});

describe('plan.ics reminders', () => {
  it('has no alarm unless reminders are asked for', async () => {
    const ics = await icsOf(await calendarProject(), { name: 'Rahim', start: '2027-01' });
    expect(ics).not.toContain('VALARM');
  });

  it('gives each plan entry a display alarm N days before it ends, and check-ins none', async () => {
    const ics = await icsOf(await calendarProject(), { name: 'Ada', start: '2027-01', locale: 'en', reminders: 3 });
    const vevents = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    const alarms = vevents.map((v) => v.getAllSubcomponents('valarm'));
    expect(alarms.map((a) => a.length)).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 0]);
    const first = alarms[0]![0]!;
    expect(first.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(first.getFirstProperty('trigger')!.getParameter('related')).toBe('END');
    const trigger = first.getFirstPropertyValue('trigger');
    if (!(trigger instanceof ICAL.Duration)) throw new Error('TRIGGER is not a duration');
    expect(trigger.toSeconds()).toBe(-3 * 86400);
    expect(first.getFirstPropertyValue('description')).toMatch(/^Month 1-2: Done by February 28, 2027 — Deliverable: A Dockerized FastAPI model service on GitHub/);
    // Months 1-2 end when 1 March begins: the alarm is at the start of 26 February.
    const end = new ICAL.Event(vevents[0]).endDate.clone();
    end.addDuration(trigger);
    expect(end.toString()).toBe('2027-02-26');
  });

  it('reads the number from a batch row as text and refuses what is not a whole number of days', async () => {
    const project = await calendarProject();
    expect(await icsOf(project, { start: '2027-01', reminders: '0' })).toContain('TRIGGER;RELATED=END:-P0D');
    for (const bad of [-1, 1.5, 366, '3d', '', Number.NaN]) {
      await expect(icsOf(project, { start: '2027-01', reminders: bad })).rejects.toThrow(RoadmapError);
    }
    await expect(icsOf(project, { reminders: Number.NaN })).rejects.toMatchObject({ problems: [{ path: 'reminders', message: 'expected a whole number of days from 0 to 365, got NaN' }] });
    await expect(icsOf(project, { reminders: 400 })).rejects.toMatchObject({ problems: [{ path: 'reminders', message: 'expected a whole number of days from 0 to 365, got 400' }] });
  });
});

import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { buildLearner } from '../../src/pipeline/build-learner.js';
import { prepareProject } from '../../src/pipeline/prepare-project.js';
import { mermaidText } from '../../src/render/escape-mermaid.js';
import type { ParamsInput } from '../../src/schema/params.js';
import { NOW, shippedSources } from '../helpers/project.js';

// Mermaid needs a DOM even to parse (DOMPurify and d3 look for `window` when loaded): a
// happy-dom window stands in, and Mermaid is imported once for the whole file.
const window = new Window();
Object.assign(globalThis, { window, document: window.document, DOMParser: window.DOMParser, Element: window.Element, HTMLElement: window.HTMLElement });
const { default: mermaid } = await import('mermaid');

/** The parts of Mermaid's gantt database these tests read (`diagram.db` is typed for any diagram). */
interface GanttTask {
  id: string;
  task: string;
  startTime: Date;
  endTime: Date;
  milestone?: boolean;
}
interface GanttDb {
  getDiagramTitle(): string;
  getSections(): string[];
  getTasks(): GanttTask[];
}

function isGanttDb(db: unknown): db is GanttDb {
  const d = db as Partial<Record<keyof GanttDb, unknown>> | null; // checked member by member below
  return typeof d?.getDiagramTitle === 'function' && typeof d.getSections === 'function' && typeof d.getTasks === 'function';
}

// README and calendar only: the gantt chart does not need the PDF's fonts.
const project = prepareProject({ ...(await shippedSources()), fonts: undefined });

async function readme(params: ParamsInput): Promise<string> {
  const build = await buildLearner(project, params, NOW);
  const artifact = build.artifacts.find((a) => a.name === 'README.md');
  if (!artifact) throw new Error('no README.md built');
  return new TextDecoder().decode(artifact.bytes);
}

/** The README's Mermaid block, checked by Mermaid's own parser, and the gantt it describes. */
async function parseGantt(markdown: string): Promise<{ code: string; db: GanttDb }> {
  const code = /^```mermaid\n([\s\S]*?)^```$/m.exec(markdown)?.[1];
  if (code === undefined) throw new Error('no mermaid block in the README');
  expect(await mermaid.parse(code)).toMatchObject({ diagramType: 'gantt' });
  const { db } = await mermaid.mermaidAPI.getDiagramFromText(code);
  if (!isGanttDb(db)) throw new Error('not a gantt database');
  return { code, db };
}

/**
 * What a reader sees of a parsed text: Mermaid keeps entity codes as placeholders and turns them
 * into HTML character references in the SVG (`ﬂ°°60¶ß` → `&#60;`), which the browser shows as `<`.
 */
function shown(parsed: string): string {
  const text = parsed.replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCodePoint(Number(code)));
  if (/ﬂ°|¶ß/.test(text)) throw new Error(`an entity code Mermaid would not print as a character: ${text}`);
  return text.trim();
}

/** Mermaid reads dates in the local time zone: compare calendar days, not instants. */
function day(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('README gantt chart (checked with Mermaid’s parser)', () => {
  it('draws every plan entry from its first day through its last day', async () => {
    const { db } = await parseGantt(await readme({ name: 'Ada', start: '2027-01', locale: 'en' }));
    const tasks = db.getTasks();
    const bars = tasks.filter((t) => !t.milestone).map((t) => [t.id, day(t.startTime), day(t.endTime)]);
    // A bar ends where the day after its last day begins: months 1-2 cover all of February.
    expect(bars).toEqual([
      ['month-1-2', '2027-01-01', '2027-03-01'],
      ['month-3-4', '2027-03-01', '2027-05-01'],
      ['month-5-6', '2027-05-01', '2027-07-01'],
      ['month-7-8', '2027-07-01', '2027-09-01'],
      ['month-9-10', '2027-09-01', '2027-11-01'],
      ['month-11', '2027-11-01', '2027-12-01'],
      ['month-12', '2027-12-01', '2028-01-01'],
    ]);
    const milestones = tasks.filter((t) => t.milestone).map((t) => [t.id, day(t.startTime), shown(t.task)]);
    expect(milestones).toEqual([
      ['checkin-18', '2028-07-01', '18 months after the start'],
      ['checkin-24', '2029-01-01', '24 months after the start'],
    ]);
    expect(db.getSections()).toEqual(['Your 12-month plan', 'Growth check-ins']);
    expect(shown(tasks[0]!.task)).toBe('Month 1-2 Python deep + Docker + FastAPI + sklearn');
  });

  it('leaves no gap between one month and the next, whatever the start day', async () => {
    const { db } = await parseGantt(await readme({ name: 'রাহিম', start: '2027-11-15', track: 'llmops' }));
    const bars = db.getTasks().filter((t) => !t.milestone);
    expect(bars).toHaveLength(7);
    for (const [a, b] of bars.slice(0, -1).map((t, i) => [t, bars[i + 1]!] as const)) expect(day(a.endTime)).toBe(day(b.startTime));
    expect(day(bars[0]!.startTime)).toBe('2027-11-15');
    // Twelve months from 15 November 2027: the last bar covers its last day, 14 November 2028, in full.
    expect(day(bars.at(-1)!.endTime)).toBe('2028-11-15');
  });

  it('prints a name with <, >, #, ;, :, & and % in the title as that text', async () => {
    const name = '<Ada> #1; A:B & 50% `x`';
    const { code, db } = await parseGantt(await readme({ name, start: '2027-01', locale: 'en' }));
    expect(shown(db.getDiagramTitle())).toBe(`MLOps Engineer Roadmap (${name})`);
    const title = code.split('\n').find((l) => l.trimStart().startsWith('title '));
    expect(title).toBe('    title MLOps Engineer Roadmap (#60;Ada#62; #35;1#59; A#58;B #38; 50#37; #96;x#96;)');
  });

  it('keeps text that looks like an entity code or a directive literal', async () => {
    const name = 'C#35; %%{init: {"theme": "dark"}}%%';
    const { db } = await parseGantt(await readme({ name, start: '2027-01', locale: 'en' }));
    expect(shown(db.getDiagramTitle())).toBe(`MLOps Engineer Roadmap (${name})`);
  });
});

describe('mermaidText', () => {
  it('writes Mermaid syntax characters as entity codes and line breaks as spaces', () => {
    expect(mermaidText('a<b>c#d;e:f')).toBe('a#60;b#62;c#35;d#59;e#58;f');
    expect(mermaidText(' two\nlines\u2028here\t ')).toBe('two lines here');
    expect(mermaidText(undefined)).toBe('');
  });
});

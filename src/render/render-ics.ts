import { addDays, type CalendarDate } from '../personalize/calendar.js';
import type { ViewModel } from '../personalize/view-model.js';

export interface IcsOptions {
  /** The learner's folder in the output root: with the roadmap's id, it makes UIDs unique. */
  folder: string;
  /** An alarm this many days before each plan entry ends; none when absent. */
  reminders?: number | undefined;
}

/**
 * The plan as an iCalendar file (RFC 5545): one all-day event spanning each plan entry's
 * months and one for each growth check-in, so a learner can add the year to a calendar.
 * DTSTAMP is the build time and UIDs come from the inputs, so the file is as reproducible as
 * the others.
 */
export function renderIcs(view: ViewModel, buildTime: Date, options: IcsOptions): string {
  const stamp = buildTime.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  // Event, learner folder and roadmap: two learners of one name (a batch's `rahim-llmops` and
  // `rahim-llmops-2`) or two roadmaps never share a UID, and a rebuild keeps its UIDs, so a
  // calendar that imported the file updates its events instead of doubling them.
  const uid = (id: string) => `${[id, options.folder, view.meta.id].map(uidPart).join('.')}@roadmap-press`;
  const day = (iso: string) => iso.replace(/-/g, '');
  const nextDay = (date: CalendarDate) => {
    const d = addDays(date, 1);
    return `${d.year}${String(d.month).padStart(2, '0')}${String(d.day).padStart(2, '0')}`;
  };

  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//roadmap-press//roadmap-press ${view.generated.version}//${view.locale.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(`${view.meta.title} — ${view.learner.name}`)}`,
  ];
  for (const entry of view.plan) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid(entry.id)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${day(entry.from.iso)}`,
      // DTEND of an all-day event is exclusive: the day after the last day.
      `DTEND;VALUE=DATE:${nextDay(entry.to.date)}`,
      `SUMMARY:${text(`${entry.label}: ${entry.topics.join(' + ')}`)}`,
      `DESCRIPTION:${text([...entry.tasks.map((t) => `☐ ${t}`), `${view.labels.deliverable}: ${entry.deliverable}`].join('\n'))}`,
      'TRANSP:TRANSPARENT',
      ...alarm(options.reminders, `${entry.label}: ${view.labels.doneBy} ${entry.doneBy.text} — ${view.labels.deliverable}: ${entry.deliverable}`),
      'END:VEVENT',
    );
  }
  for (const c of view.checkIns) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid(`checkin-${c.months}`)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${day(c.date.iso)}`,
      `DTEND;VALUE=DATE:${nextDay(c.date.date)}`,
      `SUMMARY:${text(`${view.labels.checkIns}: ${c.label}`)}`,
      ...(view.checkInRule ? [`DESCRIPTION:${text(view.checkInRule)}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/**
 * A display alarm `days` before the event ends (§3.6.6). An all-day event ends at the start of
 * the day after its last day, so 1 is the start of the last day and 0 the moment it is over.
 */
function alarm(days: number | undefined, description: string): string[] {
  if (days === undefined) return [];
  return ['BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${text(description)}`, `TRIGGER;RELATED=END:-P${days}D`, 'END:VALARM'];
}

/** One part of a UID, with the separators `.` and `@` (and `%`, the escape) escaped: distinct parts give distinct UIDs. */
function uidPart(part: string): string {
  return part.replace(/[%.@]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** TEXT value escaping (RFC 5545 §3.3.11). */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** UTF-8 length of one code point, without encoding it. */
function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Folds a content line at 75 octets without splitting a UTF-8 sequence (§3.1). */
function fold(line: string): string {
  if (line.length <= 25 || (/^[\x00-\x7f]*$/.test(line) && line.length <= 75)) return line;
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const n = utf8Length(ch);
    // Continuation lines start with a space, which counts toward their 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (bytes + n > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

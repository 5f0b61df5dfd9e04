import { RoadmapError, type Problem } from '../errors.js';
import { DIRECTIVES, isDirectiveName, type TemplateRef } from './directives.js';

const LINE = /^:::(.*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Checks every directive line of the rendered Markdown and reports all problems at once, each
 * located in the template (the line of the template that produced it when it can be found,
 * otherwise the line of the rendered Markdown).
 */
export function checkDirectives(markdown: string, template: TemplateRef): void {
  const problems: Problem[] = [];
  const lines = markdown.split('\n');
  let fence: string | undefined;
  let open: { name: string; line: number; text: string } | undefined;
  const report = (index: number, text: string, message: string) => problems.push({ ...locate(index, text, template), message });
  lines.forEach((text, index) => {
    const f = FENCE.exec(text);
    if (f) {
      const marker = f[1]?.[0];
      if (marker === undefined) return;
      if (fence === undefined) fence = marker;
      else if (fence === marker) fence = undefined;
      return;
    }
    if (fence !== undefined) return;
    const m = LINE.exec(text);
    if (!m) return;
    const rest = (m[1] ?? '').trim();
    if (rest === '') {
      if (open) open = undefined;
      else report(index, text, 'a closing ":::" without an open container directive (cover, keep)');
      return;
    }
    const d = /^([A-Za-z][\w-]*)(?:\s+(.*))?$/.exec(rest);
    if (!d) {
      report(index, text, `malformed directive "${text.trim()}": expected "::: name [arguments]"`);
      return;
    }
    const name = d[1] ?? '';
    const args = (d[2] ?? '').trim();
    const spec = isDirectiveName(name) ? DIRECTIVES[name] : undefined;
    if (!spec) {
      report(index, text, `unknown directive "${name}"; known: ${Object.keys(DIRECTIVES).join(', ')}`);
      return;
    }
    const bad = spec.check(args);
    if (bad) report(index, text, `directive "${name}" ${bad}; usage: ${spec.usage}`);
    if (spec.container) {
      if (open) report(index, text, `directive "${name}" inside "${open.name}": container directives do not nest`);
      else open = { name, line: index, text };
    }
  });
  if (open) report(open.line, open.text, `directive "${open.name}" is never closed: add a line with only ":::"`);
  if (problems.length > 0) {
    const n = problems.length;
    throw new RoadmapError('template', `template ${template.file} has ${n} directive problem${n === 1 ? '' : 's'}:`, problems);
  }
}

/** The template line a rendered line came from: same text, else the only line with that directive. */
function locate(index: number, text: string, template: TemplateRef): Omit<Problem, 'message'> {
  if (template.source !== undefined) {
    const src = template.source.split('\n');
    const exact = src.findIndex((l) => l.trim() === text.trim());
    if (exact >= 0) return { file: template.file, line: exact + 1 };
    const name = /^:::\s*(\S+)/.exec(text)?.[1];
    if (name) {
      const same = src.flatMap((l, i) => (new RegExp(`^:::\\s*${escapeRegExp(name)}(\\s|$)`).test(l.trim()) ? [i] : []));
      const [only, ...others] = same;
      if (only !== undefined && others.length === 0) return { file: template.file, line: only + 1 };
    }
  }
  return { file: template.file, line: index + 1, path: '(rendered Markdown)' };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

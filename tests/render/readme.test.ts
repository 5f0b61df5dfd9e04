import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';
import { Lexer, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/markdown/plain-text.js';
import { buildText, tempDir } from '../helpers/project.js';
import { markdownlint } from '../helpers/markdownlint.js';


function walk(tokens: Token[], visit: (t: Token) => void): void {
  for (const t of tokens) {
    visit(t);
    for (const key of ['tokens', 'items'] as const) {
      const child = (t as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) walk(child as Token[], visit);
    }
    if (t.type === 'table') {
      const table = t as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) walk(cell.tokens, visit);
    }
  }
}

describe('README.md', () => {
  it('matches the snapshot for fixed parameters', async () => {
    const readme = await buildText({ name: 'Rahim Uddin', start: '2027-11', track: 'llmops', level: 'L2' });
    await expect(readme).toMatchFileSnapshot('../__snapshots__/readme-rahim-llmops-bn.md');
  });

  it('matches the snapshot in English on the general path', async () => {
    const readme = await buildText({ name: 'Ada', start: '2027-01', locale: 'en' });
    await expect(readme).toMatchFileSnapshot('../__snapshots__/readme-ada-general-en.md');
  });

  it('links every table-of-contents entry to a heading anchor as GitHub makes it', async () => {
    const readme = await buildText({ name: 'Rahim', start: '2027-11', track: 'platform' });
    const tokens = new Lexer().lex(readme);
    const slugger = new GithubSlugger();
    const anchors = new Set<string>();
    const links: string[] = [];
    walk(tokens, (t) => {
      if (t.type === 'heading') anchors.add(slugger.slug(plainText((t as Tokens.Heading).tokens)));
      if (t.type === 'link' && (t as Tokens.Link).href.startsWith('#')) links.push((t as Tokens.Link).href.slice(1));
    });
    expect(links.length).toBeGreaterThan(15);
    expect(links.filter((l) => !anchors.has(l))).toEqual([]);
    expect(links).toContain('মাস-৯-১০--জুলাই-২০২৮--আগস্ট-২০২৮');
  });

  it('has the ladder, the marked skill matrix, real months, task lists and a gantt chart', async () => {
    const readme = await buildText({ name: 'Rahim', start: '2027-11', level: 'L2', locale: 'en' });
    expect(readme).toContain('| **L2** | MLOps Engineer | 2-4 yrs | \\$100k-\\$150k | you are here |');
    expect(readme).toContain('| **L3** | Senior MLOps Engineer | 4-7 yrs | \\$150k-\\$220k | your target |');
    expect(readme).toContain('- **L2** (you are here): Kubernetes, CI/CD, MLflow, monitoring, IaC (Terraform).'); // the en sentence terminator
    expect(readme).toContain('| Month 1-2 | November 2027 – December 2027 | Python deep + Docker + FastAPI + sklearn |');
    expect(readme).toContain('- [ ] System design');
    expect(readme).toMatch(/```mermaid\ngantt\n/);
    expect(readme).toContain(':month-1-2, 2027-11-01, 2027-12-31');
    expect(readme).toContain(':month-12, 2028-10-01, 2028-10-31');
    expect(readme).toContain(':milestone, checkin-18, 2029-05-01, 0d');
    const tasks = readme.match(/^- \[ \] /gm) ?? [];
    expect(tasks.length).toBeGreaterThan(40);
  });

  it('shows a learner name with Markdown, HTML and Handlebars syntax as literal text', async () => {
    const name = '[x](javascript:alert(1)) <script>alert(1)</script> {{foo}} *bold* `code` | pipe';
    const readme = await buildText({ name, start: '2027-01' });
    const tokens = new Lexer().lex(readme);
    const seen: string[] = [];
    walk(tokens, (t) => {
      seen.push(t.type);
      if (t.type === 'link') expect((t as Tokens.Link).href).not.toMatch(/javascript/i);
    });
    expect(seen).not.toContain('html');
    expect(seen).not.toContain('codespan');
    expect(seen).not.toContain('em');
    const title = tokens.find((t) => t.type === 'heading') as Tokens.Heading;
    expect(plainText(title.tokens)).toBe(`MLOps Engineer Roadmap — ${name}`);
    // In the parameters table the pipe must not split the cell.
    const table = tokens.filter((t) => t.type === 'table').pop() as Tokens.Table;
    expect(plainText(table.rows[0]![1]!.tokens)).toBe(name);
  });

  it('keeps a multi-line name on its own line: no injected headings', async () => {
    const readme = await buildText({ name: 'Ana\n# Injected\n- item', start: '2027-01' });
    expect(readme).not.toMatch(/^# Injected/m);
    expect(readme).not.toMatch(/^- item/m);
    expect(readme).toContain('# MLOps Engineer Roadmap — Ana # Injected - item\n');
  });

  it('passes markdownlint with the committed config', async () => {
    const dir = await tempDir();
    const files = [
      ['bn-llmops.md', { name: 'Rahim', track: 'llmops', start: '2027-11' }],
      ['en-general.md', { name: 'Ada', locale: 'en' as const, level: 'L5' }],
      ['bn-injection.md', { name: '<b>x</b> [a](b) # c', track: 'responsible-ai' }],
    ] as const;
    for (const [file, params] of files) await writeFile(join(dir, file), await buildText(params));
    const result = await markdownlint(dir);
    expect(result.output).toContain('Linting: 3 file(s)');
    expect(result.output).toContain('Summary: 0 error(s)');
    expect(result.code).toBe(0);
  });
});

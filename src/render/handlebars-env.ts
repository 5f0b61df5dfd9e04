import Handlebars from 'handlebars';
import { RoadmapError } from '../errors.js';
import { MAX_TEMPLATE_BLOCK_DEPTH } from '../schema/limits.js';
import { escapeMarkdown } from './escape-markdown.js';
import { mermaidText } from './escape-mermaid.js';
import { precompiledTemplates } from './precompiled-templates.js';
import type { TemplateSet, TemplateSource } from './template-set.js';

type HandlebarsEnv = typeof Handlebars;
export type CompiledTemplate = (context: unknown, options?: Handlebars.RuntimeOptions) => string;

/**
 * A private Handlebars instance per template set: helpers and partials never leak between
 * renders, and `{{value}}` escapes for Markdown instead of HTML. The escape is swapped in the
 * compiler of this instance only, so the global Handlebars keeps its HTML escaping.
 */
export function createHandlebars(
  templates: TemplateSet,
  precompiled: ReadonlyMap<string, TemplateSpecification> = precompiledTemplates,
): { render: (which: 'readme' | 'workbook', context: unknown) => string } {
  const hb = Handlebars.create();
  installMarkdownEscaping(hb);
  registerHelpers(hb);
  for (const [name, partial] of Object.entries(templates.partials)) {
    hb.registerPartial(name, compile(hb, partial, precompiled) as unknown as Handlebars.Template);
  }
  const compiled = {
    readme: compile(hb, templates.readme, precompiled),
    workbook: compile(hb, templates.workbook, precompiled),
  };
  return { render: (which, context) => compiled[which](context) };
}

const COMPILE_OPTIONS = { strict: true, preventIndent: true } as const;

/**
 * A template compiled ahead to JavaScript source (a template specification, the output of
 * Handlebars' `precompile`), with the same compiler and options as at run time, so that
 * `Handlebars.template` of it renders exactly what compiling the source renders.
 */
function precompileTemplate(hb: HandlebarsEnv, source: string): string {
  // Handlebars' types say precompile returns a specification; it returns its source text.
  return hb.precompile(hb.parse(source), COMPILE_OPTIONS) as unknown as string;
}

/** Every template of a set (README, workbook, partials) precompiled, by source text: what `npm run build` puts into the bundle. */
export function precompileTemplates(templates: TemplateSet): Array<[string, string]> {
  const hb = Handlebars.create();
  installMarkdownEscaping(hb);
  return [templates.readme, templates.workbook, ...Object.values(templates.partials)].map((t) => [t.source, precompileTemplate(hb, t.source)]);
}

function installMarkdownEscaping(hb: HandlebarsEnv): void {
  // Handlebars offers no per-instance escape hook; its documented extension point is the
  // JavaScriptCompiler class, whose `appendEscaped` emits the escaping call.
  // The compiler class is public API but missing from Handlebars' type definitions.
  const env = hb as unknown as { JavaScriptCompiler: new () => CompilerInternals };
  class MarkdownCompiler extends env.JavaScriptCompiler {
    appendEscaped(this: CompilerInternals): void {
      this.pushSource(this.appendToBuffer(['helpers.__escapeMarkdown(', this.popStack(), ', {})']));
    }
    // Strict mode's lookup accepts any name `in` the object, so `{{__proto__}}` or
    // `{{constructor}}` passed it and printed a blank; ours takes own properties only.
    override aliasable(this: CompilerInternals, name: string): unknown {
      return super.aliasable(name === 'container.strict' ? 'helpers.__strictLookup' : name);
    }
  }
  // Child programs (block bodies) are compiled by `this.compiler`: keep them on our class.
  (MarkdownCompiler.prototype as unknown as { compiler: unknown }).compiler = MarkdownCompiler;
  env.JavaScriptCompiler = MarkdownCompiler;
  hb.registerHelper('__escapeMarkdown', (value: unknown) => escapeMarkdown(value));
  hb.registerHelper('__strictLookup', strictLookup);
}

interface CompilerInternals {
  pushSource(source: unknown): void;
  appendToBuffer(parts: unknown[]): unknown;
  popStack(): unknown;
  aliasable(name: string): unknown;
}

/** Where Handlebars says a node starts: line 1-based, column 0-based. */
interface SourceLocation {
  start: { line: number; column: number };
}

/** A value a template names that the view model does not have: rendered as a located problem. */
class MissingValueError extends Error {
  constructor(
    message: string,
    readonly loc: SourceLocation | undefined,
  ) {
    super(message);
  }
}

function isSourceLocation(v: unknown): v is SourceLocation {
  if (typeof v !== 'object' || v === null || !('start' in v)) return false;
  const start: unknown = v.start;
  return typeof start === 'object' && start !== null && 'line' in start && typeof start.line === 'number' && 'column' in start && typeof start.column === 'number';
}

function hasOwn(obj: unknown, name: string): boolean {
  return obj !== null && obj !== undefined && name !== '__proto__' && name !== 'constructor' && Object.prototype.hasOwnProperty.call(obj, name);
}

/** `{{a.b}}`'s last step in strict mode: an own property of `obj`, or an error. */
function strictLookup(obj: unknown, name: unknown, loc: unknown): unknown {
  const key = String(name);
  if (!hasOwn(obj, key)) throw new MissingValueError(`"${key}" is not defined`, isSourceLocation(loc) ? loc : undefined);
  // hasOwn has ruled out null and undefined, so `obj` can be indexed.
  return (obj as Record<string, unknown>)[key];
}

/**
 * Strict mode checks `{{value}}` but not a helper's arguments, so `{{#each nope}}` and
 * `{{lookup labels "nope"}}` rendered nothing. `each`, `with` and `lookup` now refuse a value
 * that does not exist (undefined). `null` is a value (no track chosen) and renders as before;
 * `if` and `unless` still test a missing value as false, which is how optional values are
 * written (`{{#if track}}`).
 */
function requireDefinedArguments(hb: HandlebarsEnv): void {
  for (const name of ['each', 'with'] as const) {
    const builtin = hb.helpers[name];
    if (!builtin) continue;
    hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      const options = args[args.length - 1];
      if (args.length >= 2 && args[0] === undefined) throw new MissingValueError(`{{#${name}}} was given a value that is not defined`, helperLoc(options));
      const rendered: unknown = Reflect.apply(builtin, this, args);
      return rendered;
    });
  }
  hb.registerHelper('lookup', (obj: unknown, field: unknown, options: unknown) => {
    if (obj === undefined) throw new MissingValueError('lookup was given a value that is not defined', helperLoc(options));
    if (obj === null) return null;
    const key = String(field);
    if (!hasOwn(obj, key)) throw new MissingValueError(`lookup: "${key}" is not defined`, helperLoc(options));
    // hasOwn has ruled out null and undefined, so `obj` can be indexed.
    return (obj as Record<string, unknown>)[key];
  });
}

function helperLoc(options: unknown): SourceLocation | undefined {
  if (typeof options !== 'object' || options === null || !('loc' in options)) return undefined;
  return isSourceLocation(options.loc) ? options.loc : undefined;
}

function registerHelpers(hb: HandlebarsEnv): void {
  requireDefinedArguments(hb);
  hb.registerHelper('join', (list: unknown, sep: unknown) => {
    if (!Array.isArray(list)) throw new Error('join expects a list');
    // Not escaped here: `{{join …}}` is escaped once by the mustache around it.
    return list.join(typeof sep === 'string' ? sep : ', ');
  });
  hb.registerHelper('inc', (n: unknown) => Number(n) + 1);
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // Use with triple braces: Markdown escapes would show literally inside a code block.
  hb.registerHelper('mermaid', (value: unknown) => mermaidText(Array.isArray(value) ? value.join(' + ') : value));
  // A label with placeholders: {{format labels.pageOf n=1 total=9}}. A placeholder the template
  // does not give is an error (naming the template and line), never a literal "{n}" in the output.
  hb.registerHelper('format', (template: unknown, options: Handlebars.HelperOptions) =>
    String(template).replace(/\{([A-Za-z]\w*)\}/g, (_, key: string) => {
      if (!hasOwn(options.hash, key)) throw new Error(`format: the label ${JSON.stringify(template)} has {${key}}, which this call does not give (${Object.keys(options.hash).map((k) => `${k}=`).join(' ') || 'no values'})`);
      return String(options.hash[key]);
    }),
  );
}

function compile(hb: HandlebarsEnv, template: TemplateSource, precompiled: ReadonlyMap<string, TemplateSpecification>): CompiledTemplate {
  let fn: Handlebars.TemplateDelegate;
  try {
    const spec = precompiled.get(template.source);
    if (!spec) checkBlockDepth(template);
    // Compilation is lazy in Handlebars; parse now so syntax errors surface here with the file,
    // and compile that tree rather than parsing the source a second time on first render.
    fn = spec ? hb.template(spec) : hb.compile(hb.parse(template.source), COMPILE_OPTIONS);
  } catch (e) {
    throw templateError(template.file, e);
  }
  // Partials receive Handlebars' runtime options (data, @root, helpers): pass them on.
  return (context, options) => {
    try {
      return fn(context, options);
    } catch (e) {
      throw templateError(template.file, e);
    }
  };
}

/** Refuses a template whose blocks nest deeper than the limit, before Handlebars parses it. */
function checkBlockDepth(template: TemplateSource): void {
  // Comments may mention blocks; blanking them keeps their line breaks, so lines stay true.
  const source = template.source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (c) => c.replace(/[^\n]/g, ''));
  let depth = 0;
  // `{{#x}}` and `{{^x}}` open a block, `{{/x}}` closes one; a bare `{{^}}` is an else.
  for (const m of source.matchAll(/\{\{~?\s*([#/]|\^(?!\s*~?\}\}))/g)) {
    depth += m[1] === '/' ? -1 : 1;
    if (depth > MAX_TEMPLATE_BLOCK_DEPTH) {
      const line = source.slice(0, m.index).split('\n').length;
      throw new RoadmapError('template', `template ${template.file} nests too deeply to render`, [
        { file: template.file, line, message: `blocks are nested more than ${MAX_TEMPLATE_BLOCK_DEPTH} deep` },
      ]);
    }
  }
}

/** Turns Handlebars' "x not defined in … - 12:4" and parse errors into located problems. */
function templateError(file: string, e: unknown): RoadmapError {
  if (e instanceof RoadmapError) return e; // already located by an inner partial
  if (e instanceof MissingValueError) {
    const at = e.loc ? { line: e.loc.start.line, column: e.loc.start.column + 1 } : {};
    return new RoadmapError('template', `template ${file} uses a value that does not exist`, [
      { file, ...at, message: `${e.message} (strict mode: a missing value is an error, never a blank)` },
    ]);
  }
  if (e instanceof RangeError) {
    // Blocks or partials nested thousands deep (or a partial that includes itself) exhaust
    // the stack in Handlebars' parser or at render; that is the template's doing, not a bug.
    return new RoadmapError('template', `template ${file} nests too deeply to render`, [
      { file, message: 'blocks or partials are nested too deeply (does a partial include itself?)' },
    ]);
  }
  const message = e instanceof Error ? e.message : String(e);
  const parse = /Parse error on line (\d+):\n[\s\S]*?\n([\s\S]*)$/.exec(message);
  if (parse) {
    return new RoadmapError('template', `template ${file} has a syntax error`, [
      { file, line: Number(parse[1]), message: (parse[2] ?? '').trim().split('\n').pop() ?? 'syntax error' },
    ]);
  }
  const missing = /^"?(.+?)"? not defined in .* - (\d+):(\d+)$/.exec(message);
  if (missing) {
    return new RoadmapError('template', `template ${file} uses a value that does not exist`, [
      { file, line: Number(missing[2]), column: Number(missing[3]) + 1, message: `"${missing[1]}" is not defined (strict mode: a missing value is an error, never a blank)` },
    ]);
  }
  return new RoadmapError('template', `template ${file} failed`, [{ file, message }]);
}

/**
 * Reading PDFs back the way other programs do, on any machine.
 *
 * - MuPDF checks always run: they use the npm `mupdf` package (MuPDF compiled to WebAssembly).
 * - poppler (pdftotext, pdffonts) and qpdf have no sound npm equivalent: they run the system tool
 *   when installed and otherwise skip only the calling test, with a note naming the Debian package.
 *   (The one qpdf WASM build on npm, @neslinesli93/qpdf-wasm 0.3.0, works but is a one-person
 *   browser build with wrong typings that writes straight to the process's stdout and stderr.)
 *   ROADMAP_PRESS_REQUIRE_PDF_TOOLS=1 (set by .ci/run) turns such a skip into a failure, so CI
 *   cannot pass without having run every check.
 *
 * Tools are found only through PATH: never through the working directory or node_modules/.bin.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The system tools this module may run, and the Debian package that provides each. */
export const SYSTEM_TOOLS = {
  pdftotext: 'poppler-utils',
  pdffonts: 'poppler-utils',
  qpdf: 'qpdf',
} as const;

export type SystemTool = keyof typeof SYSTEM_TOOLS;

/** Environment variable: when "1", a missing tool fails the test instead of skipping it. */
export const REQUIRE_ENV = 'ROADMAP_PRESS_REQUIRE_PDF_TOOLS';
/** Environment variable: a file each skip appends one line to (set by the global setup, for its summary). */
export const SKIP_LOG_ENV = 'ROADMAP_PRESS_PDF_TOOLS_SKIP_LOG';

/** What a check needs from the test context: vitest's `ctx.skip`. */
export interface SkipContext {
  skip(note: string): never;
}

/** A PDF as bytes, or the path of a PDF file. */
export type PdfInput = Uint8Array | string;

export function missingToolNote(tool: SystemTool): string {
  return `skipped: ${tool} not found (Debian package ${SYSTEM_TOOLS[tool]})`;
}

function missing(ctx: SkipContext, tool: SystemTool): never {
  const note = missingToolNote(tool);
  if (process.env[REQUIRE_ENV] === '1') {
    throw new Error(`${note}, but ${REQUIRE_ENV}=1 requires every PDF tool check to run`);
  }
  const log = process.env[SKIP_LOG_ENV];
  if (log) appendFileSync(log, `${note}\n`);
  return ctx.skip(note);
}

interface ToolRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a system tool, or returns undefined when it is not installed. EACCES counts as absent:
 * a tool hidden by bind-mounting /dev/null over it cannot be executed, as on a machine without it.
 */
function runTool(tool: SystemTool, args: readonly string[]): ToolRun | undefined {
  const r = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) {
    const code = 'code' in r.error ? r.error.code : undefined;
    if (code === 'ENOENT' || code === 'EACCES') return undefined;
    throw r.error;
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `fn` with the PDF as a file path: a temporary file for bytes, removed afterwards. */
function withFile<T>(pdf: PdfInput, fn: (path: string) => T): T {
  if (typeof pdf === 'string') return fn(pdf);
  const dir = mkdtempSync(join(tmpdir(), 'rp-pdf-tools-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runChecked(ctx: SkipContext, tool: SystemTool, args: readonly string[]): string {
  const r = runTool(tool, args);
  if (!r) return missing(ctx, tool);
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} exited ${r.status}: ${r.stderr.trim()}`);
  return r.stdout;
}

/** poppler's `pdftotext -enc UTF-8`: the text of every page, each page ending in a form feed. */
export function pdftotext(ctx: SkipContext, pdf: PdfInput): string {
  return withFile(pdf, (file) => runChecked(ctx, 'pdftotext', ['-enc', 'UTF-8', file, '-']));
}

/** poppler's `pdffonts` table: a two-line header, then one row per font. */
export function pdffonts(ctx: SkipContext, pdf: PdfInput): string {
  return withFile(pdf, (file) => runChecked(ctx, 'pdffonts', [file]));
}

/**
 * `qpdf --check`: throws with qpdf's report when it finds damage (exit 2) and returns the report
 * otherwise. Exit 3 (warnings only) is damage too: a PDF we write should have none.
 */
export function qpdfCheck(ctx: SkipContext, pdf: PdfInput): string {
  return withFile(pdf, (file) => {
    const r = runTool('qpdf', ['--check', file]);
    if (!r) return missing(ctx, 'qpdf');
    if (r.status !== 0) throw new Error(`qpdf --check ${file} exited ${r.status}:\n${r.stdout}${r.stderr}`);
    return r.stdout;
  });
}

type MuPdf = typeof import('mupdf');
let mupdfModule: Promise<MuPdf> | undefined;

/** MuPDF's WebAssembly start-up is paid only by the test files that read with it. */
function loadMupdf(): Promise<MuPdf> {
  mupdfModule ??= import('mupdf').then((m) => {
    // MuPDF warns "ICC support is not available" on every document; only its errors matter here.
    m.setLog({ error: (message) => process.stderr.write(`mupdf: ${message}\n`) });
    return m;
  });
  return mupdfModule;
}

/**
 * MuPDF's plain-text extraction, as `mutool draw -F txt` prints it: each page's structured text,
 * followed by a form feed and a newline.
 */
export async function mupdfText(pdf: PdfInput): Promise<string> {
  const mupdf = await loadMupdf();
  const bytes = typeof pdf === 'string' ? await readFile(pdf) : pdf;
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  try {
    let out = '';
    for (let i = 0; i < doc.countPages(); i++) {
      const page = doc.loadPage(i);
      const text = page.toStructuredText('');
      out += `${text.asText()}\f\n`;
      text.destroy();
      page.destroy();
    }
    return out;
  } finally {
    doc.destroy();
  }
}

/** Thrown by `deferredSkip.skip`: the missing tool's note, for `unlessMissing` to catch. */
class MissingTool extends Error {}

const deferredSkip: SkipContext = {
  skip(note: string): never {
    throw new MissingTool(note);
  },
};

const noted = new Set<string>();

/**
 * For a tool check inside a larger test (e.g. qpdf on each PDF a batch wrote): where the tool is
 * missing, only that check is skipped, noted once per test file on stderr and in the skip log, and
 * the rest of the test goes on. Returns the check's result, or undefined when it was skipped.
 */
export function unlessMissing<T>(check: (ctx: SkipContext) => T): T | undefined {
  try {
    return check(deferredSkip);
  } catch (e) {
    if (!(e instanceof MissingTool)) throw e;
    if (!noted.has(e.message)) {
      noted.add(e.message);
      console.warn(e.message);
    }
    return undefined;
  }
}

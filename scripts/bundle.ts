/**
 * Bundle the CLI into one CommonJS file with a V8 code cache (run by `npm run build`, after tsc):
 *
 *   node --import tsx scripts/bundle.ts
 *
 * Node 20 compiles every ES module of a cold start from scratch (~0.2 s for pdfkit, fontkit,
 * yargs, zod, yaml, handlebars and marked) and lazily compiles each function on its first call
 * during the build. A CommonJS script can be loaded with V8 cached data instead
 * (src/node/load-bundle.ts), so the bundle's cache is made after one real build has run: it holds
 * the bytecode of everything a build calls. harfbuzzjs stays outside the bundle: its top-level
 * await makes it import-only, and src/text/harfbuzz.ts imports it dynamically. The shipped
 * Handlebars templates go into the bundle precompiled, and the shipped data and labels
 * validated, each keyed by its exact source text.
 */
import { deepStrictEqual } from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { readProjectSources } from '../src/node/read-sources.js';
import { loadRoadmap, validateAhead } from '../src/load/load-roadmap.js';
import { precompileTemplates } from '../src/render/handlebars-env.js';

const outfile = 'dist/bundle/roadmap-press.cjs';

/** The shipped sources, read once for both modules below. */
const shipped = readProjectSources();

/** The shipped templates, compiled ahead into the bundle (src/render/precompiled-templates.ts). */
async function precompiledTemplatesModule(): Promise<string> {
  const entries = precompileTemplates((await shipped).templates).map(([source, spec]) => `[${JSON.stringify(source)}, ${spec}]`);
  return `export const precompiledTemplates = new Map([\n${entries.join(',\n')}\n]);\n`;
}

/** The shipped data and labels, validated ahead into the bundle (src/load/validated-ahead.ts). */
async function validatedAheadModule(): Promise<string> {
  const sources = await shipped;
  const entries = validateAhead(sources);
  // Kept as JSON: a schema that one day yields a Date, a Map or an undefined field must fail
  // here, not ship data that differs from what validating gives.
  deepStrictEqual(loadRoadmap(sources, new Map(entries)), loadRoadmap(sources, new Map()));
  return `export const validatedAhead = new Map(${JSON.stringify(entries)});\n`;
}

const shippedSourcesPlugin: Plugin = {
  name: 'shipped-sources',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]render[\\/]precompiled-templates\.ts$/ }, async () => ({ contents: await precompiledTemplatesModule(), loader: 'js' }));
    b.onLoad({ filter: /[\\/]src[\\/]load[\\/]validated-ahead\.ts$/ }, async () => ({ contents: await validatedAheadModule(), loader: 'js' }));
  },
};

/** Dependency files whose other import.meta uses roadmap-press never reaches, and why. */
const IMPORT_META_UNUSED = new Map([['yargs/build/lib/utils/apply-extends.js', "import.meta.resolve, for yargs' `extends` config files"]]);

/**
 * `import.meta.url` of every bundled ES module, as the module would have seen it: ours are at
 * the bundle's depth under dist/ (so the package root and the worker script come out the same);
 * a dependency's is its own file in node_modules, found at run time from the bundle (pdfkit
 * requires its standard fonts through it, yargs finds its translations).
 */
const importMetaPlugin: Plugin = {
  name: 'import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta')) return undefined;
      const inDeps = args.path.split(sep).lastIndexOf('node_modules');
      const path = args.path.split(sep).slice(inDeps + 1).join('/');
      // Anything but import.meta.url would be an empty object in a CommonJS bundle.
      if (/import\.meta(?!\.url)/.test(text) && !(inDeps >= 0 && IMPORT_META_UNUSED.has(path))) {
        throw new Error(`${args.path} uses import.meta beyond .url, which the bundle cannot give it`);
      }
      if (!text.includes('import.meta.url')) return undefined;
      const url = inDeps < 0 ? '__bundleUrl' : `__dependencyUrl(${JSON.stringify(path)})`;
      return { contents: text.replaceAll('import.meta.url', url), loader: extname(args.path).includes('t') ? 'ts' : 'js' };
    });
  },
};

/** Prepended to the bundle, inside its CommonJS wrapper (see `banner`). */
const prelude = `"use strict";
const __bundleUrl = require("node:url").pathToFileURL(__filename).href;
function __dependencyUrl(path) {
  const parts = path.split("/");
  const name = parts.slice(0, parts[0].startsWith("@") ? 2 : 1).join("/");
  for (const dir of require.resolve.paths(name) || []) {
    if (require("node:fs").existsSync(require("node:path").join(dir, name, "package.json"))) return require("node:url").pathToFileURL(require("node:path").join(dir, ...parts)).href;
  }
  return __bundleUrl;
}`;

rmSync('dist/bundle', { recursive: true, force: true });
await build({
  entryPoints: ['src/cli/entry.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['harfbuzzjs'],
  plugins: [shippedSourcesPlugin, importMetaPlugin],
  // The file is the CommonJS wrapper function itself, so the launcher hands it to V8 as is
  // (no second copy of a 2 MB string in every thread).
  banner: { js: `(function (exports, require, module, __filename, __dirname) {${prelude}` },
  footer: { js: '})' },
  // Whitespace and comments out: V8 keeps a script's source in memory in every thread that runs
  // it, and some library comments are not Latin-1, which made V8 store all 4 MB as UTF-16.
  // Names are kept, so --debug stack traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
  charset: 'ascii',
  legalComments: 'none',
  logLevel: 'warning',
});

const out = mkdtempSync(join(tmpdir(), 'roadmap-press-cache-'));
try {
  // Run in an empty folder, so that no roadmap-press.config.* here changes what is built.
  const run = spawnSync(process.execPath, [resolve('dist/cli/main.js'), 'build', '--out', out], {
    cwd: out,
    env: { ...process.env, ROADMAP_PRESS_WRITE_CODE_CACHE: '1', SOURCE_DATE_EPOCH: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`the build that makes the code cache failed (exit ${run.status})`);
  // A bundle that fails to load would leave the launcher running the ES modules, silently.
  const check = spawnSync(process.execPath, [resolve('dist/cli/main.js'), 'build', '--out', out], {
    cwd: out,
    env: { ...process.env, ROADMAP_PRESS_LAUNCH_INFO: '1', SOURCE_DATE_EPOCH: '0' },
    encoding: 'utf8',
  });
  if (check.status !== 0 || !check.stderr.startsWith('roadmap-press: running the bundle, code cache used\n')) {
    throw new Error(`the bundle does not run with its code cache: ${check.stderr}`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

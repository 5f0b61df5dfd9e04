import { parse as parseCsv } from 'csv-parse/sync';
import { RoadmapError, type Problem } from '../errors.js';
import { parseDocumentText, type ParsedDocument } from '../load/parse-document.js';
import type { SourceFile } from '../pipeline/sources.js';
import { BatchDefaultsSchema, BatchRowSchema, PARAM_KEYS, type ParamKey } from '../schema/params.js';
import type { z } from 'zod';
import { formatPath } from '../load/describe-issue.js';
import { issuesToProblems } from '../load/validate-document.js';

/** Parameter columns a batch row may have, in addition to an optional `id`. */
const ROW_KEYS = ['id', ...PARAM_KEYS] as const;
type RowKey = (typeof ROW_KEYS)[number];
/**
 * A row's parameter columns as written (text: CSV and YAML cells alike), by column name. The
 * params schema checks them when the batch is planned, as it checks flags and config files.
 */
export type BatchRow = Partial<Record<ParamKey, string>>;
/** Columns a `matrix:` block may vary (a name or id per combination would make no sense). */
const MATRIX_KEYS = ['track', 'level', 'locale', 'paper', 'start'] as const satisfies readonly ParamKey[];
type MatrixKey = (typeof MATRIX_KEYS)[number];

/** One learner of a batch list, with where each of its fields came from. */
export interface BatchEntry {
  /** Position in the expanded list: the stable key for shards and slug collisions. */
  index: number;
  /** Human label of the row for messages: `learners.csv:4` or `learners.yaml:12:5`. */
  where: string;
  id: string | undefined;
  params: BatchRow;
  /** Location of each field (or of the row), for errors: `{ line, column }`. */
  locate(field?: string): { line: number; column: number };
  file: string;
}

/**
 * Reads a batch list: a YAML/JSON list of rows, `{ learners: [...] }`, a `matrix:` block whose
 * cartesian product is expanded, or a CSV file with a header row. Structural problems (unknown
 * columns, wrong types) are collected for the whole list and thrown together.
 */
export function readBatchList(source: SourceFile): BatchEntry[] {
  return /\.csv$/i.test(source.file) ? readCsv(source) : readStructured(source);
}

function readCsv({ file, text }: SourceFile): BatchEntry[] {
  type CsvRecord = { record: Record<string, string>; info: { lines: number } };
  let records: CsvRecord[];
  let header: string[] = [];
  try {
    // With `info: true` csv-parse returns each row with its position.
    records = parseCsv<CsvRecord>(text, {
      columns: (h: string[]) => (header = h.map((c) => c.trim())),
      info: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (e) {
    const err = e as { message: string; lines?: number };
    throw new RoadmapError('data', `${file} is not valid CSV`, [{ file, line: err.lines ?? 1, message: err.message.replace(/^Invalid[^:]*: /, '') }]);
  }
  const problems: Problem[] = [];
  header.forEach((col, i) => {
    if (!(ROW_KEYS as readonly string[]).includes(col)) {
      problems.push({ file, line: 1, column: i + 1, path: col, message: `unknown column "${col}"; columns: ${ROW_KEYS.join(', ')}` });
    }
  });
  if (problems.length > 0) throw new RoadmapError('data', `${file}: the learner list is invalid`, problems);
  return records.map(({ record, info }, index) => {
    const row: Partial<Record<RowKey, string>> = {};
    for (const [k, v] of Object.entries(record)) if (v !== '') row[k as RowKey] = v;
    const { id, ...params } = row;
    const line = info.lines;
    return {
      index,
      file,
      where: `${file}:${line}`,
      id,
      params,
      locate: (field) => ({ line, column: field ? header.indexOf(field) + 1 || 1 : 1 }),
    };
  });
}

function readStructured(source: SourceFile): BatchEntry[] {
  const doc = parseDocumentText(source.text, source.file);
  const value = doc.value;
  const problems: Problem[] = [];
  const fail = (path: (string | number)[], message: string) => problems.push({ file: doc.file, ...doc.locate(path), path: formatPath(path), message });
  const report: Report = (found) => problems.push(...found);

  let entries: BatchEntry[] = [];
  if (Array.isArray(value)) {
    entries = rowsAt(doc, value, [], fail, report);
  } else if (isRecord(value) && Array.isArray(value.learners)) {
    checkKeys(value, ['learners'], [], fail);
    entries = rowsAt(doc, value.learners, ['learners'], fail, report);
  } else if (isRecord(value) && isRecord(value.matrix)) {
    checkKeys(value, ['matrix', 'defaults'], [], fail);
    entries = expandMatrix(doc, value.matrix, value.defaults, fail, report);
  } else {
    fail([], 'expected a list of learners, a mapping with `learners:`, or a `matrix:` block');
  }
  if (problems.length > 0) throw new RoadmapError('data', `${source.file}: the learner list is invalid`, problems);
  return entries;
}

type Fail = (path: (string | number)[], message: string) => void;
type Report = (found: Problem[]) => void;

function rowsAt(doc: ParsedDocument, rows: unknown[], base: (string | number)[], fail: Fail, report: Report): BatchEntry[] {
  return rows.flatMap((row, i) => {
    const path = [...base, i];
    if (!isRecord(row)) {
      fail(path, 'expected a mapping of parameters (name, start, track, …)');
      return [];
    }
    const fields = cellsAt(doc, BatchRowSchema, row, path, report);
    if (fields === undefined) return [];
    const { id, ...params } = fields;
    return [entry(doc, i, path, id, definedOnly(params))];
  });
}

function expandMatrix(doc: ParsedDocument, matrix: Record<string, unknown>, defaults: unknown, fail: Fail, report: Report): BatchEntry[] {
  checkKeys(matrix, MATRIX_KEYS, ['matrix'], fail);
  const axes: [MatrixKey, string[]][] = [];
  for (const key of MATRIX_KEYS) {
    const values = matrix[key];
    if (values === undefined) continue;
    if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === 'string' || typeof v === 'number')) {
      fail(['matrix', key], 'expected a non-empty list of values');
      continue;
    }
    axes.push([key, values.map(String)]);
  }
  let base: Partial<Record<RowKey, string>> = {};
  if (defaults !== undefined) {
    if (!isRecord(defaults)) fail(['defaults'], 'expected a mapping of parameters');
    else {
      base = definedOnly(cellsAt(doc, BatchDefaultsSchema, defaults, ['defaults'], report) ?? {});
    }
  }
  // Cartesian product, first axis outermost, in the order written: deterministic.
  let combos: Partial<Record<MatrixKey, string>>[] = [{}];
  for (const [key, values] of axes) combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  return combos.map((combo, index) => {
    const { id: _noId, ...defaults } = base;
    const params: BatchRow = { ...defaults, ...combo };
    const id = [base.name ?? 'learner', ...axes.map(([k]) => combo[k])].join('-');
    return entry(doc, index, ['matrix'], id, params, (field) => (field && field in combo ? ['matrix', field] : field && field in base ? ['defaults', field] : ['matrix']));
  });
}

function entry(doc: ParsedDocument, index: number, path: (string | number)[], id: string | undefined, params: BatchRow, fieldPath?: (field?: string) => (string | number)[]): BatchEntry {
  const here = doc.locate(path);
  return {
    index,
    file: doc.file,
    where: `${doc.file}:${here.line}:${here.column}`,
    id,
    params,
    locate: (field) => doc.locate(fieldPath ? fieldPath(field) : field ? [...path, field] : path),
  };
}

/**
 * A row (or `defaults:`) checked by its schema: its cells by column name, or undefined when
 * any is wrong, each problem located in the file as a config file's would be.
 */
function cellsAt<S extends z.ZodObject>(doc: ParsedDocument, schema: S, row: Record<string, unknown>, path: (string | number)[], report: Report): z.output<S> | undefined {
  const result = schema.safeParse(row);
  if (result.success) return result.data;
  const columns = Object.keys(schema.shape);
  // An unknown column is named with the columns a row may have, which a data file's unknown key is not.
  const issues = result.error.issues.flatMap((issue): z.core.$ZodIssue[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ code: 'custom', input: row[key], path: [...path, key], message: `unknown key "${key}"; expected one of ${columns.join(', ')}` }))
      : [{ ...issue, path: [...path, ...issue.path] }],
  );
  report(issuesToProblems(doc, issues));
  return undefined;
}

/** The cells that have a value: an empty cell is no column at all. */
function definedOnly<K extends string>(cells: Partial<Record<K, string | undefined>>): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const [k, v] of Object.entries(cells) as [K, string | undefined][]) if (v !== undefined) out[k] = v;
  return out;
}

function checkKeys(obj: Record<string, unknown>, allowed: readonly string[], path: (string | number)[], fail: Fail): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) fail([...path, key], `unknown key "${key}"; expected one of ${allowed.join(', ')}`);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

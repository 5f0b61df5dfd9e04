import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { RoadmapError, type Problem } from '../errors.js';

/** A parsed YAML or JSON document that can say where any data path came from. */
export interface ParsedDocument {
  file: string;
  value: unknown;
  /** Line/column (1-based) of the node at `path`, or of its nearest existing ancestor. */
  locate(path: readonly PropertyKey[], opts?: { key?: string }): { line: number; column: number };
}

/**
 * Parses YAML or JSON text (JSON is parsed as YAML 1.2, of which it is a subset, so both get
 * positions). Syntax errors become located problems; all of them are reported at once.
 */
export function parseDocumentText(text: string, file: string): ParsedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPos = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problems: Problem[] = [...doc.errors].map((e) => ({
    file,
    ...toPos(e.pos[0]),
    message: syntaxMessage(e.code, e.message),
  }));
  if (problems.length > 0) {
    throw new RoadmapError('data', `${file} is not valid YAML/JSON`, problems);
  }

  const locate = (path: readonly PropertyKey[], opts?: { key?: string }) => {
    let node: unknown = doc.contents;
    let best: Node | null = doc.contents ?? null;
    for (const seg of path) {
      const next = childOf(node, seg);
      if (!next) break;
      node = next.value ?? next.key;
      best = next.value ?? next.key;
      if (!next.value) break;
    }
    if (opts?.key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === opts.key);
      if (pair && isScalar(pair.key) && pair.key.range) return toPos(pair.key.range[0]);
    }
    return toPos(best?.range?.[0] ?? 0);
  };

  return { file, value: toValue(doc, file), locate };
}

/** More alias uses than real data needs: the mark of a "billion laughs" alias bomb. */
const MAX_ALIAS_COUNT = 100;

function toValue(doc: ReturnType<typeof parseDocument>, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // yaml throws a plain ReferenceError for this; it is the file's fault, not ours.
    if (!(e instanceof Error) || !/alias count/i.test(e.message)) throw e;
    const message = `its aliases (*name) expand too far (more than ${MAX_ALIAS_COUNT} alias uses); write the values out instead`;
    throw new RoadmapError('data', `${file} cannot be read`, [{ file, line: 1, column: 1, message }]);
  }
}

function childOf(node: unknown, seg: PropertyKey): { key: Node | null; value: Node | null } | null {
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
    if (!pair) return null;
    return { key: pair.key as Node, value: (pair.value as Node | null) ?? null };
  }
  if (isSeq(node) && typeof seg === 'number') {
    const item = node.items[seg];
    return item ? { key: null, value: item as Node } : null;
  }
  return null;
}

function syntaxMessage(code: string, message: string): string {
  // yaml's messages carry a code excerpt after the first line; keep the sentence only.
  const first = message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
  return code === 'DUPLICATE_KEY' ? first : `syntax error: ${first}`;
}

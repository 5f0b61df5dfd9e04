import { createHash } from 'node:crypto';

/** SHA-256 hex of bytes. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A stable hash of any structure of strings, numbers and byte arrays (sources, fonts,
 * parameters): object keys are visited in sorted order so the hash does not depend on how the
 * structure was built.
 */
export function hashValue(value: unknown): string {
  const h = createHash('sha256');
  const visit = (v: unknown): void => {
    if (v instanceof Uint8Array) {
      h.update(`b${v.byteLength}:`);
      h.update(v);
    } else if (Array.isArray(v)) {
      h.update(`a${v.length}[`);
      v.forEach(visit);
      h.update(']');
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v).sort();
      h.update(`o${keys.length}{`);
      for (const k of keys) {
        h.update(`${JSON.stringify(k)}:`);
        visit((v as Record<string, unknown>)[k]);
      }
      h.update('}');
    } else {
      h.update(`${typeof v}:${JSON.stringify(v) ?? 'undefined'};`);
    }
  };
  visit(value);
  return h.digest('hex');
}

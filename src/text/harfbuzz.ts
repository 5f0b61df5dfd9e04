import type * as HarfBuzzModule from 'harfbuzzjs';

export type HarfBuzz = typeof HarfBuzzModule;

let importHarfBuzz = (): Promise<HarfBuzz> => import('harfbuzzjs');
let loading: Promise<HarfBuzz> | undefined;

/**
 * HarfBuzz, loaded on first use and shared by the thread. harfbuzzjs instantiates its
 * WebAssembly with a top-level await, so it can only be imported, never `require`d; this is the
 * one place that imports it (the rest of the text engine reaches it through `LoadedFont.hb`).
 */
export function loadHarfBuzz(): Promise<HarfBuzz> {
  return (loading ??= importHarfBuzz());
}

/**
 * Replaces how HarfBuzz is imported, before first use. The CLI's CommonJS bundle runs as a
 * `vm.Script`, where Node 20 allows `import()` only behind an experimental flag, so the
 * launcher imports harfbuzzjs for it; a browser build can load it from its own URL.
 */
export function setHarfBuzzImport(load: () => Promise<HarfBuzz>): void {
  // Fonts and the shaping buffer belong to the HarfBuzz instance that made them: one per thread.
  if (loading) throw new Error('HarfBuzz is already loaded');
  importHarfBuzz = load;
}

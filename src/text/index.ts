// Public surface of the text engine. Browser-safe: nothing here reads files
// (src/node/load-fonts.ts is the Node loader).
export type * from './types.js';
export { createTextEngine, type TextEngineOptions } from './engine.js';
export { lineLayoutOf } from './line-layout.js';
export { FontConfigSchema, parseFontConfig, fontFilesOf, type FontConfig } from './config.js';
export { missingGlyphsError, checkMissingGlyphs } from './missing.js';
export { shapingStats, resetShapingStats, clearShapingCache, setShapingCacheCapacity, type ShapingStats } from './shape.js';

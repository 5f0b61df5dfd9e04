// Public surface of the text engine. Browser-safe: nothing here reads files
// (see load-fonts-node.ts for the Node loader).
export type * from './types.js';
export { createTextEngine, lineLayoutOf, type TextEngineOptions } from './engine.js';
export { FontConfigSchema, parseFontConfig, fontFilesOf, type FontConfig } from './config.js';
export { missingGlyphsError, checkMissingGlyphs } from './missing.js';
export { shapingStats, resetShapingStats, clearShapingCache, setShapingCacheCapacity, type ShapingStats } from './shape.js';

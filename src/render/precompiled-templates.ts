/**
 * Handlebars template specifications compiled ahead, by exact template source. Empty here;
 * `npm run build` (scripts/bundle.ts) replaces this module in the CLI bundle with the shipped
 * templates precompiled (`precompileTemplate`), which saves a cold build parsing and compiling
 * them (~70 ms). A template edited since is not in the map and is compiled as usual.
 */
export const precompiledTemplates: ReadonlyMap<string, TemplateSpecification> = new Map();

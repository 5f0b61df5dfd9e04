/**
 * Data and label files validated ahead, as JSON by kind and exact source text. Empty here;
 * `npm run build` (scripts/bundle.ts) replaces this module in the CLI bundle with the shipped
 * files (`validateAhead`), which saves a cold build parsing the YAML with positions and
 * running the schemas (~60 ms). A file edited since is not in the map and is validated as usual.
 */
export const validatedAhead: ReadonlyMap<string, string> = new Map();

import type { TemplateSet } from '../render/template-set.js';
import type { Locale } from '../schema/params.js';

/** A text file handed to the core: its display name (for errors) and its contents. */
export interface SourceFile {
  file: string;
  text: string;
}

/**
 * Everything a build reads, as data. The core never touches the file system: Node reads
 * these at the edge (src/node/), a browser could fetch them.
 */
export interface ProjectSources {
  data: SourceFile;
  /** Translations of the data by locale (`roadmap.<locale>.yaml`). */
  translations?: Record<Locale, SourceFile>;
  /** The complete label files roadmap-press ships, by locale. */
  labels: Record<Locale, SourceFile>;
  /** A project's own label files by locale, each key falling back to the shipped label. */
  projectLabels?: Record<Locale, SourceFile>;
  templates: TemplateSet;
  /**
   * Font configuration (fonts/stacks.json, parsed JSON) and font bytes by file name, for the
   * PDF workbook. Without it, builds produce the README and calendar only.
   */
  fonts?: { config: unknown; files: Record<string, Uint8Array> };
  /** Every roadmap id of the project the data belongs to (roadmaps/<id>/); absent for a lone data file. */
  roadmapIds?: string[];
  /** roadmap-press's version, printed into generated files. */
  version: string;
}

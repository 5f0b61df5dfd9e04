/** Template sources handed to the core: names for error messages, text for compiling. */
export interface TemplateSource {
  /** Shown in errors, e.g. `templates/readme.md.hbs`. */
  file: string;
  source: string;
}

export interface TemplateSet {
  readme: TemplateSource;
  workbook: TemplateSource;
  /** Partials by name (`plan-table` for `templates/partials/plan-table.hbs`). */
  partials: Record<string, TemplateSource>;
}

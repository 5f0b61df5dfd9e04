/**
 * Form field names, unique in the document: `section.kind-n`, where the section is the id of the
 * nearest heading of depth 1-2. Kinds that usually occur once per section (notes, review,
 * fill-in) leave the first one unnumbered.
 */
export class FormFields {
  readonly names: string[] = [];
  checkboxes = 0;
  private section = 'doc';
  private readonly counters = new Map<string, number>();

  enterSection(id: string): void {
    this.section = id;
  }

  name(kind: string, numberFirst: boolean): string {
    const key = `${this.section}.${kind}`;
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    const name = n === 1 && !numberFirst ? key : `${key}-${n}`;
    this.names.push(name);
    return name;
  }

  /** A task checkbox's field name (every checkbox is numbered). */
  checkbox(): string {
    this.checkboxes++;
    return this.name('check', true);
  }
}

/**
 * A bounded map that forgets the least recently used entry. A batch lays out thousands of
 * documents in one process, so every cache in the engine has a bound (pdfkit #1527 is what an
 * unbounded per-word cache does to a long run).
 */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  hits = 0;
  misses = 0;

  constructor(private cap: number) {
    this.cap = Math.max(1, Math.floor(cap));
  }

  get capacity(): number {
    return this.cap;
  }

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Re-insert to mark as most recently used.
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.cap) this.map.delete(this.map.keys().next().value as K);
  }

  resize(cap: number): void {
    this.cap = Math.max(1, Math.floor(cap));
    while (this.map.size > this.cap) this.map.delete(this.map.keys().next().value as K);
  }

  clear(): void {
    this.map.clear();
    this.resetStats();
  }

  resetStats(): void {
    this.hits = 0;
    this.misses = 0;
  }

  stats(): { hits: number; misses: number; size: number; capacity: number } {
    return { hits: this.hits, misses: this.misses, size: this.map.size, capacity: this.cap };
  }
}

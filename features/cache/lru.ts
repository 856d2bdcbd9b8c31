/** A least-recently-used map bounded both in entries and in the bytes its values weigh. */
export class BoundedLru<V> {
  private readonly map = new Map<string, { value: V; bytes: number }>()
  private total = 0

  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.map.size
  }

  /** The bytes the stored values weigh (keys included). */
  get bytes(): number {
    return this.total
  }

  get(key: string): V | undefined {
    const found = this.map.get(key)
    if (!found) return undefined
    // Re-inserting moves the key to the young end of the Map's insertion order.
    this.map.delete(key)
    this.map.set(key, found)
    return found.value
  }

  /** Stores `value`, weighing `bytes`; one heavier than the whole budget is not stored. */
  set(key: string, value: V, bytes: number): void {
    this.delete(key)
    const weight = bytes + key.length * 2
    if (weight > this.maxBytes || this.maxEntries < 1) return
    this.map.set(key, { value, bytes: weight })
    this.total += weight
    while (this.map.size > this.maxEntries || this.total > this.maxBytes) {
      const oldest = this.map.keys().next().value as string
      this.delete(oldest)
    }
  }

  delete(key: string): void {
    const found = this.map.get(key)
    if (!found) return
    this.map.delete(key)
    this.total -= found.bytes
  }

  clear(): void {
    this.map.clear()
    this.total = 0
  }
}

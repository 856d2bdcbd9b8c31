/**
 * Groups the calls made during one turn of the event loop: every `add(key, item)` made before the
 * batch for `key` runs shares the result of one `flush(key, items)`. The batch starts only after
 * all its callers arrived, so what it reads is never older than any of their requests.
 */
export function coalesce<T, R>(
  flush: (key: string, items: T[]) => Promise<R>,
): (key: string, item: T) => Promise<R> {
  const pending = new Map<string, { items: T[]; result: Promise<R> }>()
  return (key, item) => {
    let batch = pending.get(key)
    if (!batch) {
      const items: T[] = []
      const result = new Promise<R>((resolve, reject) => {
        setImmediate(() => {
          pending.delete(key)
          flush(key, items).then(resolve, reject)
        })
      })
      batch = { items, result }
      pending.set(key, batch)
    }
    batch.items.push(item)
    return batch.result
  }
}

/** One instance of `make()` per owner (a Payload instance), created on first use. */
export function perOwner<O extends object, V>(make: (owner: O) => V): (owner: O) => V {
  const values = new WeakMap<O, V>()
  return (owner) => {
    let value = values.get(owner)
    if (!value) {
      value = make(owner)
      values.set(owner, value)
    }
    return value
  }
}

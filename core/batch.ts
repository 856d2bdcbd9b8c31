import DataLoader from 'dataloader'
import type { PayloadRequest } from 'payload'

/**
 * Dispatches a batch on the next macrotask rather than DataLoader's default microtask: by then
 * every `afterRead` hook of the same list (Payload runs them across several promise turns) has
 * asked, so one list costs one query.
 */
const nextMacrotask = (dispatch: () => void) => {
  setImmediate(dispatch)
}

/**
 * A DataLoader that gathers the `load(key)` calls of one event-loop turn into one
 * `batch(keys)`. `cache: true` remembers each key's answer for the loader's life (a request's
 * reads); `cache: false` asks again every time (duplicate keys then reach `batch` as they came).
 */
export function tickLoader<K, V>(
  batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>,
  { cache, cacheKey }: { cache: boolean; cacheKey?: (key: K) => string },
): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>(batch, {
    cache,
    cacheKeyFn: cacheKey,
    batchScheduleFn: nextMacrotask,
  })
}

/**
 * Groups the calls made during one turn of the event loop: every `add(key, item)` made before the
 * batch runs shares, per key, the result of one `flush(key, items)`. The batch starts only after
 * all its callers arrived, so what it reads is never older than any of their requests, and a
 * caller is answered only once its key's flush has settled (with `afterBatch` run before any
 * answer, once every key of the batch has settled).
 */
export function coalesce<T, R>(
  flush: (key: string, items: T[]) => Promise<R>,
  { afterBatch }: { afterBatch?: () => void } = {},
): (key: string, item: T) => Promise<R> {
  const loader = tickLoader<{ key: string; item: T }, R>(
    async (calls) => {
      const groups = new Map<string, T[]>()
      for (const { key, item } of calls) {
        const items = groups.get(key)
        if (items) items.push(item)
        else groups.set(key, [item])
      }
      const results = new Map([...groups].map(([key, items]) => [key, flush(key, items)]))
      await Promise.allSettled(results.values())
      afterBatch?.()
      // Each caller gets its key's settled promise (DataLoader adopts it: a rejection stays one).
      return calls.map(({ key }) => results.get(key) as unknown as R)
    },
    { cache: false },
  )
  return (key, item) => loader.load({ key, item })
}

/** `make(arg)` once per owner of `arg` (held weakly: it goes when the owner goes). */
function memoizeBy<A, V>(ownerOf: (arg: A) => object, make: (arg: A) => V): (arg: A) => V {
  const values = new WeakMap<object, V>()
  return (arg) => {
    const owner = ownerOf(arg)
    let value = values.get(owner)
    if (!value) {
      value = make(arg)
      values.set(owner, value)
    }
    return value
  }
}

/** One instance of `make()` per owner (a Payload instance, a config, a graphql module), made on first use. */
export const perOwner = <O extends object, V>(make: (owner: O) => V): ((owner: O) => V) =>
  memoizeBy((owner) => owner, make)

/**
 * One instance of `make(req)` per request: keyed by `req.context`, which Payload hands on to the
 * nested operations and hooks of the same request, so a list and its relationships share it.
 */
export const perRequest = <V>(make: (req: PayloadRequest) => V): ((req: PayloadRequest) => V) =>
  memoizeBy((req) => (req.context ?? req) as object, make)

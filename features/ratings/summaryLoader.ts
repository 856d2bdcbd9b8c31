import type { Payload, PayloadRequest } from 'payload'
import { findSummaries, toSummary, type RatingSummary } from './summary.js'
import type { Id } from '../../core/ids.js'

interface Batch {
  ids: Map<string, Id>
  result: Promise<Map<string, RatingSummary>>
}

interface Loader {
  cache: Map<string, Promise<RatingSummary>>
  batch?: Batch
}

// One loader per request (keyed by its context object), so a list of 50 articles costs one query.
const loaders = new WeakMap<object, Loader>()

/**
 * The rating summary of an article, batched: every lookup made by the same request before the
 * next macrotask goes into one `in` query.
 */
export function loadSummary(req: PayloadRequest, article: Id): Promise<RatingSummary> {
  const owner = (req.context ?? req) as object
  let loader = loaders.get(owner)
  if (!loader) {
    loader = { cache: new Map() }
    loaders.set(owner, loader)
  }
  const key = String(article)
  const cached = loader.cache.get(key)
  if (cached) return cached
  const batch = loader.batch ?? startBatch(loader, req.payload)
  batch.ids.set(key, article)
  const summary = batch.result.then((found) => found.get(key) ?? toSummary(null))
  loader.cache.set(key, summary)
  return summary
}

function startBatch(loader: Loader, payload: Payload): Batch {
  const ids = new Map<string, Id>()
  const result = new Promise<Map<string, RatingSummary>>((resolve, reject) => {
    // A macrotask: every afterRead hook of the same list has been scheduled by then.
    setImmediate(() => {
      loader.batch = undefined
      findSummaries(payload, [...ids.values()]).then(resolve, reject)
    })
  })
  const batch = { ids, result }
  loader.batch = batch
  return batch
}

/** Remembers a summary this request has just produced (after a vote), so later reads agree with it. */
export function primeSummary(req: PayloadRequest, article: Id, summary: RatingSummary): void {
  const owner = (req.context ?? req) as object
  const loader = loaders.get(owner) ?? { cache: new Map() }
  loaders.set(owner, loader)
  loader.cache.set(String(article), Promise.resolve(summary))
}

import type { Payload } from 'payload'
import { increment } from './store'

/**
 * Group commit for counters: the increments that requests ask for in one event-loop turn are
 * merged per key into one atomic `$inc: n`, and every request is answered only once the
 * statement holding its hit has succeeded, so an acknowledged hit is always a stored one.
 * Under load this turns three writes per visit into three writes per batch of visits.
 */
class IncrementBatch {
  private pending = new Map<string, number>()
  private waiting: Array<{ resolve: () => void; reject: (error: unknown) => void }> = []
  private scheduled = false

  constructor(private readonly payload: Payload) {}

  add(keys: string[]): Promise<void> {
    for (const key of keys) this.pending.set(key, (this.pending.get(key) ?? 0) + 1)
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject })
      if (!this.scheduled) {
        this.scheduled = true
        setImmediate(() => void this.flush())
      }
    })
  }

  private async flush() {
    const pending = this.pending
    const waiting = this.waiting
    this.pending = new Map()
    this.waiting = []
    this.scheduled = false
    try {
      await Promise.all([...pending].map(([key, by]) => increment(this.payload, key, by)))
      for (const { resolve } of waiting) resolve()
    } catch (error) {
      for (const { reject } of waiting) reject(error)
    }
  }
}

const incrementBatches = new WeakMap<Payload, IncrementBatch>()

/** Adds 1 to each of `keys`; resolves once stored. */
export function addHits(payload: Payload, keys: string[]): Promise<void> {
  let batch = incrementBatches.get(payload)
  if (!batch) {
    batch = new IncrementBatch(payload)
    incrementBatches.set(payload, batch)
  }
  return batch.add(keys)
}

/**
 * Shares one read among the callers that ask for the same thing in one event-loop turn. A read
 * starts only after every caller that joined it asked, so it sees each caller's own writes.
 */
export function sharedRead<T>(owner: object, key: string, read: () => Promise<T>): Promise<T> {
  let pending = sharedReads.get(owner)
  if (!pending) {
    pending = new Map()
    sharedReads.set(owner, pending)
  }
  const waiting = pending.get(key) as Promise<T> | undefined
  if (waiting) return waiting
  const table = pending
  const promise = new Promise<T>((resolve, reject) => {
    setImmediate(() => {
      table.delete(key)
      read().then(resolve, reject)
    })
  })
  table.set(key, promise)
  return promise
}

const sharedReads = new WeakMap<object, Map<string, Promise<unknown>>>()

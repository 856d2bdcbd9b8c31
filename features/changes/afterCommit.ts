import type { Payload, PayloadRequest } from 'payload'

type TransactionId = string | number
type Pending = Map<TransactionId, Array<() => Promise<void>>>

const PENDING = Symbol.for('news-portal.afterCommit')
type WatchedDb = Payload['db'] & { [PENDING]?: Pending }

/**
 * Wraps the adapter's commit and rollback once, so work queued for a transaction runs right after
 * it commits (before the operation that committed it returns) and is dropped when it rolls back.
 */
function pendingOf(db: WatchedDb): Pending {
  if (db[PENDING]) return db[PENDING]
  const pending: Pending = new Map()
  db[PENDING] = pending
  const commit = db.commitTransaction.bind(db)
  db.commitTransaction = async (id) => {
    await commit(id)
    const queued = pending.get(id as TransactionId)
    pending.delete(id as TransactionId)
    for (const work of queued ?? []) await work()
  }
  const rollback = db.rollbackTransaction.bind(db)
  db.rollbackTransaction = async (id) => {
    pending.delete(id as TransactionId)
    await rollback(id)
  }
  return pending
}

/** Starts watching an instance's transactions (at start-up, before any save). */
export function watchCommits(payload: Payload): void {
  pendingOf(payload.db as WatchedDb)
}

/**
 * Runs `work` once what `req` wrote is visible to other connections: after its transaction
 * commits, or now when it has none (the write is already visible).
 */
export async function afterCommit(req: PayloadRequest, work: () => Promise<void>): Promise<void> {
  // Without transactions (SQLite's default) the id stays a promise of null: the write is visible.
  const raw: unknown = req.transactionID
  const id = raw && typeof (raw as PromiseLike<unknown>).then === 'function' ? await raw : raw
  if (typeof id !== 'string' && typeof id !== 'number') return work()
  const pending = pendingOf(req.payload.db as WatchedDb)
  const queued = pending.get(id) ?? []
  queued.push(work)
  pending.set(id, queued)
}

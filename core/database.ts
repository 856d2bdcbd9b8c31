import {
  ValidationError,
  type CollectionSlug,
  type Payload,
  type PayloadRequest,
  type Where,
} from 'payload'

/**
 * A unique index refused the write: every adapter (SQLite, PostgreSQL, MongoDB) reports it as a
 * Payload `ValidationError`. With `field`, only one that names that field (a unique `key`, say);
 * without, any (a compound index such as (article, voterHash) names no single field).
 */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  const named = (error as { name?: unknown } | null)?.name === 'ValidationError'
  if (!(error instanceof ValidationError) && !named) return false
  if (field === undefined) return true
  const errors = (error as { data?: { errors?: Array<{ path?: string }> } }).data?.errors ?? []
  return errors.some((entry) => entry.path === field)
}

/** MongoDB refused an id that is no ObjectId (`CastError`, `BSONError`): it names no document. */
export function isMalformedIdError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name
  return name === 'CastError' || name === 'BSONError'
}

/** SQLITE_BUSY (or "database is locked"), possibly wrapped in a driver error's `cause`. */
export function isBusy(error: unknown): boolean {
  for (
    let current = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined,
      depth = 0;
    current && depth < 4;
    depth++
  ) {
    if (typeof current.code === 'string' && current.code.startsWith('SQLITE_BUSY')) return true
    if (
      typeof current.message === 'string' &&
      /SQLITE_BUSY|database is locked/.test(current.message)
    )
      return true
    current = current.cause as typeof current
  }
  return false
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs one write statement, waiting asynchronously while SQLite's write lock is held by a Payload
 * transaction of this same process. (libsql runs statements synchronously, so `busy_timeout`
 * would block the very event loop the lock holder needs to commit; a failed BUSY statement wrote
 * nothing, so trying again later is exact.) Other adapters never throw BUSY and run once.
 */
export async function retryWhileBusy<T>(write: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 30_000
  for (let attempt = 0; ; attempt++) {
    try {
      return await write()
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error
      await sleep(1 + Math.random() * Math.min(25, 2 * attempt))
    }
  }
}

/** What `incrementRow` adds, where, and what it creates when the row does not exist yet. */
export interface RowIncrement {
  collection: CollectionSlug
  /** Names the one row (a unique key). */
  where: Where
  /** Numeric fields and what to add to each, in one atomic `$inc`. */
  inc: Record<string, number>
  /** The row to create when none matches (its figures already include `inc`); `null`: create nothing. */
  create: Record<string, unknown> | null
  /** The unique field whose violation means "another request created the row first". */
  uniqueField?: string
  req?: PayloadRequest
}

/**
 * Adds to a counter row with one atomic `$inc` (`UPDATE … SET n = n + ? … RETURNING` on SQL,
 * `findOneAndUpdate` on MongoDB; never read-modify-write) and returns the row's new figures. The
 * first write creates the row; when two first writes race, the unique index refuses one creation
 * and that one increments the row the other created. `null` when no row matched and `create` is
 * `null`. Each statement is retried while SQLite is busy (it wrote nothing then).
 */
export async function incrementRow(
  payload: Payload,
  { collection, where, inc, create, uniqueField, req }: RowIncrement,
): Promise<Record<string, unknown> | null> {
  const data = Object.fromEntries(Object.entries(inc).map(([field, by]) => [field, { $inc: by }]))
  for (let attempt = 0; attempt < 3; attempt++) {
    const updated = await retryWhileBusy(() =>
      payload.db.updateOne({ collection, where, data, options: { atomic: true }, req }),
    )
    if (updated) return updated as unknown as Record<string, unknown>
    if (!create) return null
    try {
      await retryWhileBusy(() =>
        payload.db.create({ collection, data: create, returning: false, req }),
      )
      return create
    } catch (error) {
      if (!isUniqueViolation(error, uniqueField)) throw error
    }
  }
  throw new Error(`${collection}: could not increment the row ${JSON.stringify(where)}.`)
}

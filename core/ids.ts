import type { CollectionSlug, Payload } from 'payload'

/** A document id: a number on SQL databases with serial ids, a string otherwise. */
export type Id = string | number

/** The id of a relationship value: an id as it is, or the `id` of a populated document. */
export function idOf(value: unknown): Id | undefined {
  if (typeof value === 'string' || typeof value === 'number') return value
  if (value && typeof value === 'object' && 'id' in value)
    return idOf((value as { id: unknown }).id)
  return undefined
}

/** The id of a relationship value as a map key (`'12'` for `12` and for `{ id: 12 }`). */
export function idKey(value: unknown): string | undefined {
  const id = idOf(value)
  return id === undefined ? undefined : String(id)
}

/**
 * An id sent by a client (`'12'`, `12`) as the database of `collection` stores it, or
 * `undefined` when it cannot name any document there (`'abc'` where ids are numbers).
 */
// PostgreSQL's `serial` ids are 4-byte integers; SQLite's are 8 bytes, safe in JavaScript up to 2^53.
const LARGEST_POSTGRES_ID = 2_147_483_647

/** True when `id` is a whole number this database can store as a numeric id. */
export function isStorableNumericId(payload: Payload, id: unknown): boolean {
  const largest = payload.db.name === 'postgres' ? LARGEST_POSTGRES_ID : Number.MAX_SAFE_INTEGER
  const value =
    typeof id === 'number' ? id : typeof id === 'string' && /^\d{1,16}$/.test(id) ? Number(id) : NaN
  return Number.isSafeInteger(value) && value >= 0 && value <= largest
}

export function storedId(payload: Payload, collection: CollectionSlug, value: Id): Id | undefined {
  const type = payload.collections[collection]?.customIDType ?? payload.db.defaultIDType
  if (type === 'number') {
    const text = String(value).trim()
    return isStorableNumericId(payload, text) ? Number(text) : undefined
  }
  return String(value)
}

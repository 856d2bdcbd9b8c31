import { isValidID, NotFound, type CollectionBeforeOperationHook, type Payload } from 'payload'

// PostgreSQL's `serial` ids are 4-byte integers; SQLite's are 8 bytes, safe in JavaScript up to 2^53.
const LARGEST_POSTGRES_ID = 2_147_483_647

/** True when `id` is a whole number this database can store as a numeric id. */
export function isStorableNumericId(payload: Payload, id: unknown): boolean {
  const largest = payload.db.name === 'postgres' ? LARGEST_POSTGRES_ID : Number.MAX_SAFE_INTEGER
  const value =
    typeof id === 'number' ? id : typeof id === 'string' && /^\d{1,16}$/.test(id) ? Number(id) : NaN
  return Number.isSafeInteger(value) && value >= 0 && value <= largest
}

/**
 * An id that cannot exist for this database (`/api/articles/abc` on a numeric-id database, or one
 * beyond PostgreSQL's integer range) is answered as "not found" instead of failing as a 500.
 */
export const rejectMalformedId: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const id = (args as { id?: unknown }).id
  if (id === undefined || id === null) return args
  const idType =
    req.payload.collections[collection.slug]?.customIDType ?? req.payload.db.defaultIDType
  const valid =
    idType === 'number'
      ? isStorableNumericId(req.payload, id)
      : isValidID(id as string, idType as 'text' | 'ObjectID')
  if (!valid) throw new NotFound(req.t)
  return args
}

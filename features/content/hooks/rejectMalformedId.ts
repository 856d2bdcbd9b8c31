import { isValidID, NotFound, type CollectionBeforeOperationHook } from 'payload'

/**
 * An id that cannot exist for this database (`/api/articles/abc` on a numeric-id database) is
 * answered as "not found" instead of reaching the database, where it would fail as a 500.
 */
export const rejectMalformedId: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const id = (args as { id?: unknown }).id
  if (id === undefined || id === null) return args
  const idType =
    req.payload.collections[collection.slug]?.customIDType ?? req.payload.db.defaultIDType
  const valid =
    idType === 'number'
      ? (typeof id === 'number' && Number.isSafeInteger(id)) ||
        (typeof id === 'string' && /^\d{1,15}$/.test(id))
      : isValidID(id as string, idType as 'text' | 'ObjectID')
  if (!valid) throw new NotFound(req.t)
  return args
}

import {
  isValidID,
  NotFound,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
} from 'payload'
import { isStorableNumericId } from '../../../core/ids.js'

/** Whether `id` could be an id of `collection` on this database (a number, a UUID, an ObjectID). */
export function isPossibleId(req: PayloadRequest, collection: string, id: unknown): boolean {
  const idType = req.payload.collections[collection]?.customIDType ?? req.payload.db.defaultIDType
  return idType === 'number'
    ? isStorableNumericId(req.payload, id)
    : isValidID(id as string, idType as 'text' | 'ObjectID')
}

/**
 * An id that cannot exist for this database (`/api/articles/abc` on a numeric-id database, or one
 * beyond PostgreSQL's integer range) is answered as "not found" instead of failing as a 500.
 */
export const rejectMalformedId: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const id = (args as { id?: unknown }).id
  if (id === undefined || id === null) return args
  if (!isPossibleId(req, collection.slug, id)) throw new NotFound(req.t)
  return args
}

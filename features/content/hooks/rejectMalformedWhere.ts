import { APIError, type CollectionBeforeOperationHook } from 'payload'
import { whereProblem } from '../whereProblem.js'

/**
 * A `where` the database adapter would fail on (an operator it lacks, an object, a date that is
 * no date, an id no row can have, a NUL character) is refused with a 400 naming the field,
 * instead of reaching the database, where it would fail as a 500.
 */
export const rejectMalformedWhere: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const where = (args as { where?: unknown }).where
  if (where === undefined || where === null) return args
  const problem = whereProblem(req.payload, collection.slug, where)
  if (problem) throw new APIError(`where: ${problem}`, 400, { field: 'where' }, true)
  return args
}

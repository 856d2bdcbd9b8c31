import { validations } from 'payload/shared'
import { idOf } from '../../../core/ids.js'

/** Accepts an empty value or an absolute http(s) URL. */
export const validateHttpUrl = (value: unknown): true | string => {
  if (value === null || value === undefined || value === '') return true
  if (typeof value !== 'string') return 'Must be a URL starting with http:// or https://.'
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? true
      : 'Must be a URL starting with http:// or https://.'
  } catch {
    // Expected: `new URL` throws for anything that is not a URL, which is what is refused.
    return 'Must be a URL starting with http:// or https://.'
  }
}

type RelationValidateOptions = Parameters<typeof validations.relationship>[1]

/**
 * Payload's own relationship check, plus: every id must name an existing document, so an
 * unknown id is refused with a message naming it instead of failing in the database.
 */
export const validateRelationExists = async (
  value: unknown,
  options: RelationValidateOptions,
): Promise<true | string> => {
  const base = await validations.relationship(value as never, options)
  if (base !== true || options.event === 'onChange') return base
  const relationTo = options.relationTo
  if (typeof relationTo !== 'string' || value === null || value === undefined) return true
  const ids = (Array.isArray(value) ? value : [value]).map(idOf).filter((id) => id !== undefined)
  if (ids.length === 0) return true
  const found = await options.req.payload.find({
    collection: relationTo,
    where: { id: { in: ids } },
    select: {},
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req: options.req,
  })
  const known = new Set(found.docs.map((doc) => String(doc.id)))
  const unknown = ids.filter((id) => !known.has(String(id)))
  return unknown.length === 0 ? true : `No ${relationTo} with id ${unknown.join(', ')}.`
}

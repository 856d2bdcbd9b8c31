import type { CollectionSlug, RelationshipFieldSingleValidation } from 'payload'
import { SITE_FIELD } from '../../../core/constants.js'
import { idKey } from '../../../core/ids.js'
import { validateRelationExists } from './validators.js'

/** Deeper than any real tree of pages: a chain this long is refused rather than followed forever. */
const MAX_DEPTH = 50

/**
 * A parent is an existing document of the same site, neither the document itself nor one of its
 * descendants (that would make a cycle: the page would sit under itself).
 */
export const validateNoCycleParent: RelationshipFieldSingleValidation = async (value, options) => {
  const own = idKey(options.id)
  const parent = idKey(value)
  if (parent === undefined || own === undefined) return validateRelationExists(value, options)
  if (parent === own) return 'A page cannot be its own parent.'
  const base = await validateRelationExists(value, options)
  if (base !== true) return base
  const collection = options.collectionSlug as CollectionSlug
  let current: string | undefined = parent
  for (let depth = 0; current !== undefined && depth < MAX_DEPTH; depth++) {
    const found = await options.req.payload.find({
      collection,
      where: { id: { equals: current } },
      select: { parent: true, [SITE_FIELD]: true } as never,
      depth: 0,
      limit: 1,
      pagination: false,
      draft: true,
      // Privileged on purpose (a draft ancestor counts); the parent's site was checked just above.
      overrideAccess: true,
      req: options.req,
    })
    current = idKey((found.docs[0] as { parent?: unknown } | undefined)?.parent)
    if (current === own)
      return `Page ${parent} is under this page: choosing it as the parent would make a cycle.`
  }
  return current === undefined ? true : `The pages above ${parent} are nested too deeply.`
}

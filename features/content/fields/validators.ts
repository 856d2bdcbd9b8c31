import type { CollectionSlug, PayloadRequest } from 'payload'
import { validations } from 'payload/shared'
import { SITE_FIELD } from '../../../core/constants.js'
import { idOf } from '../../../core/ids.js'
import { siteIdOf, siteScopeOf } from '../../sites/access.js'

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

const configOf = (req: PayloadRequest, slug: string | undefined) =>
  slug ? req.payload.collections[slug as CollectionSlug]?.config : undefined

/**
 * Payload's own relationship check, plus: every id must name an existing document, so an
 * unknown id is refused with a message naming it instead of failing in the database; and when
 * both sides are on sites, the related document must be on the document's site or shared (an
 * article of one commune never shows another's categories or authors). Media are global.
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
  const { req } = options
  const related = siteScopeOf(configOf(req, relationTo))
  const own = siteScopeOf(configOf(req, options.collectionSlug))
  const bySite = Boolean(related && own)
  const found = await req.payload.find({
    collection: relationTo,
    where: { id: { in: ids } },
    select: bySite ? { [SITE_FIELD]: true } : {},
    depth: 0,
    limit: 0,
    pagination: false,
    // Privileged on purpose (a draft editor may link what the public cannot see yet); the site
    // is compared below.
    overrideAccess: true,
    req,
  })
  const known = new Set(found.docs.map((doc) => String(doc.id)))
  const unknown = ids.filter((id) => !known.has(String(id)))
  if (unknown.length) return `No ${relationTo} with id ${unknown.join(', ')}.`
  if (!bySite) return true
  const site = siteIdOf((options.data as Record<string, unknown> | undefined)?.[SITE_FIELD])
  const elsewhere = found.docs
    .filter((doc) => {
      const theirs = siteIdOf((doc as Record<string, unknown>)[SITE_FIELD])
      return theirs !== site && !(theirs === undefined && related!.shared)
    })
    .map((doc) => doc.id)
  if (!elsewhere.length) return true
  const verb = elsewhere.length === 1 ? 'is' : 'are'
  return `${relationTo} ${elsewhere.join(', ')} ${verb} on another site than this document.`
}

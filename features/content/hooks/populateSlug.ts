import { ValidationError, type CollectionBeforeValidateHook, type CollectionSlug } from 'payload'
import { firstFreeSlug, slugify } from '../../../core/slugify.js'

/**
 * Fills `slug` from `sourceField` when it is empty, normalises an edited slug, and appends
 * `-2`, `-3`, … when another document of the collection already has it.
 * (The unique index on `slug` still guards against two saves racing for the same one.)
 */
export const populateSlug =
  ({ sourceField }: { sourceField: string }): CollectionBeforeValidateHook =>
  async ({ data, originalDoc, collection, req, operation }) => {
    if (!data) return data
    const given = typeof data.slug === 'string' ? data.slug.trim() : undefined
    const keep = operation === 'update' && given === undefined && originalDoc?.slug
    if (keep) return data

    const source = given || pickText(data[sourceField]) || pickText(originalDoc?.[sourceField])
    const base = source ? slugify(source) : ''
    if (!base) {
      // No title yet: the required title refuses the save with its own message.
      if (!source) return data
      throw new ValidationError({
        collection: collection.slug,
        errors: [
          {
            path: 'slug',
            message: `"${source}" has no letters or digits to make a slug from: type a slug.`,
          },
        ],
      })
    }
    if (base === originalDoc?.slug) {
      data.slug = base
      return data
    }
    const existing = await req.payload.find({
      collection: collection.slug as CollectionSlug,
      where: {
        and: [
          { slug: { like: base } },
          ...(originalDoc?.id !== undefined ? [{ id: { not_equals: originalDoc.id } }] : []),
        ],
      },
      select: { slug: true },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const pattern = new RegExp(`^${base}(-\\d+)?$`)
    const taken = existing.docs
      .map((doc) => (doc as { slug?: string }).slug)
      .filter((slug): slug is string => typeof slug === 'string' && pattern.test(slug))
    data.slug = firstFreeSlug(base, taken)
    return data
  }

/** A localized field arrives as a string in one locale, or as `{ vi, en }` with `locale: 'all'`. */
function pickText(value: unknown): string {
  if (typeof value === 'string') return value.trim()
  if (value && typeof value === 'object') {
    for (const text of Object.values(value))
      if (typeof text === 'string' && text.trim()) return text.trim()
  }
  return ''
}

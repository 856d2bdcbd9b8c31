import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

/**
 * Refuses a slug among `reserved` (typed or made from the title): the document's address would be
 * one the portal or Payload already answers. Runs after `populateSlug`, which settles the slug.
 */
export const rejectReservedSlug =
  (reserved: readonly string[]): CollectionBeforeValidateHook =>
  ({ data, collection }) => {
    const slug = typeof data?.slug === 'string' ? data.slug : undefined
    if (slug && reserved.includes(slug))
      throw new ValidationError({
        collection: collection.slug,
        errors: [
          {
            path: 'slug',
            message: `"${slug}" is one of the portal's own addresses (/${slug}): choose another slug.`,
          },
        ],
      })
    return data
  }

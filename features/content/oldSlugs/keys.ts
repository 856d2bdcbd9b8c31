import { ARTICLES_SLUG, CATEGORIES_SLUG } from '../../../core/constants.js'

/** The collections whose old slugs keep resolving (their public paths carry the slug). */
export const OLD_SLUG_COLLECTIONS = [ARTICLES_SLUG, CATEGORIES_SLUG] as const

/** Whether a collection keeps its old slugs. */
export const keepsOldSlugs = (collection: string): boolean =>
  (OLD_SLUG_COLLECTIONS as readonly string[]).includes(collection)

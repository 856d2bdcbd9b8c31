import {
  ValidationError,
  type CollectionBeforeValidateHook,
  type CollectionSlug,
  type Where,
} from 'payload'
import { SITE_FIELD } from '../../../core/constants.js'
import { firstFreeSlug, slugify } from '../../../core/slugify.js'
import { siteIdOf, siteScopeOf, type SiteScope } from '../../sites/access.js'
import { keepsOldSlugs } from '../oldSlugs/keys.js'
import { findOldSlugs } from '../oldSlugs/store.js'

/**
 * The documents whose slug a document's slug must differ from: on a collection on sites, those
 * of its site and the shared ones (both show on its site); a shared document's, every one (it
 * shows on every site). The same title on two sites thus gives the same slug.
 */
function rivalsWhere(scope: SiteScope | undefined, site: string | undefined): Where[] {
  if (!scope || site === undefined) return []
  const own: Where = { [SITE_FIELD]: { equals: site } }
  return [scope.shared ? { or: [own, { [SITE_FIELD]: { exists: false } }] } : own]
}

/**
 * Fills `slug` from `sourceField` when it is empty, normalises an edited slug, and appends
 * `-2`, `-3`, … when another document already has it (on a collection on sites, within the
 * document's site: `rivalsWhere`). The unique index on (site, slug), or on `slug`, still guards
 * against two saves racing for the same one.
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
    const scope = siteScopeOf(collection)
    // `site` is filled by then (the field's own hook runs first); a move to a site is checked again.
    const site = scope ? siteIdOf(data[SITE_FIELD]) : undefined
    if (base === originalDoc?.slug && site === siteIdOf(originalDoc?.[SITE_FIELD])) {
      data.slug = base
      return data
    }
    const existing = await req.payload.find({
      collection: collection.slug as CollectionSlug,
      where: {
        and: [
          { slug: { like: base } },
          ...rivalsWhere(scope, site),
          ...(originalDoc?.id !== undefined ? [{ id: { not_equals: originalDoc.id } }] : []),
        ],
      },
      select: { slug: true },
      depth: 0,
      limit: 0,
      pagination: false,
      // Privileged on purpose, scoped by site above: a slug taken by a draft is taken.
      overrideAccess: true,
      req,
    })
    // Another document's old slugs on this site stay reserved: they still lead to it.
    const reserved = keepsOldSlugs(collection.slug)
      ? (await findOldSlugs(req, collection.slug, site, { like: base }))
          .filter((row) => row.doc !== String(originalDoc?.id))
          .map((row) => row.oldSlug)
      : []
    const pattern = new RegExp(`^${base}(-\\d+)?$`)
    const taken = [
      ...existing.docs.map((doc) => (doc as { slug?: string }).slug),
      ...reserved,
    ].filter((slug): slug is string => typeof slug === 'string' && pattern.test(slug))
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

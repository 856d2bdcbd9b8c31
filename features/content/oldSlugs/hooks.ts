import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { SITE_FIELD } from '../../../core/constants.js'
import { siteIdOf } from '../../sites/access.js'
import { forgetOldSlugs, recordOldSlug } from './store.js'

/**
 * A changed slug keeps resolving: the old one is recorded for the document (on the site it was
 * on), and a slug the document takes back is no longer an old one.
 */
export const keepOldSlug: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  collection,
  req,
}) => {
  if (operation !== 'update') return doc
  const id = String(doc.id)
  const now = typeof doc.slug === 'string' ? doc.slug : undefined
  const before = typeof previousDoc?.slug === 'string' ? previousDoc.slug : undefined
  if (now) await forgetOldSlugs(req, collection.slug, id, now)
  const moved = siteIdOf(previousDoc?.[SITE_FIELD]) !== siteIdOf(doc[SITE_FIELD])
  if (before && (before !== now || moved))
    await recordOldSlug(req, collection.slug, siteIdOf(previousDoc?.[SITE_FIELD]), before, id)
  return doc
}

/** A deleted document's old slugs are free again. */
export const forgetOldSlugsOnDelete: CollectionAfterDeleteHook = async ({
  id,
  collection,
  req,
}) => {
  await forgetOldSlugs(req, collection.slug, String(id))
}

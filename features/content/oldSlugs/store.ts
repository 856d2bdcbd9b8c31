import type { PayloadRequest, Where } from 'payload'
import { SITE_FIELD, SLUG_REDIRECTS_SLUG } from '../../../core/constants.js'
import type { Id } from '../../../core/ids.js'

interface Row {
  id: Id
  doc: string
  oldSlug: string
}

const onSite = (site: string | undefined): Where[] =>
  site === undefined ? [{ [SITE_FIELD]: { exists: false } }] : [{ [SITE_FIELD]: { equals: site } }]

/** The old-slug rows of `collection` on `site` matching `slug` (a `like` pattern or an exact slug). */
export async function findOldSlugs(
  req: PayloadRequest,
  collection: string,
  site: string | undefined,
  slug: { like: string } | { equals: string },
): Promise<Row[]> {
  const { docs } = await req.payload.find({
    collection: SLUG_REDIRECTS_SLUG as never,
    where: { and: [{ collection: { equals: collection } }, { oldSlug: slug }, ...onSite(site)] },
    depth: 0,
    limit: 0,
    pagination: false,
    // Internal rows nobody else reads; scoped to `site` just above.
    overrideAccess: true,
    req,
  })
  return docs as unknown as Row[]
}

/** The id of the document that once had `slug` on `site`; `undefined` when none did. */
export async function currentOwnerOf(
  req: PayloadRequest,
  collection: string,
  site: string | undefined,
  slug: string,
): Promise<string | undefined> {
  return (await findOldSlugs(req, collection, site, { equals: slug }))[0]?.doc
}

/** Records that `doc` had `oldSlug` on `site` (the latest owner wins an old slug). */
export async function recordOldSlug(
  req: PayloadRequest,
  collection: string,
  site: string | undefined,
  oldSlug: string,
  doc: string,
): Promise<void> {
  const [existing] = await findOldSlugs(req, collection, site, { equals: oldSlug })
  if (existing?.doc === doc) return
  if (existing) {
    await req.payload.update({
      collection: SLUG_REDIRECTS_SLUG as never,
      id: existing.id,
      data: { doc } as never,
      // Internal row of `site` (found on it above).
      overrideAccess: true,
      req,
    })
    return
  }
  await req.payload.create({
    collection: SLUG_REDIRECTS_SLUG as never,
    data: { collection, oldSlug, doc, [SITE_FIELD]: site ?? null } as never,
    // Internal row, written on the document's own site.
    overrideAccess: true,
    req,
  })
}

/** Forgets old slugs of `doc` (all of them, or only `slug`: a document taking its old slug back). */
export async function forgetOldSlugs(
  req: PayloadRequest,
  collection: string,
  doc: string,
  slug?: string,
): Promise<void> {
  await req.payload.delete({
    collection: SLUG_REDIRECTS_SLUG as never,
    where: {
      and: [
        { collection: { equals: collection } },
        { doc: { equals: doc } },
        ...(slug === undefined ? [] : [{ oldSlug: { equals: slug } }]),
      ],
    },
    // site-scope: the rows of one document, on whatever site it had each slug.
    overrideAccess: true,
    req,
  })
}

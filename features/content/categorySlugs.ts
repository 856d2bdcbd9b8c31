import type { PayloadRequest } from 'payload'
import { perRequest, tickLoader } from '../../core/batch.js'
import { CATEGORIES_SLUG } from '../../core/constants.js'
import { idKey } from '../../core/ids.js'

// One loader per request: the canonical URLs of a list cost one query of categories together.
const slugs = perRequest((req) =>
  tickLoader<string, string | null>(
    async (ids) => {
      const { docs } = await req.payload.find({
        collection: CATEGORIES_SLUG,
        where: { id: { in: [...ids] } },
        select: { slug: true },
        depth: 0,
        limit: 0,
        pagination: false,
        // site-scope: an article's categories are on its own site (validateRelationExists).
        overrideAccess: true,
        req,
      })
      const byId = new Map(docs.map((doc) => [String(doc.id), (doc as { slug?: string }).slug]))
      return ids.map((id) => byId.get(id) ?? null)
    },
    { cache: true },
  ),
)

/** The slug of a category (an id or a populated category), batched per request. */
export async function categorySlugOf(req: PayloadRequest, value: unknown): Promise<string | null> {
  if (value && typeof value === 'object' && typeof (value as { slug?: unknown }).slug === 'string')
    return (value as { slug: string }).slug
  const id = idKey(value)
  return id === undefined ? null : slugs(req).load(id)
}

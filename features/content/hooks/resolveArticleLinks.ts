import DataLoader from 'dataloader'
import type { FieldHook, PayloadRequest } from 'payload'
import type { ResolvedNewsPortalOptions } from '../../../core/types.js'
import { linkedArticleIds, resolveArticleLinks } from '../bodyHtml.js'
import { publicArticleWhere } from '../publicWhere.js'
import { isPossibleId } from './rejectMalformedId.js'

type PathLoader = DataLoader<string, string | null>

// One loader per request (its context object): the bodies of a list cost one query together.
const loaders = new WeakMap<object, PathLoader>()

function loaderFor(req: PayloadRequest, options: ResolvedNewsPortalOptions): PathLoader {
  const owner = (req.context ?? req) as object
  let loader = loaders.get(owner)
  if (!loader) {
    loader = new DataLoader((ids) => publicPaths(req, options, ids), {
      // Not cached: a request that publishes an article and then reads a body must see the link.
      cache: false,
      // A macrotask: every afterRead hook of the same list has asked by then.
      batchScheduleFn: (callback) => setImmediate(callback),
    })
    loaders.set(owner, loader)
  }
  return loader
}

/** The public path of each id (in order), `null` for an article the public cannot read now. */
async function publicPaths(
  req: PayloadRequest,
  options: ResolvedNewsPortalOptions,
  ids: readonly string[],
): Promise<Array<string | null>> {
  const possible = [...new Set(ids)].filter((id) => isPossibleId(req, 'articles', id))
  const { docs } = possible.length
    ? await req.payload.find({
        collection: 'articles',
        // The public rule whoever reads: bodyHtml is what readers get.
        where: { and: [{ id: { in: possible } }, publicArticleWhere()] },
        select: { slug: true, categories: true },
        populate: { categories: { slug: true } },
        depth: 1,
        limit: 0,
        pagination: false,
        overrideAccess: true,
        req,
      })
    : { docs: [] }
  const paths = new Map<string, string>(
    docs.map((doc) => {
      const primary = (doc as { categories?: unknown[] }).categories?.[0]
      const primaryCategorySlug =
        primary && typeof primary === 'object'
          ? ((primary as { slug?: string }).slug ?? null)
          : null
      return [
        String(doc.id),
        options.articlePath({ slug: (doc as { slug?: string }).slug, primaryCategorySlug }),
      ]
    }),
  )
  return ids.map((id) => paths.get(id) ?? null)
}

/**
 * `bodyHtml` as read: internal links get the target's public path while it is public (published,
 * its `publishedAt` reached, not expired), and are plain text otherwise. Decided at every read, so
 * publishing, a scheduled time arriving, unpublishing, expiry and deletion show at once.
 */
export const resolveArticleLinksOnRead =
  (options: ResolvedNewsPortalOptions): FieldHook =>
  async ({ value, req }) => {
    if (typeof value !== 'string') return value
    const ids = linkedArticleIds(value)
    if (!ids.length) return value
    const found = await loaderFor(req, options).loadMany(ids)
    const paths = new Map<string, string>()
    found.forEach((path, index) => {
      if (typeof path === 'string') paths.set(ids[index], path)
    })
    return resolveArticleLinks(value, paths)
  }

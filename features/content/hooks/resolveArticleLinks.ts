import DataLoader from 'dataloader'
import type { FieldHook, PayloadRequest } from 'payload'
import { ARTICLES_SLUG, SITE_FIELD } from '../../../core/constants.js'
import type { ResolvedNewsPortalOptions } from '../../../core/types.js'
import { siteIdOf } from '../../sites/access.js'
import { resolveSite } from '../../sites/resolve.js'
import { linkedArticleIds, resolveArticleLinks } from '../bodyHtml.js'
import { publicArticleWhere } from '../publicWhere.js'
import { isPossibleId } from './rejectMalformedId.js'

/** A link to look up: the target article, and the site of the article that links to it. */
interface LinkKey {
  id: string
  site: string | undefined
}

type PathLoader = DataLoader<LinkKey, string | null>

// One loader per request (its context object): the bodies of a list cost one query together.
const loaders = new WeakMap<object, PathLoader>()

function loaderFor(req: PayloadRequest, options: ResolvedNewsPortalOptions): PathLoader {
  const owner = (req.context ?? req) as object
  let loader = loaders.get(owner)
  if (!loader) {
    loader = new DataLoader((keys) => publicPaths(req, options, keys), {
      // Not cached: a request that publishes an article and then reads a body must see the link.
      cache: false,
      // A macrotask: every afterRead hook of the same list has asked by then.
      batchScheduleFn: (callback) => setImmediate(callback),
    })
    loaders.set(owner, loader)
  }
  return loader
}

/**
 * The public path of each link (in order), `null` for an article the public cannot read now or
 * one of another site than the linking article (its path would name a page of the wrong site).
 */
async function publicPaths(
  req: PayloadRequest,
  options: ResolvedNewsPortalOptions,
  keys: readonly LinkKey[],
): Promise<Array<string | null>> {
  const possible = [...new Set(keys.map((key) => key.id))].filter((id) =>
    isPossibleId(req, ARTICLES_SLUG, id),
  )
  const { docs } = possible.length
    ? await req.payload.find({
        collection: ARTICLES_SLUG,
        // The public rule whoever reads: bodyHtml is what readers get.
        where: { and: [{ id: { in: possible } }, publicArticleWhere()] },
        select: { slug: true, categories: true, [SITE_FIELD]: true },
        populate: { categories: { slug: true } },
        depth: 1,
        limit: 0,
        pagination: false,
        // Privileged on purpose (the reader may be the public); scoped to the linking site below.
        overrideAccess: true,
        req,
      })
    : { docs: [] }
  const found = new Map(
    docs.map((doc) => {
      const primary = (doc as { categories?: unknown[] }).categories?.[0]
      const primaryCategorySlug =
        primary && typeof primary === 'object'
          ? ((primary as { slug?: string }).slug ?? null)
          : null
      const path = options.articlePath({
        slug: (doc as { slug?: string }).slug,
        primaryCategorySlug,
      })
      const site = siteIdOf((doc as Record<string, unknown>)[SITE_FIELD])
      return [String(doc.id), { path, site }]
    }),
  )
  return keys.map((key) => {
    const target = found.get(key.id)
    return target && target.site === key.site ? target.path : null
  })
}

/**
 * `bodyHtml` as read: internal links get the target's public path while it is public (published,
 * its `publishedAt` reached, not expired) and on the same site as the article read, and are plain
 * text otherwise. Decided at every read, so publishing, a scheduled time arriving, unpublishing,
 * expiry, deletion and a move to another site show at once.
 */
export const resolveArticleLinksOnRead =
  (options: ResolvedNewsPortalOptions): FieldHook =>
  async ({ value, siblingData, req }) => {
    if (typeof value !== 'string') return value
    const ids = linkedArticleIds(value)
    if (!ids.length) return value
    // The article's own site; when a narrow `select` left it out, the site it is read on.
    const own = siblingData?.[SITE_FIELD]
    const site = own !== undefined ? siteIdOf(own) : siteIdOf((await resolveSite(req, options))?.id)
    const found = await loaderFor(req, options).loadMany(ids.map((id) => ({ id, site })))
    const paths = new Map<string, string>()
    found.forEach((path, index) => {
      if (typeof path === 'string') paths.set(ids[index], path)
    })
    return resolveArticleLinks(value, paths)
  }

import type { Endpoint, PayloadRequest, Where } from 'payload'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { publicArticleWhere } from '../content/publicWhere.js'
import { feedCategory, feedLocale } from './params.js'
import { renderRss, type RssItem } from './rss.js'
import { ARTICLES_SLUG, CATEGORIES_SLUG, SITE_FIELD, SITE_HEADER } from '../../core/constants.js'
import type { Id } from '../../core/ids.js'
import { PortalError, answeringPortalErrors } from '../../core/errors.js'
import type { PortalSite } from '../sites/registry.js'
import { resolveSite } from '../sites/resolve.js'
import { siteBaseUrl } from '../sites/url.js'

/** How many articles the feed carries. */
export const FEED_SIZE = 20

type Named = { name?: string | null; title?: string | null; slug?: string | null }
type FeedArticle = {
  title?: string | null
  slug?: string | null
  lead?: string | null
  publishedAt?: string | null
  byline?: string | null
  authors?: Array<Named | Id> | null
  categories?: Array<Named | Id> | null
}

const populated = (values: FeedArticle['authors']): Named[] =>
  (values ?? []).filter((value): value is Named => typeof value === 'object' && value !== null)

/**
 * The public site's base URL: the request's site's `siteUrl`, else the option, else the config's
 * `serverURL`, else the request's origin.
 */
export function siteUrlFor(
  req: PayloadRequest,
  options: ResolvedNewsPortalOptions,
  site: PortalSite | null,
): string {
  const configured =
    siteBaseUrl(site) || options.siteUrl || req.payload.config.serverURL?.replace(/\/+$/, '')
  if (configured) return configured
  return req.url ? new URL(req.url).origin : 'http://localhost:3000'
}

const unknownCategory = (slug: string) =>
  new PortalError('NOT_FOUND', `category: no category has the slug "${slug}".`, {
    field: 'category',
  })
const badRequest = (message: string) => Response.json({ errors: [{ message }] }, { status: 400 })

/**
 * `GET /api/feed.xml[?category=slug][&locale=code]`: RSS 2.0 with the latest public articles of the
 * request's site, newest first, read with the public rule whoever asks (a logged-in editor's feed
 * shows no drafts, nor their other sites' articles).
 */
export const feedEndpoint = (options: ResolvedNewsPortalOptions): Endpoint => ({
  path: '/feed.xml',
  method: 'get',
  handler: answeringPortalErrors(async (req) => {
    const { payload } = req
    const localeParam = feedLocale(req)
    if ('error' in localeParam) return badRequest(localeParam.error)
    const categoryParam = feedCategory(req)
    if ('error' in categoryParam) return badRequest(categoryParam.error)
    const locale = localeParam.value
    const categorySlug = categoryParam.value
    // An unknown x-portal-site is UNKNOWN_SITE (400, naming the header) before anything is read.
    const site = await resolveSite(req, options)
    const onSite: Where[] = site ? [{ [SITE_FIELD]: { equals: site.id } }] : []
    const where: Where[] = [publicArticleWhere(), ...onSite]
    let category: Named | undefined
    if (categorySlug) {
      const found = await payload.find({
        collection: CATEGORIES_SLUG,
        where: { and: [{ slug: { equals: categorySlug } }, ...onSite] },
        limit: 1,
        pagination: false,
        depth: 0,
        locale,
        overrideAccess: false,
        req,
      })
      category = found.docs[0] as Named | undefined
      if (!category) throw unknownCategory(categorySlug)
      where.push({ categories: { in: [(found.docs[0] as { id: Id }).id] } })
    }
    const { docs } = await payload.find({
      collection: ARTICLES_SLUG,
      where: { and: where },
      // `-createdAt` orders nothing after the unique id; named, Payload adds no tie-break of its own
      // and the feed's index (features/content/readIndexes.ts) serves the whole order.
      sort: ['-publishedAt', '-id', '-createdAt'],
      limit: FEED_SIZE,
      pagination: false,
      depth: 1,
      locale,
      select: {
        title: true,
        slug: true,
        lead: true,
        publishedAt: true,
        byline: true,
        authors: true,
        categories: true,
      },
      populate: { authors: { name: true }, categories: { title: true, slug: true } },
      overrideAccess: false,
      req,
    })
    const siteUrl = siteUrlFor(req, options, site)
    const siteName = site?.name || options.siteName
    const items: RssItem[] = (docs as FeedArticle[]).map((article) => {
      const categories = populated(article.categories)
      const authors = populated(article.authors)
        .map((author) => author.name ?? '')
        .filter(Boolean)
      if (!authors.length && article.byline) authors.push(article.byline)
      return {
        title: article.title ?? '',
        link:
          siteUrl +
          options.articlePath({
            slug: article.slug,
            primaryCategorySlug: categories[0]?.slug ?? null,
          }),
        description: article.lead,
        pubDate: new Date(article.publishedAt ?? 0),
        authors,
        categories: categories.map((entry) => entry.title ?? '').filter(Boolean),
      }
    })
    const selfUrl = `${siteUrl}/api/feed.xml${categorySlug ? `?category=${encodeURIComponent(categorySlug)}` : ''}`
    const xml = renderRss({
      title: category?.title ? `${siteName} – ${category.title}` : siteName,
      link: category?.slug ? `${siteUrl}/${category.slug}` : siteUrl,
      description: category?.title ? `${category.title} – ${siteName}` : siteName,
      selfUrl,
      language: locale ?? undefined,
      items,
    })
    return new Response(xml, {
      status: 200,
      headers: {
        'Content-Type': 'application/rss+xml; charset=utf-8',
        'Cache-Control': `public, max-age=${options.feedCacheSeconds}, s-maxage=${options.feedCacheSeconds}`,
        // One URL, one feed per site: a shared cache keys it by the header that names the site too.
        Vary: SITE_HEADER,
      },
    })
  }),
})

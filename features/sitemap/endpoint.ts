import type { Endpoint, PayloadRequest } from 'payload'
import { ARTICLES_SLUG, CATEGORIES_SLUG, SITE_FIELD, SITE_HEADER } from '../../core/constants.js'
import { PortalError, answeringPortalErrors } from '../../core/errors.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { publicArticleWhere } from '../content/publicWhere.js'
import { siteUrlFor } from '../feed/endpoint.js'
import type { PortalSite } from '../sites/registry.js'
import { resolveSite } from '../sites/resolve.js'
import { sitemapPage } from './params.js'
import { sitemapSources, type SitemapContext } from './sources.js'
import { renderNewsSitemap, renderSitemapIndex, renderUrlset } from './xml.js'

/** How far back the news sitemap reaches (Google News: articles of the last two days). */
export const NEWS_SITEMAP_DAYS = 2
/** Most articles in the news sitemap (Google News' limit). */
export const NEWS_SITEMAP_SIZE = 1_000

const badRequest = (message: string) => Response.json({ errors: [{ message }] }, { status: 400 })

function xmlResponse(xml: string, options: ResolvedNewsPortalOptions): Response {
  return new Response(xml, {
    status: 200,
    headers: {
      'Content-Type': 'application/xml; charset=utf-8',
      'Cache-Control': `public, max-age=${options.feedCacheSeconds}, s-maxage=${options.feedCacheSeconds}`,
      // One URL, one sitemap per site: a shared cache keys it by the header that names the site too.
      Vary: SITE_HEADER,
    },
  })
}

const onSite = (site: PortalSite | null) => (site ? [{ [SITE_FIELD]: { equals: site.id } }] : [])

async function categorySlugs(req: PayloadRequest, site: PortalSite | null) {
  const { docs } = await req.payload.find({
    collection: CATEGORIES_SLUG,
    where: { and: onSite(site) },
    select: { slug: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return new Map(docs.map((doc) => [String(doc.id), String((doc as { slug?: string }).slug)]))
}

async function sitemapContext(
  req: PayloadRequest,
  options: ResolvedNewsPortalOptions,
): Promise<SitemapContext> {
  // An unknown x-portal-site is UNKNOWN_SITE (400, naming the header) before anything is read.
  const site = await resolveSite(req, options)
  return {
    req,
    site,
    baseUrl: siteUrlFor(req, options, site),
    categorySlugs: await categorySlugs(req, site),
  }
}

/**
 * `GET /api/sitemap.xml[?page=N]`: the request's site's public URLs (categories, articles, …) with
 * `lastmod`. Up to `sitemapPageSize` URLs it is one `<urlset>`; past it, a `<sitemapindex>` of
 * `?page=N` files, each source paged on its own (a file never mixes two sources).
 */
export const sitemapEndpoint = (options: ResolvedNewsPortalOptions): Endpoint => ({
  path: '/sitemap.xml',
  method: 'get',
  handler: answeringPortalErrors(async (req) => {
    const pageParam = sitemapPage(req)
    if ('error' in pageParam) return badRequest(pageParam.error)
    const context = await sitemapContext(req, options)
    const size = options.sitemapPageSize
    const sources = sitemapSources(options)
    const counts = await Promise.all(sources.map((source) => source.count(context)))
    const single = counts.reduce((sum, count) => sum + count, 0) <= size
    const files = single
      ? [{ sources, page: 1 }]
      : sources.flatMap((source, index) =>
          Array.from({ length: Math.ceil(counts[index] / size) }, (_, page) => ({
            sources: [source],
            page: page + 1,
          })),
        )
    const page = pageParam.value
    if (page === undefined && !single)
      return xmlResponse(
        renderSitemapIndex(files.map((_, n) => `${context.baseUrl}/api/sitemap.xml?page=${n + 1}`)),
        options,
      )
    const file = files[(page ?? 1) - 1]
    if (!file)
      throw new PortalError('NOT_FOUND', `page: the sitemap has ${files.length} page(s).`, {
        field: 'page',
      })
    const urls = await Promise.all(
      file.sources.map((source) => source.list(context, file.page, size)),
    )
    return xmlResponse(renderUrlset(urls.flat()), options)
  }),
})

/**
 * `GET /api/news-sitemap.xml`: Google News' sitemap of the request's site: its public articles
 * published in the last two days, newest first, at most 1,000.
 */
export const newsSitemapEndpoint = (options: ResolvedNewsPortalOptions): Endpoint => ({
  path: '/news-sitemap.xml',
  method: 'get',
  handler: answeringPortalErrors(async (req) => {
    const { site, baseUrl, categorySlugs: slugs } = await sitemapContext(req, options)
    const now = new Date()
    const since = new Date(now.getTime() - NEWS_SITEMAP_DAYS * 86_400_000).toISOString()
    const localization = req.payload.config.localization
    const language = localization ? localization.defaultLocale : 'vi'
    const { docs } = await req.payload.find({
      collection: ARTICLES_SLUG,
      where: {
        and: [
          publicArticleWhere(now),
          { publishedAt: { greater_than_equal: since } },
          ...onSite(site),
        ],
      },
      select: { title: true, slug: true, publishedAt: true, primaryCategory: true },
      sort: ['-publishedAt', '-id'],
      limit: NEWS_SITEMAP_SIZE,
      pagination: false,
      depth: 0,
      locale: language as never,
      overrideAccess: true,
      req,
    })
    const articles = docs as Array<{
      title?: string | null
      slug?: string | null
      publishedAt: string
      primaryCategory?: unknown
    }>
    const xml = renderNewsSitemap(
      { name: site?.name || options.siteName, language },
      articles.map((article) => ({
        loc:
          baseUrl +
          options.articlePath({
            slug: article.slug,
            primaryCategorySlug:
              article.primaryCategory == null
                ? null
                : (slugs.get(String(article.primaryCategory)) ?? null),
          }),
        title: article.title ?? '',
        publicationDate: article.publishedAt,
      })),
    )
    return xmlResponse(xml, options)
  }),
})

import type { PayloadRequest, Where } from 'payload'
import { ARTICLES_SLUG, CATEGORIES_SLUG, SITE_FIELD } from '../../core/constants.js'
import { idOf } from '../../core/ids.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { publicArticleWhere } from '../content/publicWhere.js'
import type { PortalSite } from '../sites/registry.js'
import type { SitemapUrl } from './xml.js'

/** What a sitemap source is asked for: the request, its site and its public base URL. */
export interface SitemapContext {
  req: PayloadRequest
  site: PortalSite | null
  baseUrl: string
  /** Slugs of the site's categories by id (article URLs carry the primary category's). */
  categorySlugs: Map<string, string>
}

/**
 * One kind of public URL in the sitemap (categories, articles, pages …): how many the site has,
 * and one page of them (pages of `limit`, numbered from 1), in a stable order.
 */
export interface SitemapSource {
  name: string
  count: (context: SitemapContext) => Promise<number>
  list: (context: SitemapContext, page: number, limit: number) => Promise<SitemapUrl[]>
}

/** Reads are the public rule spelled out (not the reader's access): capped public pages would stop at 100. */
const onSite = (site: PortalSite | null): Where[] =>
  site ? [{ [SITE_FIELD]: { equals: site.id } }] : []

/** The site's categories, at `/{slug}`. */
export const categorySitemapSource: SitemapSource = {
  name: 'categories',
  count: async ({ req, site }) =>
    (
      await req.payload.count({
        collection: CATEGORIES_SLUG,
        where: { and: onSite(site) },
        overrideAccess: true,
        req,
      })
    ).totalDocs,
  list: async ({ req, site, baseUrl }, page, limit) => {
    const { docs } = await req.payload.find({
      collection: CATEGORIES_SLUG,
      where: { and: onSite(site) },
      select: { slug: true, updatedAt: true },
      sort: ['slug', 'id'],
      page,
      limit,
      depth: 0,
      overrideAccess: true,
      req,
    })
    return (docs as Array<{ slug?: string | null; updatedAt?: string | null }>).map((doc) => ({
      loc: `${baseUrl}/${doc.slug ?? ''}`,
      lastmod: doc.updatedAt,
    }))
  },
}

/** The site's public articles at the portal's article path, newest first. */
export const articleSitemapSource = (
  options: Pick<ResolvedNewsPortalOptions, 'articlePath'>,
): SitemapSource => {
  const where = (site: PortalSite | null): Where => ({
    and: [publicArticleWhere(), ...onSite(site)],
  })
  return {
    name: 'articles',
    count: async ({ req, site }) =>
      (
        await req.payload.count({
          collection: ARTICLES_SLUG,
          where: where(site),
          overrideAccess: true,
          req,
        })
      ).totalDocs,
    list: async ({ req, site, baseUrl, categorySlugs }, page, limit) => {
      const { docs } = await req.payload.find({
        collection: ARTICLES_SLUG,
        where: where(site),
        select: { slug: true, updatedAt: true, primaryCategory: true },
        sort: ['-publishedAt', '-id'],
        page,
        limit,
        depth: 0,
        overrideAccess: true,
        req,
      })
      return (
        docs as Array<{
          slug?: string | null
          updatedAt?: string | null
          primaryCategory?: unknown
        }>
      ).map((doc) => {
        const category = idOf(doc.primaryCategory)
        return {
          loc:
            baseUrl +
            options.articlePath({
              slug: doc.slug,
              primaryCategorySlug:
                category === undefined ? null : (categorySlugs.get(String(category)) ?? null),
            }),
          lastmod: doc.updatedAt,
        }
      })
    },
  }
}

/**
 * Every kind of URL the sitemap lists, in order. Another part of the portal (pages) adds its
 * source here, one line.
 */
export const sitemapSources = (options: ResolvedNewsPortalOptions): SitemapSource[] => [
  categorySitemapSource,
  articleSitemapSource(options),
]

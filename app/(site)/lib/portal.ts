import { cache } from 'react'
import {
  createPortalClient,
  isPortalError,
  type ArticlePage,
  type ArticleSummary,
  type Category,
  type Page,
  type PageSummary,
  type Paginated,
  type PortalClient,
  type PortalSite,
  type SearchResult,
} from 'news-portal-sdk'
import type { SiteLocale } from './locales.js'
import { readSiteKey } from './sites.js'

/** The portal's GraphQL endpoint as this server reaches it (itself, unless `PORTAL_API_URL` says otherwise). */
export const serverEndpoint = (): string =>
  process.env.PORTAL_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}/api/graphql`

const HOST_SITE_TTL_MS = 60_000
// A page render may meet a cold API (first start, a migration): wait longer than a reader's browser would.
const SERVER_TIMEOUT_MS = 30_000
// Which site a host is: deployment data, the same for every reader, so one map serves the process.
const siteOfHost = new Map<string, { slug: string; until: number }>()

/** The slug of the site a host serves, as the API resolves it (the host's domain, else the default site). */
async function slugOfHost(host: string): Promise<string> {
  const known = siteOfHost.get(host)
  if (known && known.until > Date.now()) return known.slug
  // This server is the reader's proxy: the API sees the reader's host only as `x-forwarded-host` (with TRUST_PROXY).
  const bare = createPortalClient({
    endpoint: serverEndpoint(),
    headers: { 'x-forwarded-host': host },
    timeoutMs: SERVER_TIMEOUT_MS,
  })
  const { slug } = await bare.site()
  siteOfHost.set(host, { slug, until: Date.now() + HOST_SITE_TTL_MS })
  return slug
}

/** The hosts this process has seen resolving to a site (its pages are cached under them). */
export const knownHostsOf = (slug: string): string[] =>
  [...siteOfHost].filter(([, site]) => site.slug === slug).map(([host]) => host)

/** What every page of one site and locale reads with: a fresh client (no reader state) and the site. */
export interface SiteContext {
  portal: PortalClient
  site: PortalSite
  locale: SiteLocale
}

/** The client and settings of the site a route's `siteKey` names; `null` for a key that names none. */
export const siteContext = cache(
  async (siteKey: string, locale: SiteLocale): Promise<SiteContext | null> => {
    const key = readSiteKey(siteKey)
    if (!key) return null
    const slug = 'slug' in key ? key.slug : await slugOfHost(key.host)
    const portal = createPortalClient({
      endpoint: serverEndpoint(),
      site: slug,
      locale,
      timeoutMs: SERVER_TIMEOUT_MS,
    })
    try {
      return { portal, site: await portal.site(), locale }
    } catch (error) {
      if ((error as { code?: string }).code === 'VALIDATION' || /names no site/.test(String(error)))
        return null
      throw error
    }
  },
)

/** The header's navigation: the site's top-level categories in their order. */
export const navigation = cache(async (siteKey: string, locale: SiteLocale) => {
  const context = await siteContext(siteKey, locale)
  if (!context) return null
  const { docs } = await context.portal.categories.list({ limit: 20, sort: 'order' })
  return { site: context.site, categories: docs.filter((category) => !category.parent) }
})

/** The side column of every page and the header's sections. */
export const sidebarData = cache(async (siteKey: string, locale: SiteLocale) => {
  const nav = await navigation(siteKey, locale)
  const context = await siteContext(siteKey, locale)
  if (!nav || !context) return null
  const [dossier, visitors] = await Promise.all([
    context.portal.widgets.dossierStats(),
    context.portal.widgets.visitors(),
  ])
  return { ...nav, dossier, visitors }
})

export interface HomeData {
  site: PortalSite
  latest: ArticleSummary[]
  featured: Array<{ category: Category; articles: ArticleSummary[] }>
}

/** `/`: the latest articles and the newest few of each category. */
export async function homeData(siteKey: string, locale: SiteLocale): Promise<HomeData | null> {
  const nav = await navigation(siteKey, locale)
  const context = await siteContext(siteKey, locale)
  if (!nav || !context) return null
  const { portal } = context
  const [latest, featured] = await Promise.all([
    portal.articles.list({ limit: 5, sort: '-publishedAt' }),
    Promise.all(
      nav.categories.map(async (category) => ({
        category,
        articles: (
          await portal.articles.list({ category: category.id, limit: 4, sort: '-publishedAt' })
        ).docs,
      })),
    ),
  ])
  return {
    site: context.site,
    latest: latest.docs,
    featured: featured.filter((group) => group.articles.length > 0),
  }
}

export const LIST_PAGE_SIZE = 10

/** `/{category}?trang=N`: the category and its page of articles, newest first. */
export async function categoryData(
  siteKey: string,
  locale: SiteLocale,
  categorySlug: string,
  page: number,
): Promise<{ site: PortalSite; category: Category; list: Paginated<ArticleSummary> } | null> {
  const context = await siteContext(siteKey, locale)
  if (!context) return null
  const category = await context.portal.categories.bySlug(categorySlug)
  if (!category) return null
  const list = await context.portal.articles.list({
    category: category.id,
    page,
    limit: LIST_PAGE_SIZE,
    sort: '-publishedAt',
  })
  if (page > 1 && list.docs.length === 0) return null
  return { site: context.site, category, list }
}

export type ArticleData =
  | {
      kind: 'article'
      site: PortalSite
      page: ArticlePage
      related: ArticleSummary[]
      hasEnglish: boolean
    }
  | { kind: 'moved'; categorySlug: string; slug: string }
  | { kind: 'missing' }

/** `/{category}/{slug}`: the whole article page in one request; an old slug or category says where it moved. */
export async function articleData(
  siteKey: string,
  locale: SiteLocale,
  categorySlug: string,
  slug: string,
): Promise<ArticleData> {
  const context = await siteContext(siteKey, locale)
  if (!context) return { kind: 'missing' }
  const page = await context.portal.articles.page(slug)
  if (!page) return { kind: 'missing' }
  const { article } = page
  const canonicalCategory = article.primaryCategory?.slug ?? categorySlug
  if (article.slug !== slug || canonicalCategory !== categorySlug)
    return { kind: 'moved', categorySlug: canonicalCategory, slug: article.slug }
  return {
    kind: 'article',
    site: context.site,
    page,
    related: page.related ?? [],
    hasEnglish: await hasEnglish(context, page),
  }
}

/** Whether an article has its own English title (the API falls back to Vietnamese otherwise). */
async function hasEnglish({ portal, locale }: SiteContext, page: ArticlePage): Promise<boolean> {
  if (locale === 'en') return true
  const english = await portal.articles.bySlug(page.article.slug, { locale: 'en' })
  return Boolean(english && english.title !== page.article.title)
}

/** The longest query the API searches (a longer one is refused: `SearchArticles`). */
export const MAX_QUERY_LENGTH = 200

/** What `/tim-kiem` shows: nothing asked yet, a page of results, or a query the API refused. */
export type SearchOutcome =
  | { kind: 'empty' }
  | { kind: 'tooLong' }
  | { kind: 'refused' }
  | { kind: 'results'; result: SearchResult }

/** `/tim-kiem?q=`: a page of the site's articles holding every word of the query. */
export async function searchData(
  siteKey: string,
  locale: SiteLocale,
  query: string,
  page: number,
): Promise<{ site: PortalSite; outcome: SearchOutcome } | null> {
  const context = await siteContext(siteKey, locale)
  if (!context) return null
  const q = query.trim()
  if (!q) return { site: context.site, outcome: { kind: 'empty' } }
  if (q.length > MAX_QUERY_LENGTH) return { site: context.site, outcome: { kind: 'tooLong' } }
  try {
    const result = await context.portal.articles.search(q, { page, limit: LIST_PAGE_SIZE })
    return { site: context.site, outcome: { kind: 'results', result } }
  } catch (error) {
    // A query the API cannot search (only punctuation, a page out of range): the reader's input, said on the page.
    if (isPortalError(error) && error.code === 'VALIDATION')
      return { site: context.site, outcome: { kind: 'refused' } }
    throw error
  }
}

/** The footer's links: the site's published static pages, in their order. */
export const staticPageLinks = cache(
  async (siteKey: string, locale: SiteLocale): Promise<PageSummary[]> => {
    const context = await siteContext(siteKey, locale)
    if (!context) return []
    const { docs } = await context.portal.pages.list({ limit: 20, sort: 'order' })
    return docs.filter((page) => page.slug && page.title)
  },
)

/** `/trang/{slug}`: a static page (introduction, contact…), or `null` when the site has none. */
export async function staticPageData(
  siteKey: string,
  locale: SiteLocale,
  slug: string,
): Promise<{ site: PortalSite; page: Page } | null> {
  const context = await siteContext(siteKey, locale)
  if (!context) return null
  const page = await context.portal.pages.bySlug(slug)
  return page ? { site: context.site, page } : null
}

/** The newest articles of a site for the print view's and download's neighbours: none needed, just the article. */
export async function printableArticle(siteKey: string, locale: SiteLocale, slug: string) {
  const context = await siteContext(siteKey, locale)
  if (!context) return null
  const page = await context.portal.articles.page(slug, { neighbors: 1 })
  return page ? { site: context.site, article: page.article } : null
}

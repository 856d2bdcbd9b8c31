import type { ArticlePage, ArticleSummary, Locale, PortalClient } from 'news-portal-sdk'

// SDK calls other branches add (search, pages, related): the site checks for them and says
// "not available" until they land; each becomes a plain call once the SDK has it.

/** `portal.articles.search(q, { category, page, limit })`'s documented result. */
export interface SearchResult {
  docs: ArticleSummary[]
  totalDocs: number
  page: number
  totalPages: number
}
type Search = (
  query: string,
  options: { category?: string | number; page?: number; limit?: number },
) => Promise<SearchResult>

/** A static page as `portal.pages.bySlug(slug, { locale })` will return it. */
export interface StaticPage {
  title: string
  slug: string
  bodyHtml?: string | null
  updatedAt?: string | null
}
type PageBySlug = (slug: string, options: { locale?: Locale }) => Promise<StaticPage | null>

export const features = {
  /** `portal.articles.search`, bound, when the SDK has it. */
  search(portal: PortalClient): Search | null {
    const articles = portal.articles as PortalClient['articles'] & { search?: Search }
    return typeof articles.search === 'function' ? articles.search.bind(articles) : null
  },
  /** `portal.pages.bySlug`, bound, when the SDK has it. */
  pageBySlug(portal: PortalClient): PageBySlug | null {
    const pages = (portal as PortalClient & { pages?: { bySlug?: PageBySlug } }).pages
    return typeof pages?.bySlug === 'function' ? pages.bySlug.bind(pages) : null
  },
  /** `ArticlePage.related`, when the API sends it; none until then. */
  related(page: ArticlePage): ArticleSummary[] {
    const related = (page as ArticlePage & { related?: ArticleSummary[] | null }).related
    return Array.isArray(related) ? related : []
  },
}

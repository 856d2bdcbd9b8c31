import { escapeXml } from '../feed/rss.js'

/** One `<url>` of a sitemap. */
export interface SitemapUrl {
  loc: string
  lastmod?: string | null
}

/** One `<url>` of a Google News sitemap. */
export interface NewsSitemapUrl {
  loc: string
  title: string
  publicationDate: string
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'

const lastmod = (value: string | null | undefined) =>
  value ? `<lastmod>${escapeXml(new Date(value).toISOString())}</lastmod>` : ''

/** A `<urlset>` (sitemaps.org 0.9). */
export function renderUrlset(urls: SitemapUrl[]): string {
  return [
    XML_DECLARATION,
    `<urlset xmlns="${SITEMAP_NS}">`,
    ...urls.map((url) => `<url><loc>${escapeXml(url.loc)}</loc>${lastmod(url.lastmod)}</url>`),
    '</urlset>',
    '',
  ].join('\n')
}

/** A `<sitemapindex>` pointing at each page's file. */
export function renderSitemapIndex(locations: string[]): string {
  return [
    XML_DECLARATION,
    `<sitemapindex xmlns="${SITEMAP_NS}">`,
    ...locations.map((loc) => `<sitemap><loc>${escapeXml(loc)}</loc></sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n')
}

/** A Google News sitemap: each article with its publication (name, language), date and title. */
export function renderNewsSitemap(
  publication: { name: string; language: string },
  urls: NewsSitemapUrl[],
): string {
  const name = escapeXml(publication.name)
  const language = escapeXml(publication.language)
  return [
    XML_DECLARATION,
    `<urlset xmlns="${SITEMAP_NS}" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">`,
    ...urls.map((url) =>
      [
        `<url><loc>${escapeXml(url.loc)}</loc><news:news>`,
        `<news:publication><news:name>${name}</news:name><news:language>${language}</news:language></news:publication>`,
        `<news:publication_date>${escapeXml(new Date(url.publicationDate).toISOString())}</news:publication_date>`,
        `<news:title>${escapeXml(url.title)}</news:title>`,
        '</news:news></url>',
      ].join(''),
    ),
    '</urlset>',
    '',
  ].join('\n')
}

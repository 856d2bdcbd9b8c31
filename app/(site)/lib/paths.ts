import type { ArticleSummary } from 'news-portal-sdk'
import { localePath, type SiteLocale } from './locales.js'
import { PAGE_PARAM } from './rewrite.js'

/** Where an article lives: under its primary category (or the one the reader came from). */
export const articlePath = (
  locale: SiteLocale,
  article: Pick<ArticleSummary, 'slug' | 'primaryCategory'>,
  fallbackCategory = 'tin-tuc',
): string =>
  localePath(locale, `/${article.primaryCategory?.slug ?? fallbackCategory}/${article.slug}`)

export const categoryPath = (locale: SiteLocale, slug: string, page = 1): string =>
  localePath(locale, `/${slug}${page > 1 ? `?${PAGE_PARAM}=${page}` : ''}`)

export const printPath = (articleHref: string): string => `${articleHref}/in`
export const downloadPath = (articleHref: string): string => `${articleHref}/luu`
export const searchPath = (locale: SiteLocale, query = ''): string =>
  localePath(locale, `/tim-kiem${query ? `?q=${encodeURIComponent(query)}` : ''}`)

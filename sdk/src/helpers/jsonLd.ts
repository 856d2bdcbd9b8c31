import type { Article, RatingSummary } from '../types.js'

export interface JsonLdOptions {
  /** The article's public URL (its canonical page). */
  url?: string
  /** Resolves relative media URLs (`/api/media/...`), e.g. `https://portal.example.vn`. */
  baseUrl?: string
  /** The site publishing it, e.g. `{ name: 'Trang Thông tin điện tử huyện Than Uyên', logo: 'https://…/logo.png' }`. */
  publisher?: { name: string; url?: string; logo?: string }
}

type JsonLdArticle = Pick<Article, 'title' | 'lead' | 'publishedAt' | 'updatedAt' | 'byline'> &
  Partial<Pick<Article, 'coverImage' | 'authors' | 'categories' | 'source' | 'tags'>> & {
    rating?: RatingSummary | null
  }

const absolute = (url: string | null | undefined, baseUrl?: string) => {
  if (!url) return undefined
  try {
    return new URL(url, baseUrl).toString()
  } catch {
    return url
  }
}

/** schema.org `NewsArticle` for a `<script type="application/ld+json">`, with `AggregateRating` once there are votes. */
export function articleJsonLd(
  article: JsonLdArticle,
  options: JsonLdOptions = {},
): Record<string, unknown> {
  const authors = (article.authors ?? []).map((author) => ({
    '@type': 'Person',
    name: author.name,
  }))
  if (!authors.length && article.byline) authors.push({ '@type': 'Person', name: article.byline })
  const image = absolute(article.coverImage?.url, options.baseUrl)
  const rating = article.rating
  const jsonLd: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    ...(article.lead ? { description: article.lead } : {}),
    datePublished: article.publishedAt,
    ...(article.updatedAt ? { dateModified: article.updatedAt } : {}),
    ...(options.url ? { url: options.url, mainEntityOfPage: options.url } : {}),
    ...(image ? { image: [image] } : {}),
    ...(authors.length ? { author: authors } : {}),
    ...(article.categories?.[0]?.title ? { articleSection: article.categories[0].title } : {}),
    ...(article.tags?.length ? { keywords: article.tags.join(', ') } : {}),
    ...(article.source?.title
      ? { sourceOrganization: { '@type': 'Organization', name: article.source.title } }
      : {}),
    ...(options.publisher
      ? {
          publisher: {
            '@type': 'Organization',
            name: options.publisher.name,
            ...(options.publisher.url ? { url: options.publisher.url } : {}),
            ...(options.publisher.logo
              ? { logo: { '@type': 'ImageObject', url: options.publisher.logo } }
              : {}),
          },
        }
      : {}),
  }
  if (rating && rating.count > 0) {
    jsonLd.aggregateRating = {
      '@type': 'AggregateRating',
      ratingValue: rating.average,
      ratingCount: rating.count,
      bestRating: 5,
      worstRating: 1,
    }
  }
  return jsonLd
}

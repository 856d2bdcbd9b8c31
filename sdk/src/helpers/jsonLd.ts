import type { Article, Author, RatingSummary } from '../types.js'

export interface JsonLdOptions {
  /** The article's canonical URL; defaults to the article's own `canonicalUrl`. */
  url?: string
  /** Resolves relative media URLs (`/api/media/...`), e.g. `https://portal.example.vn`; defaults to the canonical URL's origin. */
  baseUrl?: string
  /** The site publishing it, e.g. `{ name: 'Trang Thông tin điện tử huyện Than Uyên', logo: 'https://…/logo.png' }` (`portal.site()` gives the name and address). */
  publisher?: { name: string; url?: string | null; logo?: string | null }
  /** An author's page, e.g. `(author) => \`https://portal.example.vn/tac-gia/${author.slug}\``. */
  authorUrl?: (author: Pick<Author, 'name' | 'slug'>) => string | null | undefined
}

type JsonLdArticle = Pick<Article, 'title' | 'lead' | 'publishedAt' | 'updatedAt' | 'byline'> &
  Partial<
    Pick<
      Article,
      'coverImage' | 'authors' | 'categories' | 'source' | 'tags' | 'meta' | 'canonicalUrl'
    >
  > & {
    rating?: RatingSummary | null
  }

const absolute = (url: string | null | undefined, baseUrl?: string) => {
  if (!url) return undefined
  try {
    return new URL(url, baseUrl).toString()
  } catch {
    // Expected for a relative URL without a base: it cannot be made absolute, so it is left out.
    return undefined
  }
}

const originOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).origin : undefined
  } catch {
    // Expected for a URL that is not absolute: no origin to resolve media against.
    return undefined
  }
}

/**
 * schema.org `NewsArticle` for a `<script type="application/ld+json">`, with what Google's article
 * rich results read: headline, description, images (absolute), dates, authors, publisher with its
 * logo, the canonical page, and `AggregateRating` once there are votes.
 */
export function articleJsonLd(
  article: JsonLdArticle,
  options: JsonLdOptions = {},
): Record<string, unknown> {
  const canonical = options.url ?? article.canonicalUrl ?? undefined
  const baseUrl = options.baseUrl ?? originOf(canonical)
  const authors: Array<Record<string, unknown>> = (article.authors ?? []).map((author) => {
    const url = options.authorUrl?.(author)
    return { '@type': 'Person', name: author.name, ...(url ? { url } : {}) }
  })
  if (!authors.length && article.byline) authors.push({ '@type': 'Person', name: article.byline })
  const images = [
    ...new Set(
      [article.meta?.image?.url, article.coverImage?.url]
        .map((url) => absolute(url, baseUrl))
        .filter((url): url is string => Boolean(url)),
    ),
  ]
  const description = article.meta?.description || article.lead
  const publisher = options.publisher
  const logo = absolute(publisher?.logo, baseUrl)
  const rating = article.rating
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    ...(description ? { description } : {}),
    ...(images.length ? { image: images } : {}),
    datePublished: article.publishedAt,
    dateModified: article.updatedAt ?? article.publishedAt,
    ...(authors.length ? { author: authors } : {}),
    ...(publisher
      ? {
          publisher: {
            '@type': 'Organization',
            name: publisher.name,
            ...(publisher.url ? { url: publisher.url } : {}),
            ...(logo ? { logo: { '@type': 'ImageObject', url: logo } } : {}),
          },
        }
      : {}),
    ...(canonical
      ? { url: canonical, mainEntityOfPage: { '@type': 'WebPage', '@id': canonical } }
      : {}),
    ...(article.categories?.[0]?.title ? { articleSection: article.categories[0].title } : {}),
    ...(article.tags?.length ? { keywords: article.tags.join(', ') } : {}),
    ...(article.source?.title
      ? { sourceOrganization: { '@type': 'Organization', name: article.source.title } }
      : {}),
    ...(rating && rating.count > 0
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: rating.average,
            ratingCount: rating.count,
            bestRating: 5,
            worstRating: 1,
          },
        }
      : {}),
  }
}

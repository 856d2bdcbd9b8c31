import type { Payload } from 'payload'
import { generatedArticles } from '../../seed/generated.js'
import { seedArticle } from '../../seed/index.js'

/** A front end's whole article page: the article with its relationships, and both neighbour lists. */
export const ARTICLE_PAGE_QUERY = /* GraphQL */ `
  query ArticlePage($slug: String!, $neighbors: Int, $locale: LocaleInputType) {
    ArticlePage(slug: $slug, neighbors: $neighbors, locale: $locale) {
      article {
        id
        title
        slug
        lead
        bodyHtml
        publishedAt
        byline
        sourceUrl
        authors {
          id
          name
          pseudonym
          avatar {
            url
          }
        }
        source {
          id
          title
          url
          logo {
            url
          }
        }
        categories {
          id
          title
          slug
          parent {
            slug
          }
        }
        coverImage {
          id
          url
          alt
          caption
          width
          height
          sizes {
            thumbnail {
              url
            }
          }
        }
        rating {
          total
          count
          average
        }
        views
      }
      newer {
        ...ArticleCard
      }
      older {
        ...ArticleCard
      }
    }
  }
  fragment ArticleCard on Article {
    id
    title
    slug
    lead
    publishedAt
    coverImage {
      url
      alt
    }
    authors {
      name
    }
    categories {
      slug
      title
    }
    rating {
      average
      count
    }
    views
  }
`

export interface CardTitle {
  title: string
  publishedAt: string
}

/**
 * The seed article's public neighbours in its category, worked out from the seed's own data
 * (not from the resolver): newer ascending and older descending by publishedAt.
 */
export function expectedSeedNeighbors(): { newer: CardTitle[]; older: CardTitle[] } {
  const pool = generatedArticles()
    .filter(
      (article) =>
        article.categorySlug === 'tin-tuc-su-kien' &&
        article.status === 'published' &&
        !article.expiresAt,
    )
    .map(({ title, publishedAt }) => ({ title, publishedAt: new Date(publishedAt).toISOString() }))
  const at = seedArticle.publishedAt
  return {
    newer: pool
      .filter((article) => article.publishedAt > at)
      .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt)),
    older: pool
      .filter((article) => article.publishedAt < at)
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)),
  }
}

/** The stored slug of an article found by title, whatever its status (drafts included). */
export async function slugOf(payload: Payload, title: string): Promise<string> {
  const { docs } = await payload.find({
    collection: 'articles',
    where: { title: { equals: title } },
    draft: true,
    overrideAccess: true,
    limit: 1,
    depth: 0,
  })
  const slug = (docs[0] as { slug?: string } | undefined)?.slug
  if (!slug) throw new Error(`no article titled "${title}"`)
  return slug
}

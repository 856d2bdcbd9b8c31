import { ValidationError, type PayloadRequest, type TypedLocale, type Where } from 'payload'
import type { GraphQLFieldsExtension } from '../feature'
import { publicArticleWhere } from '../lib/publicWhere'

/** How many newer and older articles a page may ask for. */
export const NEIGHBORS = { default: 5, min: 1, max: 20 } as const

type ArticleDoc = Record<string, unknown> & { id: string | number; publishedAt?: string | null; categories?: unknown[] | null }

export interface ArticlePageData {
  article: ArticleDoc
  newer: ArticleDoc[]
  older: ArticleDoc[]
}

export interface ArticlePageArgs {
  slug: string
  neighbors?: number | null
  locale?: string | null
  fallbackLocale?: string | null
}

/** Throws Payload's ValidationError (HTTP 400) naming `neighbors` unless it is an integer in 1..20. */
export function checkNeighbors(neighbors: number | null | undefined): number {
  const value = neighbors ?? NEIGHBORS.default
  if (!Number.isInteger(value) || value < NEIGHBORS.min || value > NEIGHBORS.max) {
    throw new ValidationError({
      errors: [
        {
          path: 'neighbors',
          message: `neighbors must be an integer from ${NEIGHBORS.min} to ${NEIGHBORS.max}; got ${value}.`,
        },
      ],
    })
  }
  return value
}

function idOf(value: unknown): string | number | undefined {
  if (typeof value === 'string' || typeof value === 'number') return value
  if (value && typeof value === 'object' && 'id' in value) return idOf((value as { id: unknown }).id)
  return undefined
}

/**
 * One article page in three database queries, whatever `neighbors` is: the article by slug (the
 * reader's own access applies), then its newer and older neighbours in parallel. Everything is read
 * at depth 0 with the caller's `req`, so relationships are filled later by Payload's per-request
 * DataLoader, one batched query per related collection for the whole page.
 */
export async function findArticlePage(req: PayloadRequest, args: ArticlePageArgs): Promise<ArticlePageData | null> {
  const neighbors = checkNeighbors(args.neighbors)
  const { payload } = req
  const locale = (args.locale ?? req.locale ?? undefined) as TypedLocale | undefined
  const fallbackLocale = (args.fallbackLocale ?? req.fallbackLocale ?? undefined) as TypedLocale | undefined
  const found = await payload.find({
    collection: 'articles',
    where: { slug: { equals: args.slug } },
    limit: 1,
    pagination: false,
    depth: 0,
    locale,
    fallbackLocale,
    overrideAccess: false,
    req,
  })
  const article = found.docs[0] as ArticleDoc | undefined
  if (!article) return null
  if (!article.publishedAt) return { article, newer: [], older: [] }

  const publishedAt = article.publishedAt
  const primaryCategory = idOf(article.categories?.[0])
  // Neighbours are public whoever asks: an editor's page shows what readers will see next to it.
  const scope: Where[] = [publicArticleWhere(), { id: { not_equals: article.id } }]
  if (primaryCategory !== undefined) scope.push({ categories: { in: [primaryCategory] } })
  const after = (direction: 'greater_than' | 'less_than'): Where => ({
    or: [
      { publishedAt: { [direction]: publishedAt } },
      { and: [{ publishedAt: { equals: publishedAt } }, { id: { [direction]: article.id } }] },
    ],
  })
  const list = (direction: 'greater_than' | 'less_than', sort: string[]) =>
    payload
      .find({
        collection: 'articles',
        where: { and: [...scope, after(direction)] },
        sort,
        limit: neighbors,
        pagination: false,
        depth: 0,
        locale,
        fallbackLocale,
        overrideAccess: false,
        req,
      })
      .then((result) => result.docs as ArticleDoc[])
  const [newer, older] = await Promise.all([
    list('greater_than', ['publishedAt', 'id']),
    list('less_than', ['-publishedAt', '-id']),
  ])
  return { article, newer, older }
}

/**
 * `ArticlePage(slug, locale, fallbackLocale, neighbors)`: a whole article page in one round trip.
 * `article`, `newer` and `older` are Payload's own `Article` type, so every field of it (virtual
 * ones such as `rating` and `views` included) resolves exactly as in `Article(id)`.
 */
export const articlePageQuery: GraphQLFieldsExtension = (graphQL, context) => {
  const articleType = context.collections.articles?.graphQL?.type
  if (!articleType) return {}
  const { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } = graphQL
  const articleList = new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(articleType)))
  const ArticlePage = new GraphQLObjectType({
    name: 'ArticlePage',
    description: 'An article with its newer and older neighbours in the same primary category.',
    fields: {
      article: { type: articleType },
      newer: { type: articleList, description: 'Public articles just after this one, oldest first.' },
      older: { type: articleList, description: 'Public articles just before this one, newest first.' },
    },
  })
  return {
    ArticlePage: {
      type: ArticlePage,
      description: 'A whole article page in one request; null when the article is missing or not public.',
      args: {
        slug: { type: new GraphQLNonNull(GraphQLString) },
        ...(context.types.localeInputType ? { locale: { type: context.types.localeInputType } } : {}),
        ...(context.types.fallbackLocaleInputType
          ? { fallbackLocale: { type: context.types.fallbackLocaleInputType } }
          : {}),
        neighbors: {
          type: GraphQLInt,
          defaultValue: NEIGHBORS.default,
          description: `How many newer and how many older articles (${NEIGHBORS.min}..${NEIGHBORS.max}).`,
        },
      },
      async resolve(_: unknown, args: ArticlePageArgs, { req }: { req: PayloadRequest }) {
        checkNeighbors(args.neighbors)
        // Relationship fields of Article read the locale from req, as Payload's own queries arrange.
        if (args.locale) req.locale = args.locale
        if (args.fallbackLocale) req.fallbackLocale = args.fallbackLocale as PayloadRequest['fallbackLocale']
        return findArticlePage(req, args)
      },
    },
  }
}

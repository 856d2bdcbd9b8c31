import type { GraphQLResolveInfo } from 'graphql'
import { ValidationError, type PayloadRequest, type SelectType, type TypedLocale, type Where } from 'payload'
import type { GraphQLFieldsExtension } from '../feature'
import { publicArticleWhere } from '../lib/publicWhere'
import { selectedNames, skipUnrequestedHeavyFields } from './selection'

/** How many newer and older articles a page may ask for. */
export const NEIGHBORS = { default: 5, min: 1, max: 20 } as const

type ArticleDoc = Record<string, unknown> & { id: string | number; publishedAt?: string | null; primaryCategory?: unknown }

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
 * One article page in four database queries, whatever `neighbors` is. Three light adapter reads
 * locate the article and the ids of its newer and older neighbours (nothing they return reaches
 * the reader); then one Local API read fetches all of them with the reader's access, hooks and
 * locale. Everything is read at depth 0 with the caller's `req`, so relationships are filled
 * later by Payload's per-request DataLoader: one batched query per related collection.
 */
export async function findArticlePage(
  req: PayloadRequest,
  args: ArticlePageArgs,
  select?: SelectType,
): Promise<ArticlePageData | null> {
  const neighbors = checkNeighbors(args.neighbors)
  const { payload } = req
  const locale = (args.locale ?? req.locale ?? undefined) as TypedLocale | undefined
  const fallbackLocale = (args.fallbackLocale ?? req.fallbackLocale ?? undefined) as TypedLocale | undefined
  const located = await payload.db.find<ArticleDoc>({
    collection: 'articles',
    where: { slug: { equals: args.slug } },
    select: { publishedAt: true, primaryCategory: true },
    limit: 1,
    pagination: false,
    locale: locale ?? undefined,
    req,
  })
  const target = located.docs[0]
  if (!target) return null

  let newerIds: Array<string | number> = []
  let olderIds: Array<string | number> = []
  if (target.publishedAt) {
    const publishedAt = new Date(target.publishedAt).toISOString()
    const primaryCategory = idOf(target.primaryCategory)
    // Neighbours are public whoever asks: an editor's page shows what readers will see next to it.
    const scope: Where[] = [publicArticleWhere(), { id: { not_equals: target.id } }]
    // `primaryCategory` is kept equal to the first category on save: one indexed column, no join.
    if (primaryCategory !== undefined) scope.push({ primaryCategory: { equals: primaryCategory } })
    const idsAfter = (direction: 'greater_than' | 'less_than', sort: string[]) =>
      payload.db
        .find<ArticleDoc>({
          collection: 'articles',
          where: {
            and: [
              ...scope,
              {
                or: [
                  { publishedAt: { [direction]: publishedAt } },
                  { and: [{ publishedAt: { equals: publishedAt } }, { id: { [direction]: target.id } }] },
                ],
              },
            ],
          },
          select: { id: true },
          sort,
          limit: neighbors,
          pagination: false,
          locale: locale ?? undefined,
          req,
        })
        .then((result) => result.docs.map((doc) => doc.id))
    ;[newerIds, olderIds] = await Promise.all([
      idsAfter('greater_than', ['publishedAt', 'id']),
      idsAfter('less_than', ['-publishedAt', '-id']),
    ])
  }

  // The reader's own access applies to the article and its neighbours alike.
  const { docs } = await payload.find({
    collection: 'articles',
    where: { id: { in: [target.id, ...newerIds, ...olderIds] } },
    limit: 0,
    pagination: false,
    depth: 0,
    select,
    locale,
    fallbackLocale,
    overrideAccess: false,
    req,
  })
  const byId = new Map((docs as ArticleDoc[]).map((doc) => [String(doc.id), doc]))
  const article = byId.get(String(target.id))
  if (!article) return null
  const inOrder = (ids: Array<string | number>) =>
    ids.flatMap((id) => {
      const doc = byId.get(String(id))
      return doc ? [doc] : []
    })
  return { article, newer: inOrder(newerIds), older: inOrder(olderIds) }
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
      async resolve(_: unknown, args: ArticlePageArgs, { req }: { req: PayloadRequest }, info: GraphQLResolveInfo) {
        checkNeighbors(args.neighbors)
        // Relationship fields of Article read the locale from req, as Payload's own queries arrange.
        if (args.locale) req.locale = args.locale
        if (args.fallbackLocale) req.fallbackLocale = args.fallbackLocale as PayloadRequest['fallbackLocale']
        // Reading a body nobody asked for (11 of them on a default page) costs more than the queries.
        const requested = new Set(['article', 'newer', 'older'].flatMap((name) => [...selectedNames(info, name)]))
        const fields = req.payload.collections.articles.config.flattenedFields
        return findArticlePage(req, args, skipUnrequestedHeavyFields(fields, requested))
      },
    },
  }
}

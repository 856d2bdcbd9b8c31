import type { GraphQLResolveInfo } from 'graphql'
import {
  ValidationError,
  type PayloadRequest,
  type SelectType,
  type TypedLocale,
  type Where,
} from 'payload'
import type { GraphQLFieldsExtension } from '../../core/feature.js'
import { idOf } from '../../core/ids.js'
import { publicArticleWhere } from '../content/publicWhere.js'
import { scopedRequest, scopeNestedResolvers } from './localeScope.js'
import { requestedFields, selectForRequested } from './selection.js'
import { ARTICLES_SLUG, SITE_FIELD } from '../../core/constants.js'
import type { Id } from '../../core/ids.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { resolveSite } from '../sites/resolve.js'
import { currentOwnerOf } from '../content/oldSlugs/store.js'

/** How many newer and older articles a page may ask for. */
export const NEIGHBORS = { default: 5, min: 1, max: 20 } as const
/** How many related articles (sharing a topic) a page shows. */
export const RELATED = 5

type ArticleDoc = Record<string, unknown> & {
  id: Id
  publishedAt?: string | null
  primaryCategory?: unknown
}

export interface ArticlePageData {
  article: ArticleDoc
  newer: ArticleDoc[]
  older: ArticleDoc[]
  related: ArticleDoc[]
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

/** What each read of `findArticlePage` selects: the article's own fields and the neighbours'. */
export interface ArticlePageSelect {
  article?: SelectType
  /** `false`: the caller shows no neighbours, so they are not read (`newer` and `older` are empty). */
  neighbors?: SelectType | false
  /** `false`: the caller shows no related articles, so they are not read (`related` is empty). */
  related?: SelectType | false
}

/**
 * One article page in three database queries of articles, whatever `neighbors` is: the article by
 * slug, then its newer and its older neighbours (in parallel), plus its related articles (in
 * parallel too) when asked for. All are Local API reads with the reader's access, hooks and
 * locale, at depth 0 with the caller's `req`, so relationships are filled later by Payload's
 * per-request DataLoader: one batched query per related collection. Each read selects only what
 * its part of the page asked for (`select.article`, `select.neighbors`, `select.related`).
 * All are on `site` (the request's), whoever reads: a page belongs to one site, and the same slug
 * may live on another. A slug no article has now is looked up among old slugs (two more queries,
 * only then).
 */
export async function findArticlePage(
  req: PayloadRequest,
  args: ArticlePageArgs,
  select: ArticlePageSelect = {},
  site: { id: Id } | null = null,
): Promise<ArticlePageData | null> {
  const neighbors = checkNeighbors(args.neighbors)
  // No slug holds a NUL character (PostgreSQL could not even compare one): no such article.
  if (args.slug.includes('\u0000')) return null
  const { payload } = req
  const locale = (args.locale ?? req.locale ?? undefined) as TypedLocale | undefined
  const fallbackLocale = (args.fallbackLocale ?? req.fallbackLocale ?? undefined) as
    TypedLocale | undefined
  const onSite: Where[] = site ? [{ [SITE_FIELD]: { equals: site.id } }] : []
  const read = (where: Where, options: { select?: SelectType; sort?: string[]; limit: number }) =>
    payload.find({
      collection: ARTICLES_SLUG,
      where: { and: [where, ...onSite] },
      ...options,
      pagination: false,
      depth: 0,
      locale,
      fallbackLocale,
      // The reader's own access applies to the article and its neighbours alike.
      overrideAccess: false,
      req,
    }) as Promise<{ docs: ArticleDoc[] }>
  // The neighbours are found from the article's publishedAt and primary category, related ones
  // from its topics; the slug tells a front end whether an old slug was asked (answer 301).
  const articleSelect =
    select.article &&
    withFields(select.article, [
      'slug',
      'publishedAt',
      'primaryCategory',
      ...(select.related !== false ? ['topics'] : []),
    ])
  const bySlug = async (where: Where) =>
    (await read(where, { select: articleSelect, limit: 1 })).docs[0] as ArticleDoc | undefined
  let article = await bySlug({ slug: { equals: args.slug } })
  if (!article) {
    // An old slug leads to the article that had it, read with the same rules (a draft stays hidden).
    const owner = await currentOwnerOf(
      req,
      ARTICLES_SLUG,
      site ? String(site.id) : undefined,
      args.slug,
    )
    if (owner !== undefined) article = await bySlug({ id: { equals: owner } })
  }
  if (!article) return null
  const [newer, older, related] = await Promise.all([
    ...neighborsOf(article, select, neighbors, read),
    relatedTo(article, select, read),
  ])
  return { article, newer, older, related }
}

type Read = (
  where: Where,
  options: { select?: SelectType; sort?: string[]; limit: number },
) => Promise<{ docs: ArticleDoc[] }>

/** The newer and older public neighbours in the article's primary category (none when not asked). */
function neighborsOf(
  article: ArticleDoc,
  select: ArticlePageSelect,
  neighbors: number,
  read: Read,
): [Promise<ArticleDoc[]>, Promise<ArticleDoc[]>] {
  if (!article.publishedAt || select.neighbors === false)
    return [Promise.resolve([]), Promise.resolve([])]
  const publishedAt = new Date(article.publishedAt).toISOString()
  const primaryCategory = idOf(article.primaryCategory)
  // Neighbours are public whoever asks: an editor's page shows what readers will see next to it.
  // The tie-break below (same publishedAt: by id) already leaves the article itself out.
  const scope: Where[] = [publicArticleWhere()]
  // `primaryCategory` is kept equal to the first category on save: one indexed column, no join.
  if (primaryCategory !== undefined) scope.push({ primaryCategory: { equals: primaryCategory } })
  const after = (direction: 'greater_than' | 'less_than', sort: string[]) =>
    read(
      {
        and: [
          ...scope,
          // Implied by the condition below; stated, so the index range starts at the article
          // (else the older side walks every newer article of the category first).
          { publishedAt: { [`${direction}_equal`]: publishedAt } },
          {
            or: [
              { publishedAt: { [direction]: publishedAt } },
              {
                and: [
                  { publishedAt: { equals: publishedAt } },
                  { id: { [direction]: article.id } },
                ],
              },
            ],
          },
        ],
      },
      { select: select.neighbors || undefined, sort, limit: neighbors },
    ).then((result) => result.docs)
  // `createdAt` orders nothing after the unique id; named in the same direction, it stops Payload
  // appending its own `-createdAt` tie-break, which no single index could serve on both sides.
  return [
    after('greater_than', ['publishedAt', 'id', 'createdAt']),
    after('less_than', ['-publishedAt', '-id', '-createdAt']),
  ]
}

/** Up to `RELATED` public articles sharing a topic with this one, newest first, never itself. */
async function relatedTo(
  article: ArticleDoc,
  select: ArticlePageSelect,
  read: Read,
): Promise<ArticleDoc[]> {
  if (select.related === false) return []
  const topics = (Array.isArray(article.topics) ? article.topics : [])
    .map(idOf)
    .filter((id) => id !== undefined)
  if (!topics.length) return []
  const { docs } = await read(
    {
      and: [publicArticleWhere(), { topics: { in: topics } }, { id: { not_equals: article.id } }],
    },
    {
      select: select.related || undefined,
      sort: ['-publishedAt', '-id', '-createdAt'],
      limit: RELATED,
    },
  )
  return docs
}

/** An include-mode `select` with `names` added; an exclude-mode one as it is. */
function withFields(select: SelectType, names: string[]): SelectType {
  const include = Object.values(select).every((value) => value !== false)
  return include
    ? ({ ...select, ...Object.fromEntries(names.map((name) => [name, true])) } as SelectType)
    : select
}

/**
 * `ArticlePage(slug, locale, fallbackLocale, neighbors)`: a whole article page in one round trip.
 * `article`, `newer` and `older` are Payload's own `Article` type, so every field of it (virtual
 * ones such as `rating` and `views` included) resolves exactly as in `Article(id)`.
 */
export const articlePageQuery =
  (options: Pick<ResolvedNewsPortalOptions, 'trustProxy'>): GraphQLFieldsExtension =>
  (graphQL, context) => {
    const articleType = context.collections[ARTICLES_SLUG]?.graphQL?.type
    if (!articleType) return {}
    const { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } = graphQL
    const articleList = new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(articleType)))
    const ArticlePage = new GraphQLObjectType({
      name: 'ArticlePage',
      description: 'An article with its newer and older neighbours in the same primary category.',
      fields: {
        article: { type: articleType },
        newer: {
          type: articleList,
          description: 'Public articles just after this one, oldest first.',
        },
        older: {
          type: articleList,
          description: 'Public articles just before this one, newest first.',
        },
        related: {
          type: articleList,
          description: `Up to ${RELATED} public articles sharing a topic with this one, newest first.`,
        },
      },
    })
    return {
      ArticlePage: {
        type: ArticlePage,
        description:
          'A whole article page in one request; null when the article is missing or not public.',
        args: {
          slug: { type: new GraphQLNonNull(GraphQLString) },
          ...(context.types.localeInputType
            ? { locale: { type: context.types.localeInputType } }
            : {}),
          ...(context.types.fallbackLocaleInputType
            ? { fallbackLocale: { type: context.types.fallbackLocaleInputType } }
            : {}),
          neighbors: {
            type: GraphQLInt,
            defaultValue: NEIGHBORS.default,
            description: `How many newer and how many older articles (${NEIGHBORS.min}..${NEIGHBORS.max}).`,
          },
        },
        async resolve(
          _: unknown,
          args: ArticlePageArgs,
          context: { req: PayloadRequest },
          info: GraphQLResolveInfo,
        ) {
          checkNeighbors(args.neighbors)
          // The page's locale reaches its relationships, never the sibling root fields. (Wrapped on
          // first use: Payload builds the types lazily, and other features register some of them.)
          scopeNestedResolvers(graphQL, articleType)
          const req = scopedRequest(context, info, args.locale, args.fallbackLocale)
          // Reading a body nobody asked for (11 of them on a default page) costs more than the queries.
          const fields = req.payload.collections[ARTICLES_SLUG].config.flattenedFields
          const requested = (...parts: string[]) => requestedFields(articleType, info, ...parts)
          const forNeighbors = requested('newer', 'older')
          const forRelated = requested('related')
          // An unknown x-portal-site is UNKNOWN_SITE here, before any read.
          const site = await resolveSite(req, options)
          return findArticlePage(
            req,
            args,
            {
              article: selectForRequested(fields, requested('article')),
              neighbors: forNeighbors.size ? selectForRequested(fields, forNeighbors) : false,
              related: forRelated.size ? selectForRequested(fields, forRelated) : false,
            },
            site,
          )
        },
      },
    }
  }

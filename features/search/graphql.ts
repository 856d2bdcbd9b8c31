import type { GraphQLResolveInfo } from 'graphql'
import type { PayloadRequest } from 'payload'
import { ARTICLES_SLUG } from '../../core/constants.js'
import type { GraphQLFieldsExtension } from '../../core/feature.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { scopedRequest, scopeNestedResolvers } from '../graphql/localeScope.js'
import { requestedFields, selectForRequested } from '../graphql/selection.js'
import { DEFAULT_SEARCH_LIMIT, MAX_QUERY_LENGTH, type SearchArgs } from './params.js'
import { searchArticles } from './search.js'

/** `SearchArticles(q, category, page, limit)`: the site's public articles matching `q`. */
export const searchArticlesQuery =
  (
    options: Pick<ResolvedNewsPortalOptions, 'trustProxy' | 'maxPublicPageSize'>,
  ): GraphQLFieldsExtension =>
  (graphQL, context) => {
    const articleType = context.collections[ARTICLES_SLUG]?.graphQL?.type
    if (!articleType) return {}
    const { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } = graphQL
    const SearchArticlesResult = new GraphQLObjectType({
      name: 'SearchArticlesResult',
      description: 'One page of search results: title matches first, then newest first.',
      fields: {
        docs: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(articleType))) },
        totalDocs: { type: new GraphQLNonNull(GraphQLInt) },
        page: { type: new GraphQLNonNull(GraphQLInt) },
        totalPages: { type: new GraphQLNonNull(GraphQLInt) },
      },
    })
    return {
      SearchArticles: {
        type: new GraphQLNonNull(SearchArticlesResult),
        description:
          'Public articles of the site whose title, lead, body, byline, authors or source hold every word of `q` (case and Vietnamese marks ignored; the last word may be the start of one).',
        args: {
          q: {
            type: new GraphQLNonNull(GraphQLString),
            description: `The words to find (1..${MAX_QUERY_LENGTH} characters).`,
          },
          category: { type: GraphQLString, description: "A category's slug: only its articles." },
          ...(context.types.localeInputType
            ? { locale: { type: context.types.localeInputType } }
            : {}),
          ...(context.types.fallbackLocaleInputType
            ? { fallbackLocale: { type: context.types.fallbackLocaleInputType } }
            : {}),
          page: { type: GraphQLInt, defaultValue: 1 },
          limit: {
            type: GraphQLInt,
            defaultValue: DEFAULT_SEARCH_LIMIT,
            description: `Articles per page (1..${options.maxPublicPageSize}).`,
          },
        },
        async resolve(
          _: unknown,
          args: SearchArgs & { locale?: string | null; fallbackLocale?: string | null },
          context: { req: PayloadRequest },
          info: GraphQLResolveInfo,
        ) {
          // The results' locale reaches their relationships, never the sibling root fields.
          scopeNestedResolvers(graphQL, articleType)
          const req = scopedRequest(context, info, args.locale, args.fallbackLocale)
          // Only the fields the query asked for are read (bodies are heavy).
          const fields = req.payload.collections[ARTICLES_SLUG].config.flattenedFields
          const requested = requestedFields(articleType, info, 'docs')
          return searchArticles(req, args, options, selectForRequested(fields, requested))
        },
      },
    }
  }

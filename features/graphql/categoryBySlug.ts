import type { GraphQLResolveInfo } from 'graphql'
import type { PayloadRequest, TypedLocale, Where } from 'payload'
import type { GraphQLFieldsExtension } from '../../core/feature.js'
import { CATEGORIES_SLUG, SITE_FIELD } from '../../core/constants.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { currentOwnerOf } from '../content/oldSlugs/store.js'
import { resolveSite } from '../sites/resolve.js'
import { scopedRequest, scopeNestedResolvers } from './localeScope.js'

interface CategoryBySlugArgs {
  slug: string
  locale?: string | null
  fallbackLocale?: string | null
}

/**
 * `CategoryBySlug(slug, locale, fallbackLocale)`: the request's site's category with this slug, or
 * the one that had it before (its current `slug` then differs: a front end answers 301).
 */
export const categoryBySlugQuery =
  (options: Pick<ResolvedNewsPortalOptions, 'trustProxy'>): GraphQLFieldsExtension =>
  (graphQL, context) => {
    const categoryType = context.collections[CATEGORIES_SLUG]?.graphQL?.type
    if (!categoryType) return {}
    return {
      CategoryBySlug: {
        type: categoryType,
        description:
          "The category with this slug on the request's site, or the one that had it before; null when none.",
        args: {
          slug: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLString) },
          ...(context.types.localeInputType
            ? { locale: { type: context.types.localeInputType } }
            : {}),
          ...(context.types.fallbackLocaleInputType
            ? { fallbackLocale: { type: context.types.fallbackLocaleInputType } }
            : {}),
        },
        async resolve(
          _: unknown,
          args: CategoryBySlugArgs,
          context: { req: PayloadRequest },
          info: GraphQLResolveInfo,
        ) {
          scopeNestedResolvers(graphQL, categoryType)
          const req = scopedRequest(context, info, args.locale, args.fallbackLocale)
          if (args.slug.includes('\u0000')) return null
          const site = await resolveSite(req, options)
          const onSite: Where[] = site ? [{ [SITE_FIELD]: { equals: site.id } }] : []
          const read = async (where: Where) =>
            (
              await req.payload.find({
                collection: CATEGORIES_SLUG,
                where: { and: [where, ...onSite] },
                limit: 1,
                pagination: false,
                depth: 0,
                locale: (args.locale ?? req.locale ?? undefined) as TypedLocale | undefined,
                fallbackLocale: (args.fallbackLocale ?? req.fallbackLocale ?? undefined) as never,
                overrideAccess: false,
                req,
              })
            ).docs[0] ?? null
          const current = await read({ slug: { equals: args.slug } })
          if (current) return current
          const owner = await currentOwnerOf(
            req,
            CATEGORIES_SLUG,
            site ? String(site.id) : undefined,
            args.slug,
          )
          return owner === undefined ? null : read({ id: { equals: owner } })
        },
      },
    }
  }

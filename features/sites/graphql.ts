import type { PayloadRequest, TypedLocale } from 'payload'
import type { GraphQLFieldsExtension } from '../../core/feature.js'
import { SITES_SLUG } from '../../core/constants.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { resolveSite } from './resolve.js'

interface PortalSiteArgs {
  locale?: string | null
  fallbackLocale?: string | null
}

/** What a front end renders of its site: the header's name, absolute links and date lines. */
export interface PortalSiteSettings {
  name: string
  slug: string
  siteUrl: string | null
  timeZone: string
}

/**
 * `PortalSite(locale, fallbackLocale)`: the public settings of the site the request is for
 * (`x-portal-site`, else the host, else the default site); `null` only while no site exists.
 */
export const sitesQueries =
  (options: ResolvedNewsPortalOptions): GraphQLFieldsExtension =>
  (graphQL, context) => {
    const { GraphQLNonNull, GraphQLObjectType, GraphQLString } = graphQL
    const text = { type: new GraphQLNonNull(GraphQLString) }
    const PortalSite = new GraphQLObjectType({
      name: 'PortalSite',
      description: "The public settings of the request's site.",
      fields: {
        name: { ...text, description: "The site's name in the requested locale." },
        slug: { ...text, description: 'What the x-portal-site header names.' },
        siteUrl: { type: GraphQLString, description: 'The public address, when one is set.' },
        timeZone: { ...text, description: 'For dates and counters (IANA, e.g. Asia/Ho_Chi_Minh).' },
      },
    })
    return {
      PortalSite: {
        type: PortalSite,
        description:
          "The site this request is for (x-portal-site header, else the host's domain, else the default site).",
        args: {
          ...(context.types.localeInputType
            ? { locale: { type: context.types.localeInputType } }
            : {}),
          ...(context.types.fallbackLocaleInputType
            ? { fallbackLocale: { type: context.types.fallbackLocaleInputType } }
            : {}),
        },
        resolve: (_: unknown, args: PortalSiteArgs, { req }: { req: PayloadRequest }) =>
          portalSite(req, options, args),
      },
    }
  }

async function portalSite(
  req: PayloadRequest,
  options: ResolvedNewsPortalOptions,
  args: PortalSiteArgs,
): Promise<PortalSiteSettings | null> {
  const site = await resolveSite(req, options)
  if (!site) return null
  // The name in the reader's locale (the registry keeps the default locale's), read as the public
  // reads it; without `req`, whose locale the Local API would overwrite for sibling fields.
  const doc = (await req.payload.findByID({
    collection: SITES_SLUG as never,
    id: site.id,
    depth: 0,
    locale: (args.locale ?? req.locale ?? undefined) as TypedLocale | undefined,
    fallbackLocale: (args.fallbackLocale ?? undefined) as never,
    select: { name: true } as never,
    overrideAccess: false,
  })) as unknown as { name?: string | null }
  return {
    name: doc.name ?? site.name,
    slug: site.slug,
    siteUrl: site.siteUrl,
    timeZone: site.timeZone || options.timeZone,
  }
}

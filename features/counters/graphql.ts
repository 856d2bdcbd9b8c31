import type * as GraphQL from 'graphql'
import type { PayloadRequest } from 'payload'
import type { GraphQLFieldsExtension, PortalFeature } from '../../core/feature.js'
import { perOwner } from '../../core/batch.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { onTimeRate, overdueRate } from './dossier.js'
import { recordVisit, visitorStats } from './visits.js'
import { WIDGETS } from './sync.js'
import { WIDGET_KINDS } from '../../core/constants.js'
import { onePerOperationRule } from '../../core/onePerOperation.js'
import { limitVisits } from './visitLimit.js'
import { resolveSite } from '../sites/resolve.js'
import { onSite, type CounterSite } from './siteScope.js'

interface CountersTypes {
  visitorStats: GraphQL.GraphQLObjectType
  dossierStats: GraphQL.GraphQLObjectType
}

// Queries and mutations must share one VisitorStats type per schema (per graphql module).
const countersTypes = perOwner((graphQL: typeof GraphQL): CountersTypes => {
  const {
    GraphQLFloat,
    GraphQLInt,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLString,
  } = graphQL
  const int = { type: new GraphQLNonNull(GraphQLInt) }
  return {
    visitorStats: new GraphQLObjectType({
      name: 'VisitorStats',
      description:
        'The visitor counter: live figures plus the baseline brought from a previous CMS.',
      fields: {
        online: { ...int, description: 'Distinct sessions seen in the last onlineWindowMinutes.' },
        today: { ...int, description: 'Visits today (site time zone).' },
        thisMonth: { ...int, description: 'Visits this calendar month (site time zone).' },
        lastMonth: { ...int, description: 'Visits in the previous calendar month.' },
        total: { ...int, description: 'All visits.' },
        updatedAt: {
          type: new GraphQLNonNull(GraphQLString),
          description: 'When these figures were read (ISO).',
        },
      },
    }),
    dossierStats: new GraphQLObjectType({
      name: 'DossierStats',
      description: 'The dossier-processing panel ("Tình hình giải quyết hồ sơ").',
      fields: {
        title: { type: GraphQLString },
        slug: { type: GraphQLString },
        agency: { type: GraphQLString },
        period: { type: GraphQLString, description: 'YYYY-MM' },
        levels: {
          type: new GraphQLNonNull(
            new GraphQLList(
              new GraphQLNonNull(
                new GraphQLObjectType({
                  name: 'DossierLevel',
                  fields: { label: { type: new GraphQLNonNull(GraphQLString) }, count: int },
                }),
              ),
            ),
          ),
        },
        received: int,
        resolved: int,
        overdue: int,
        onTime: int,
        onTimeRate: {
          type: GraphQLFloat,
          description: 'onTime / (onTime + overdue) × 100, 2 decimals; null when both are 0.',
        },
        overdueRate: {
          type: GraphQLFloat,
          description: 'overdue / (onTime + overdue) × 100, 2 decimals; null when both are 0.',
        },
        updatedAt: {
          type: GraphQLString,
          description: 'When the figures were last updated ("tự động cập nhật lúc"), ISO.',
        },
      },
    }),
  }
})

type Context = { req: PayloadRequest }

export const countersQueries =
  (options: ResolvedNewsPortalOptions): GraphQLFieldsExtension =>
  (graphQL) => {
    const types = countersTypes(graphQL)
    return {
      VisitorStats: {
        type: new graphQL.GraphQLNonNull(types.visitorStats),
        resolve: async (_root: unknown, _args: unknown, { req }: Context) =>
          visitorStats(req.payload, options, await resolveSite(req, options)),
      },
      DossierStats: {
        type: types.dossierStats,
        args: { slug: { type: graphQL.GraphQLString } },
        resolve: async (_root: unknown, { slug }: { slug?: string | null }, { req }: Context) =>
          dossierStats(req, await resolveSite(req, options), slug),
      },
    }
  }

export const countersMutations =
  (options: ResolvedNewsPortalOptions): GraphQLFieldsExtension =>
  (graphQL) => {
    const types = countersTypes(graphQL)
    return {
      recordVisit: {
        type: new graphQL.GraphQLNonNull(types.visitorStats),
        args: {
          session: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLString) },
          path: { type: graphQL.GraphQLString },
          article: { type: graphQL.GraphQLID },
        },
        resolve: async (
          _root: unknown,
          args: { session: string; path?: string; article?: string },
          { req }: Context,
        ) => {
          const site = await resolveSite(req, options)
          await limitVisits(req, options, site, args.session)
          const result = await recordVisit(req.payload, options, site, {
            ...args,
            userAgent: req.headers?.get('user-agent'),
          })
          return result.stats()
        },
      },
    }
  }

/** Many visits in one request would count one reader many times: one `recordVisit` per operation. */
export const recordVisitValidation: NonNullable<PortalFeature['graphQLValidationRules']> = (
  args,
) => [onePerOperationRule('recordVisit', args.operationName)]

/** The stored fields of a dossier-stats widget that the panel shows. */
interface DossierWidgetDoc {
  title?: string | null
  slug?: string | null
  agency?: string | null
  period?: string | null
  levels?: Array<{ label: string; count?: number | null }> | null
  received?: number | null
  resolved?: number | null
  onTime?: number | null
  overdue?: number | null
  figuresUpdatedAt?: string | null
}

/** The enabled panel of `site` with `slug`, or (without a slug) its first enabled one, oldest first. */
export async function dossierStats(
  req: Pick<PayloadRequest, 'payload'>,
  site: CounterSite,
  slug?: string | null,
) {
  // No slug holds a NUL character (PostgreSQL could not even compare one): no such panel.
  if (slug?.includes('\u0000')) return null
  const { docs } = await req.payload.find({
    collection: WIDGETS,
    where: {
      and: [
        { kind: { equals: WIDGET_KINDS.dossierStats } },
        { enabled: { equals: true } },
        ...(slug ? [{ slug: { equals: slug } }] : []),
        ...onSite(site),
      ],
    },
    sort: 'createdAt',
    limit: 1,
    depth: 0,
    // site-scope: scoped by onSite(site).
    overrideAccess: true,
  })
  const widget = docs[0] as DossierWidgetDoc | undefined
  if (!widget) return null
  const figures = { onTime: widget.onTime ?? 0, overdue: widget.overdue ?? 0 }
  return {
    title: widget.title,
    slug: widget.slug,
    agency: widget.agency ?? null,
    period: widget.period ?? null,
    levels: (widget.levels ?? []).map(({ label, count }) => ({ label, count: count ?? 0 })),
    received: widget.received ?? 0,
    resolved: widget.resolved ?? 0,
    overdue: figures.overdue,
    onTime: figures.onTime,
    onTimeRate: onTimeRate(figures),
    overdueRate: overdueRate(figures),
    updatedAt: widget.figuresUpdatedAt ?? null,
  }
}

import type {
  CollectionConfig,
  Config,
  CustomComponent,
  Endpoint,
  Field,
  Payload,
  TaskConfig,
} from 'payload'
import { capturePayloadGraphQL } from './graphqlModule.js'

/** A GraphQL extension in Payload's shape: receives Payload's `graphql` module and context, returns fields. */
export type GraphQLFieldsExtension = NonNullable<NonNullable<Config['graphQL']>['queries']>

/**
 * One part of the portal (ratings, counters, the public GraphQL surface, …). The plugin merges
 * every feature into the config, so each lives in its own folder and is registered in one line.
 */
export interface PortalFeature {
  /** Fields appended to `articles` (virtual fields such as `rating`, `views`). */
  articleFields?: Field[]
  /** Hooks appended to other portal collections, by slug (e.g. re-indexing on an author's rename). */
  collectionHooks?: Record<string, NonNullable<CollectionConfig['hooks']>>
  /** Endpoints appended to `articles` (e.g. `/:id/rate`). */
  articleEndpoints?: Endpoint[]
  /** Hooks appended to `articles` (e.g. deleting an article's counters with it). */
  articleHooks?: NonNullable<CollectionConfig['hooks']>
  /** Root REST endpoints under `/api` (e.g. `/visits`, `/feed.xml`). */
  endpoints?: Endpoint[]
  /** GraphQL queries the feature adds. */
  queries?: GraphQLFieldsExtension
  /** GraphQL mutations the feature adds. */
  mutations?: GraphQLFieldsExtension
  /** Payload job tasks (and their schedules) the feature adds. */
  tasks?: TaskConfig[]
  /** GraphQL validation rules the feature adds (they see the request's variables). */
  graphQLValidationRules?: NonNullable<NonNullable<Config['graphQL']>['validationRules']>
  /** Admin components shown above the dashboard (e.g. the counters' figures). */
  beforeDashboard?: CustomComponent[]
  /** Runs once Payload has started. */
  onInit?: (payload: Payload) => Promise<void> | void
  /** Last word on the whole config (GraphQL limits, CORS), applied after everything else, when the plugin is enabled. */
  finalizeConfig?: (config: Config) => Config
}

/** Combines GraphQL field extensions, keeping whatever the site already defined. */
export function chainGraphQL(
  existing: GraphQLFieldsExtension | undefined,
  added: GraphQLFieldsExtension[],
): GraphQLFieldsExtension | undefined {
  if (!existing && added.length === 0) return undefined
  return (graphQL, context) => {
    capturePayloadGraphQL(graphQL)
    const fields = { ...(existing ? existing(graphQL, context) : {}) }
    for (const extension of added) Object.assign(fields, extension(graphQL, context))
    return fields
  }
}

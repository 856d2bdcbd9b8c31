import * as ownGraphQL from 'graphql'

/** A graphql module: the one Payload builds its schema with, or this package's own copy. */
export type GraphQLModule = typeof ownGraphQL

let captured: GraphQLModule | undefined

/** Records the module Payload hands to GraphQL extensions (`chainGraphQL` calls it for every schema build). */
export function capturePayloadGraphQL(graphQL: GraphQLModule): void {
  captured = graphQL
}

/**
 * The graphql module Payload builds its schema with, once it has; this package's own copy before.
 * Errors reported during validation must be instances of its GraphQLError (the HTTP handler checks
 * with `instanceof`), and a bundler may give the plugin another copy (Vite loads the .mjs build).
 */
export function payloadGraphQL(): GraphQLModule {
  return captured ?? ownGraphQL
}

import { GraphQLError, type SelectionSetNode, type ValidationRule } from 'graphql'
import { fragmentsOf, selectionFolder } from '../../core/selections.js'

/** Introspection reads only the schema in memory and nests 15 levels in the standard query; it is exempt (and off in production). */
const INTROSPECTION_ROOTS = new Set(['__schema', '__type'])

/**
 * Rejects an operation whose selections nest deeper than `maxDepth` (fragments followed),
 * during validation, so no resolver runs. `{ a { b } }` has depth 2. `ErrorClass` should be the
 * GraphQLError of the graphql module Payload runs on: an error from another copy of graphql
 * (Vite loads its .mjs build) is not recognised by the HTTP handler and comes out malformed.
 */
export function depthLimitRule(
  maxDepth: number,
  ErrorClass: typeof GraphQLError = GraphQLError,
): ValidationRule {
  return (context) => {
    // A fragment's depth does not depend on where it is spread: the folder computes it once.
    const depthOf: (selectionSet: SelectionSetNode | undefined) => number = selectionFolder(
      fragmentsOf(context.getDocument()),
      {
        field: (field) =>
          INTROSPECTION_ROOTS.has(field.name.value) ? 0 : 1 + depthOf(field.selectionSet),
        merge: (depths) => depths.reduce((deepest, depth) => Math.max(deepest, depth), 0),
      },
    )
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet)
        if (depth > maxDepth) {
          const name = operation.name ? `Operation "${operation.name.value}"` : 'The query'
          context.reportError(
            new ErrorClass(`${name} is nested ${depth} levels deep; the maximum is ${maxDepth}.`, {
              nodes: [operation],
              extensions: { code: 'QUERY_TOO_DEEP', depth, maxDepth },
            }),
          )
        }
      },
    }
  }
}

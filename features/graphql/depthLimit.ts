import {
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql'

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
    const fragments = new Map<string, FragmentDefinitionNode>()
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(definition.name.value, definition)
    }
    // A fragment's depth does not depend on where it is spread: computing it once keeps this linear.
    const fragmentDepths = new Map<string, number>()
    const depthOf = (selectionSet: SelectionSetNode, visiting: Set<string>): number => {
      let deepest = 0
      for (const selection of selectionSet.selections) {
        let depth: number
        if (selection.kind === Kind.FIELD) {
          if (INTROSPECTION_ROOTS.has(selection.name.value)) continue
          depth = selection.selectionSet ? 1 + depthOf(selection.selectionSet, visiting) : 1
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          depth = depthOf(selection.selectionSet, visiting)
        } else {
          const name = selection.name.value
          const fragment = fragments.get(name)
          // Unknown or cyclic fragments are reported by graphql's own rules.
          if (!fragment || visiting.has(name)) continue
          if (!fragmentDepths.has(name)) {
            fragmentDepths.set(name, depthOf(fragment.selectionSet, new Set(visiting).add(name)))
          }
          depth = fragmentDepths.get(name)!
        }
        if (depth > deepest) deepest = depth
      }
      return deepest
    }
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set())
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

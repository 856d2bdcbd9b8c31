import {
  GraphQLError,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql'

/**
 * Refuses an operation that selects the mutation `fieldName` more than once (aliased or not,
 * through fragments too), during validation, so none of them runs: one request, one effect.
 * Only the operation that will run counts (`operationName`, or each one when none is named).
 * `errorClass` gives the GraphQLError of the graphql module Payload runs on (an error of another
 * copy of graphql is not recognised by the HTTP handler).
 */
export function onePerOperationRule(
  fieldName: string,
  operationName: string | null | undefined,
  errorClass: () => typeof GraphQLError | undefined = () => GraphQLError,
): ValidationRule {
  return (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>()
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(definition.name.value, definition)
    }
    const collect = (selectionSet: SelectionSetNode, found: FieldNode[], visiting: Set<string>) => {
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value === fieldName) found.push(selection)
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          collect(selection.selectionSet, found, visiting)
        } else {
          const name = selection.name.value
          const fragment = fragments.get(name)
          // Unknown or cyclic fragments are reported by graphql's own rules.
          if (fragment && !visiting.has(name))
            collect(fragment.selectionSet, found, new Set(visiting).add(name))
        }
      }
      return found
    }
    return {
      OperationDefinition(operation) {
        if (operation.operation !== 'mutation') return
        if (operationName && operation.name?.value !== operationName) return
        const found = collect(operation.selectionSet, [], new Set())
        if (found.length < 2) return
        const ErrorClass = errorClass() ?? GraphQLError
        context.reportError(
          new ErrorClass(
            `${fieldName} may appear at most once in an operation; this one has it ${found.length} times.`,
            {
              nodes: found,
              extensions: { code: 'ONE_PER_OPERATION', field: fieldName, statusCode: 400 },
            },
          ),
        )
      },
    }
  }
}
